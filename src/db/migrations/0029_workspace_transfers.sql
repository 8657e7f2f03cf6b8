-- Moving a workspace to another account (issue #22): the offer, its answer, and the move.
-- src/features/transfers: an Account Admin of the source offers, one of the target accepts or
-- declines, either cancels before acceptance; pending offers lapse at expires_at (7 days).
CREATE TABLE workspace_transfers (
  id text PRIMARY KEY,
  -- No foreign key: the record outlives the workspace (both accounts' history of what moved when),
  -- so that the target deleting it later does not erase it (src/db/workspace-tables.ts).
  workspace_id text NOT NULL,
  -- The name when offered: the source's log and list still say what left once it is the target's.
  workspace_name text NOT NULL,
  source_account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  -- The Account Admin's address the source named the target by, if it did: until the target
  -- accepts, the source reads "the account of <address>", never the account's name.
  target_admin_email text,
  status text NOT NULL CHECK (status IN ('pending', 'moving', 'done', 'declined', 'cancelled', 'expired')),
  created_by_name text NOT NULL,
  decided_by_name text,
  -- The workspace.transfer job moving the workspace's history (status moving, then done).
  job_id text,
  revoked_api_keys integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  decided_at timestamptz,
  finished_at timestamptz
);
-- One open transfer per workspace, whatever races: a second offer fails this index.
CREATE UNIQUE INDEX workspace_transfers_open_idx ON workspace_transfers (workspace_id)
  WHERE status IN ('pending', 'moving');
CREATE INDEX workspace_transfers_source_idx ON workspace_transfers (source_account_id, id DESC);
CREATE INDEX workspace_transfers_target_idx ON workspace_transfers (target_account_id, id DESC);
