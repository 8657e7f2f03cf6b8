-- Customer.io numbers object types "1", "2", … in the order they were created, and its clients
-- send that number as object_type_id (Track API v2, issue #23). Each object type gets a number of
-- its own when it is created (src/features/track/object-type-numbers.ts: the highest of the
-- workspace plus one, under a lock per workspace) and keeps it; a deleted type's number is never
-- given again, so a number names the same type for good.
CREATE TABLE object_type_numbers (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  type_id text NOT NULL,
  number integer NOT NULL CHECK (number > 0),
  PRIMARY KEY (workspace_id, type_id),
  -- No foreign key to resources: a deleted type keeps its number, so the number is never reused.
  UNIQUE (workspace_id, number)
);

-- The types created before this migration, numbered in creation order.
INSERT INTO object_type_numbers (workspace_id, type_id, number)
SELECT workspace_id, id, row_number() OVER (PARTITION BY workspace_id ORDER BY created_at, id)
FROM resources
WHERE kind = 'object_type';
