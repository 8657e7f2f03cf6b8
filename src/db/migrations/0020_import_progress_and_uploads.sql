-- A job is given up on only after MAX_ATTEMPTS runs in a row that made no progress, however many
-- runs it took: progress_attempt is the attempt that last saved progress together with its work
-- (JobQueue.saveResult), so attempts - progress_attempt counts the runs since.
ALTER TABLE jobs ADD COLUMN progress_attempt integer NOT NULL DEFAULT 0;

-- CSV uploads in flight. The request registers its upload before its first chunk, touches it as
-- it goes, and removes it in the transaction that enqueues the import job: at any time a chunk
-- belongs to an upload, to a job, or to nobody. A sweep deletes the chunks of uploads not heard
-- from for a grace period (the request or its process died) and of jobs that will not run again.
CREATE TABLE import_uploads (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  job_id text NOT NULL,
  touched_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, job_id)
);
CREATE INDEX import_uploads_touched_idx ON import_uploads (touched_at);

-- Chunks left by uploads that died before this release, or still streaming into a process of the
-- previous one: swept once the grace period has passed.
INSERT INTO import_uploads (workspace_id, job_id, touched_at)
  SELECT DISTINCT c.workspace_id, c.job_id, now() FROM import_chunks c
  WHERE NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = c.job_id);
