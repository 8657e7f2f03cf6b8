-- Support access (issue #22): an account lets the operator's support staff in, time-boxed, to some
-- or all of its workspaces with one role; the operator opens sessions inside a live grant.
CREATE TABLE support_grants (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  -- null: every live workspace of the account, including ones created later.
  workspace_ids jsonb,
  role text NOT NULL,
  hide_attributes boolean NOT NULL,
  reason text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  -- No foreign key: the grant outlives the member who made it, by name.
  created_by_member_id text,
  created_by_name text NOT NULL,
  revoked_at timestamptz,
  revoked_by_name text
);
CREATE INDEX support_grants_account_idx ON support_grants (account_id, created_at DESC);

-- One row per sign-in link the operator made; the link's use starts the session (token_hash set).
CREATE TABLE support_sessions (
  id text PRIMARY KEY,
  grant_id text NOT NULL REFERENCES support_grants (id) ON DELETE CASCADE,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  agent text NOT NULL,
  reason text NOT NULL,
  link_hash text NOT NULL UNIQUE,
  link_expires_at timestamptz NOT NULL,
  token_hash text UNIQUE,
  csrf_token text,
  created_at timestamptz NOT NULL,
  started_at timestamptz,
  -- The grant's expiry: a support session never slides past it.
  ends_at timestamptz NOT NULL,
  ended_at timestamptz,
  ip text
);
CREATE INDEX support_sessions_grant_idx ON support_sessions (grant_id);
CREATE INDEX support_sessions_live_idx ON support_sessions (account_id) WHERE ended_at IS NULL AND started_at IS NOT NULL;
