-- Tell every service process when access may have changed (a member's role, flags or status, their
-- workspace roles, workspaces appearing or going, API keys issued or revoked, accounts
-- deleted), so in-memory caches of who may do what (the app-key check API) are dropped.
-- pg_notify is transactional: the notice goes out when, and only if, the change commits.

CREATE FUNCTION atrium_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('atrium_access', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER members_access_changed AFTER INSERT OR DELETE OR UPDATE OF
    account_role, status, can_billing, can_api_credentials, can_support_access,
    all_workspaces_role, all_workspaces_hide_attributes
  ON members FOR EACH STATEMENT EXECUTE FUNCTION atrium_access_changed();
CREATE TRIGGER workspace_roles_access_changed AFTER INSERT OR UPDATE OR DELETE ON workspace_roles
  FOR EACH STATEMENT EXECUTE FUNCTION atrium_access_changed();
CREATE TRIGGER workspaces_access_changed AFTER INSERT OR DELETE OR UPDATE OF deleted_at ON workspaces
  FOR EACH STATEMENT EXECUTE FUNCTION atrium_access_changed();
CREATE TRIGGER api_keys_access_changed AFTER INSERT OR DELETE OR UPDATE OF revoked_at ON api_keys
  FOR EACH STATEMENT EXECUTE FUNCTION atrium_access_changed();
CREATE TRIGGER accounts_access_changed AFTER DELETE ON accounts
  FOR EACH STATEMENT EXECUTE FUNCTION atrium_access_changed();
