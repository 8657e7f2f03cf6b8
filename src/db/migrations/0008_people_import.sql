-- CSV imports of people: the upload is parsed as it streams in and kept here in chunks of rows,
-- which a job applies one by one (each chunk with its rows, in one transaction), reporting the
-- rows it refused in jobs.result.

ALTER TABLE jobs ADD COLUMN result jsonb;
-- Workspace data leads with workspace_id (architecture.md), jobs included: a purge finds them by it.
CREATE INDEX jobs_workspace_idx ON jobs (workspace_id) WHERE workspace_id IS NOT NULL;

CREATE TABLE import_chunks (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  job_id text NOT NULL,
  seq integer NOT NULL,
  rows jsonb NOT NULL,
  PRIMARY KEY (workspace_id, job_id, seq)
);
