-- The revalidation job a workspace waits for: the one enqueued by its last change of identifiers.
-- Each change enqueues a job; an earlier one still queued or running finds itself superseded and
-- stops, so one job at a time merges and drains the workspace's queue of Track API calls, with the
-- identifiers in force. NULL: none since this column exists (a job enqueued before it runs as then).
ALTER TABLE workspaces ADD COLUMN revalidation_job_id text;
