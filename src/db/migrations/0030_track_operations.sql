-- The Track API as a drop-in for Customer.io's clients (issue #23): devices, suppressions,
-- anonymous events, events' type and client id, and a revalidation queue that holds any operation.

-- The queue holds a whole operation (src/features/track/operations.ts) as JSON; rows queued before
-- this migration keep operation, identifier and body, and still drain (src/features/track/queue.ts).
ALTER TABLE track_queue ADD COLUMN op jsonb;
ALTER TABLE track_queue ALTER COLUMN operation DROP NOT NULL;
ALTER TABLE track_queue ALTER COLUMN identifier DROP NOT NULL;
ALTER TABLE track_queue ALTER COLUMN body DROP NOT NULL;
ALTER TABLE track_queue ADD CONSTRAINT track_queue_op_or_call
  CHECK (op IS NOT NULL OR (operation IS NOT NULL AND identifier IS NOT NULL AND body IS NOT NULL));

-- An event is an event, a page view (its name the URL) or a screen view; `client_id` is the id the
-- client gave it (Customer.io's deduplication id): a second event with that id is ignored.
ALTER TABLE events ADD COLUMN type text NOT NULL DEFAULT 'event' CHECK (type IN ('event', 'page', 'screen'));
ALTER TABLE events ADD COLUMN client_id text;
CREATE UNIQUE INDEX events_client_id_key ON events (workspace_id, client_id) WHERE client_id IS NOT NULL;

-- A person's devices (push tokens): a token belongs to one person of the workspace; adding it to
-- another moves it. Deleted with the person; moved to the survivor when people merge.
CREATE TABLE devices (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  token text NOT NULL,
  cio_id text NOT NULL,
  platform text NOT NULL,
  last_used timestamptz,
  attributes jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, token),
  FOREIGN KEY (workspace_id, cio_id) REFERENCES people (workspace_id, cio_id) ON DELETE CASCADE
);
CREATE INDEX devices_person_idx ON devices (workspace_id, cio_id);

-- People suppressed (deleted, and not to be identified again until unsuppressed): one row per
-- suppression, with every identifier it covers; an email folded as the database folds it.
CREATE TABLE suppressions (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id text NOT NULL,
  cio_id text,
  external_id text,
  email text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX suppressions_cio_id_idx ON suppressions (workspace_id, cio_id) WHERE cio_id IS NOT NULL;
CREATE INDEX suppressions_external_id_idx ON suppressions (workspace_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX suppressions_email_idx ON suppressions (workspace_id, email) WHERE email IS NOT NULL;
-- Whether the workspace has ever suppressed anyone: identify calls look suppressions up only then,
-- so the Track API's hot path costs no more where nobody is suppressed.
ALTER TABLE workspaces ADD COLUMN suppresses boolean NOT NULL DEFAULT false;

-- Events of people not yet identified; moved to the person when an identify sets the attribute
-- anonymous_id to theirs.
CREATE TABLE anonymous_events (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id text NOT NULL,
  anonymous_id text,
  name text NOT NULL,
  type text NOT NULL DEFAULT 'event' CHECK (type IN ('event', 'page', 'screen')),
  data jsonb NOT NULL DEFAULT '{}',
  client_id text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX anonymous_events_anonymous_id_idx ON anonymous_events (workspace_id, anonymous_id)
  WHERE anonymous_id IS NOT NULL;
