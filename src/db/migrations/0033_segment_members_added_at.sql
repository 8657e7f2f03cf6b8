-- The console lists a segment's people newest-added first, and a person's activity newest first
-- by the time each event happened (issue #23's follow-up). Members added before this migration
-- carry its time: when they joined was never recorded. Milliseconds, as the times the service writes
-- itself, so a page's cursor (src/shared/pagination.ts) names a row's time exactly.
ALTER TABLE segment_members ADD COLUMN added_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now());
CREATE INDEX segment_members_added_idx ON segment_members (workspace_id, segment_id, added_at DESC, cio_id DESC);
CREATE INDEX events_person_time_idx ON events (workspace_id, cio_id, created_at DESC, id DESC);
