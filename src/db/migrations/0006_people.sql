-- The per-workspace data plane, first part: people and their events (product.md §4).

CREATE TABLE people (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  -- Generated, immutable; the Track API's `cio_<cio_id>` identifier.
  cio_id text NOT NULL,
  -- The customer's own identifiers, each unique in the workspace when present.
  external_id text,
  email text,
  attributes jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, cio_id)
);
CREATE UNIQUE INDEX people_external_id_key ON people (workspace_id, external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX people_email_key ON people (workspace_id, lower(email)) WHERE email IS NOT NULL;

CREATE TABLE events (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id text NOT NULL,
  cio_id text NOT NULL,
  name text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX events_person_idx ON events (workspace_id, cio_id, id DESC);
CREATE INDEX events_name_idx ON events (workspace_id, name);
