-- People exports as a job: the file is written a page at a time into chunks, with progress on
-- the job, and downloaded from them when it is done (any service process can serve it).
CREATE TABLE export_chunks (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  job_id text NOT NULL,
  seq integer NOT NULL,
  data text NOT NULL,
  PRIMARY KEY (workspace_id, job_id, seq)
);
