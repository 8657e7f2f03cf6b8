-- Team members: access to "All" workspaces, invitations, password resets, and the outbox of
-- every email the service sends.

-- "All": one role (and hide flag) in every workspace of the account, present and future.
-- Explicit rows in workspace_roles take precedence over it.
ALTER TABLE members ADD COLUMN all_workspaces_role text
  CHECK (all_workspaces_role IN ('workspace_admin', 'author', 'viewer'));
ALTER TABLE members ADD COLUMN all_workspaces_hide_attributes boolean NOT NULL DEFAULT false;

-- An address belongs to one account: unique among active members. An invitation may wait on an
-- address still used by a trial account that its owner cancels when accepting (product.md §1);
-- the services refuse every other duplicate.
DROP INDEX members_email_key;
CREATE UNIQUE INDEX members_active_email_key ON members (lower(email)) WHERE status = 'active';
CREATE INDEX members_email_idx ON members (lower(email));

CREATE TABLE invitations (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  invited_by_member_id text,
  invited_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX invitations_member_idx ON invitations (member_id, created_at DESC);

CREATE TABLE password_resets (
  id text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  requested_by_member_id text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX password_resets_member_idx ON password_resets (member_id);

-- Every email, written in the transaction of the change that sends it. Without SMTP_URL it stays
-- here ('captured') for GET /api/outbox; with SMTP_URL a job delivers it.
CREATE TABLE outbox (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  workspace_id text,
  kind text NOT NULL,
  to_address text NOT NULL,
  from_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text,
  state text NOT NULL CHECK (state IN ('captured', 'queued', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  sent_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL
);
CREATE INDEX outbox_account_idx ON outbox (account_id, id DESC);
CREATE INDEX outbox_workspace_idx ON outbox (workspace_id) WHERE workspace_id IS NOT NULL;
