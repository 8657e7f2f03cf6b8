-- The resources behind the matrix rows (product.md §4): campaigns, broadcasts, transactional
-- messages, object types and objects, segments and their Ad Audiences, layouts, snippets,
-- collections, integrations, webhooks, pipelines and assets. They differ only in the shape of
-- their body, so they share one table; what differs is declared in src/features/content/kinds.ts.

CREATE TABLE resources (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  -- Prefixed by kind (cmp_, seg_, lay_ …), sortable by creation.
  id text NOT NULL,
  kind text NOT NULL,
  -- Unique per kind in a workspace, so that a copy can find the same item in another workspace.
  name text NOT NULL,
  body jsonb NOT NULL,
  created_by_member_id text,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX resources_name_key ON resources (workspace_id, kind, name);
CREATE INDEX resources_kind_idx ON resources (workspace_id, kind, id);

-- An object related to a person (Objects and Relationships); gone with either of them.
CREATE TABLE relationships (
  workspace_id text NOT NULL,
  object_id text NOT NULL,
  cio_id text NOT NULL,
  attributes jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, object_id, cio_id),
  FOREIGN KEY (workspace_id, object_id) REFERENCES resources (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, cio_id) REFERENCES people (workspace_id, cio_id) ON DELETE CASCADE
);
CREATE INDEX relationships_person_idx ON relationships (workspace_id, cio_id);

-- The people of a manual segment, added by a CSV import of identifiers.
CREATE TABLE segment_members (
  workspace_id text NOT NULL,
  segment_id text NOT NULL,
  cio_id text NOT NULL,
  PRIMARY KEY (workspace_id, segment_id, cio_id),
  FOREIGN KEY (workspace_id, segment_id) REFERENCES resources (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, cio_id) REFERENCES people (workspace_id, cio_id) ON DELETE CASCADE
);

-- An uploaded asset's bytes; its name, type and size are its resources row.
CREATE TABLE asset_blobs (
  workspace_id text NOT NULL,
  asset_id text NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (workspace_id, asset_id),
  FOREIGN KEY (workspace_id, asset_id) REFERENCES resources (workspace_id, id) ON DELETE CASCADE
);

-- One message to one recipient: a draft, or what became of it (Deliveries & Drafts).
CREATE TABLE deliveries (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id text NOT NULL,
  message_id text NOT NULL,
  -- The campaign, broadcast or transactional message it belongs to.
  source_id text NOT NULL,
  cio_id text,
  recipient text,
  subject text NOT NULL,
  state text NOT NULL,
  reason text,
  outbox_id text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX deliveries_state_idx ON deliveries (workspace_id, state, id);
