-- Customer.io numbers object types "1", "2", … in the order they were created, and its clients
-- send that number as object_type_id (Track API v2, issue #23). Each object type gets a number of
-- its own, given once in creation order (src/features/track/object-types.ts) and never reused, so
-- a number names the same type for good, even after others are deleted.
CREATE TABLE object_type_numbers (
  workspace_id text NOT NULL,
  type_id text NOT NULL,
  number integer NOT NULL CHECK (number > 0),
  PRIMARY KEY (workspace_id, type_id),
  -- No foreign key to resources: a deleted type keeps its number, so the number is never reused.
  UNIQUE (workspace_id, number)
);
