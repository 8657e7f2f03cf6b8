-- A Track API transaction enters its workspace in one round trip: the workspace's gate (shared;
-- revalidation and deletion hold it exclusively), the locks of the emails and ids its calls name,
-- then the workspace row. In PL/pgSQL each statement reads with a snapshot of its own, so the row
-- read after the locks shows what the last holder of the gate committed.
CREATE OR REPLACE FUNCTION enter_workspace_for_track(gate integer, workspace text, account text, emails jsonb, ids jsonb)
RETURNS SETOF workspaces
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(gate, hashtext(workspace));
  PERFORM lock_person_keys(workspace, emails, ids);
  RETURN QUERY SELECT * FROM workspaces
    WHERE id = workspace AND account_id = account AND deleted_at IS NULL;
END $$;
