-- Revalidation (product.md §3): while a workspace's identifiers change, Track API calls wait here,
-- in arrival order, and are applied after; nothing is dropped.
-- And an email is unique among a workspace's people only while email is an identifier (the service
-- keeps it so); with email not an identifier, people may share one, and enabling email merges them.

DROP INDEX people_email_key;
CREATE INDEX people_email_idx ON people (workspace_id, lower(email)) WHERE email IS NOT NULL;

CREATE TABLE track_queue (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  operation text NOT NULL CHECK (operation IN ('identify', 'delete', 'event')),
  identifier text NOT NULL,
  body jsonb NOT NULL DEFAULT '{}',
  received_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, seq)
);
