-- SCIM 2.0 provisioning (RFC 7643/7644): bearer tokens an identity provider calls with, the groups
-- it pushes and the workspace roles each group maps to. docs: src/features/scim/routes.ts.

-- A token is shown once and kept only as its SHA-256 hash; revoking deletes it.
CREATE TABLE scim_tokens (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  created_by_name text NOT NULL,
  last_used_at timestamptz
);
CREATE INDEX scim_tokens_account_idx ON scim_tokens (account_id);

-- A group pushed by the identity provider. `role_mappings`: [{workspaceId | "all", role,
-- hideAttributes}], set by Account Admins; members of a mapped group get those roles.
CREATE TABLE scim_groups (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  display_name text NOT NULL,
  external_id text,
  role_mappings jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX scim_groups_name_idx ON scim_groups (account_id, lower(display_name));

CREATE TABLE scim_group_members (
  group_id text NOT NULL REFERENCES scim_groups (id) ON DELETE CASCADE,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, member_id)
);
CREATE INDEX scim_group_members_member_idx ON scim_group_members (member_id);

-- The identity provider's own id for a member (SCIM externalId), and a status for members it
-- turned off (active: false): they keep their row, roles and groups but cannot sign in.
ALTER TABLE members ADD COLUMN external_id text;
ALTER TABLE members DROP CONSTRAINT members_status_check;
ALTER TABLE members ADD CONSTRAINT members_status_check CHECK (status IN ('active', 'invited', 'deactivated'));
