-- API credentials per workspace: Track API keys (site id + key, HTTP Basic) and app API keys
-- (Bearer). Only a SHA-256 hash of each secret is kept; the secret is shown once, at creation.

CREATE TABLE api_keys (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id text NOT NULL,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('track', 'app')),
  name text NOT NULL,
  -- The public half: the Track API's site id, or the id inside an app key; found by it, then the
  -- secret's hash is compared in constant time.
  public_id text NOT NULL UNIQUE,
  secret_hash text NOT NULL,
  created_by_member_id text,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX api_keys_account_idx ON api_keys (account_id);
