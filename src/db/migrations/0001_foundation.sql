-- Foundation: accounts, members, workspaces (with their settings), workspace roles, sessions,
-- login rate-limit counters, the activity log and the job queue.
-- Only SQL that both PostgreSQL 15 (CI, production) and PGlite (PostgreSQL 18) accept.

CREATE TABLE accounts (
  id text PRIMARY KEY,
  name text NOT NULL,
  plan text NOT NULL CHECK (plan IN ('free', 'essentials', 'premium', 'team', 'custom')),
  -- Limits of the custom plan only; the other plans' limits live in code (features/accounts/plans.ts).
  custom_max_workspaces integer CHECK (custom_max_workspaces > 0),
  custom_max_members integer CHECK (custom_max_members > 0),
  trial_ends_at timestamptz,
  created_by_member_id text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE members (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  email text NOT NULL,
  first_name text NOT NULL,
  last_name text NOT NULL,
  password_hash text,
  account_role text NOT NULL CHECK (account_role IN ('account_admin', 'member')),
  can_billing boolean NOT NULL DEFAULT false,
  can_api_credentials boolean NOT NULL DEFAULT false,
  can_support_access boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('active', 'invited')),
  marketing_opt_in boolean NOT NULL DEFAULT false,
  current_workspace_id text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  last_login_at timestamptz
);
-- An email address belongs to at most one account, whatever its case.
CREATE UNIQUE INDEX members_email_key ON members (lower(email));
CREATE INDEX members_account_idx ON members (account_id);

CREATE TABLE workspaces (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  name text NOT NULL,
  color text NOT NULL,
  send_mode text NOT NULL CHECK (send_mode IN ('normal', 'test', 'never')),
  test_recipient_member_id text REFERENCES members (id) ON DELETE SET NULL,
  open_tracking boolean NOT NULL DEFAULT true,
  identify_by_email boolean NOT NULL DEFAULT true,
  identify_by_id boolean NOT NULL DEFAULT true,
  allow_email_update_by_id boolean NOT NULL DEFAULT true,
  processing_state text NOT NULL DEFAULT 'ready' CHECK (processing_state IN ('ready', 'revalidating')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- Set when deletion starts: from then on the workspace is invisible while a job purges its rows.
  deleted_at timestamptz,
  CONSTRAINT workspaces_identifier_required CHECK (identify_by_email OR identify_by_id)
);
CREATE INDEX workspaces_account_idx ON workspaces (account_id) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX workspaces_name_key ON workspaces (account_id, lower(name)) WHERE deleted_at IS NULL;

-- Explicit workspace roles. Account Admins hold none: they are Workspace Admins everywhere by rule.
CREATE TABLE workspace_roles (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('workspace_admin', 'author', 'viewer')),
  hide_attributes boolean NOT NULL DEFAULT false,
  PRIMARY KEY (workspace_id, member_id)
);
CREATE INDEX workspace_roles_member_idx ON workspace_roles (member_id);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_member_idx ON sessions (member_id);

-- Fixed-window counters (login failures per email and per IP), shared by every service process.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  window_started_at timestamptz NOT NULL,
  hits integer NOT NULL
);

CREATE TABLE activity (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  -- NULL for account-level events (including a workspace's own deletion, which outlives it).
  workspace_id text,
  -- No foreign key: the entry outlives its author and stays attributed by name.
  actor_member_id text,
  actor_name text NOT NULL,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text NOT NULL,
  target_name text,
  before jsonb,
  after jsonb,
  created_at timestamptz NOT NULL
);
CREATE INDEX activity_account_idx ON activity (account_id, id DESC);
CREATE INDEX activity_workspace_idx ON activity (workspace_id, id DESC) WHERE workspace_id IS NOT NULL;

-- The job queue: claimed with FOR UPDATE SKIP LOCKED, so any number of processes may work it;
-- a job whose lease ran out (its process died) is claimed again and resumes.
CREATE TABLE jobs (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  workspace_id text,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  state text NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
  progress_done integer NOT NULL DEFAULT 0,
  progress_total integer,
  attempts integer NOT NULL DEFAULT 0,
  run_after timestamptz NOT NULL,
  lease_expires_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  finished_at timestamptz
);
CREATE INDEX jobs_pending_idx ON jobs (run_after) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_account_idx ON jobs (account_id, id DESC);
