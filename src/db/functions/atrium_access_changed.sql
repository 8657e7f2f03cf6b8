-- Tells every service process which account's access or caller data may have changed, so the
-- in-memory cache built from these tables (src/shared/account-cache.ts: the callers behind
-- sessions, API keys, the check API's subjects, the team list, workspace settings) drops what it
-- holds of that account. The payload is the account's id.
-- pg_notify is transactional: the notice goes out when, and only if, the change commits, and a
-- transaction's notices with the same payload go out once.
--
-- Each trigger says how its row leads to the account: TG_ARGV[0] is 'account', 'member' or
-- 'workspace', TG_ARGV[1] the column holding that id. A row whose member or workspace is already
-- gone (a cascade) sends nothing: the deleted member's or workspace's own trigger has.
-- An update that moves a row to another account (a workspace moved by src/features/transfers)
-- names both: the old account's cache holds the workspace too.
CREATE OR REPLACE FUNCTION atrium_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r jsonb;
  key text;
  old_key text;
  account text;
BEGIN
  IF TG_OP = 'DELETE' THEN r := to_jsonb(OLD); ELSE r := to_jsonb(NEW); END IF;
  key := r ->> TG_ARGV[1];
  account := CASE TG_ARGV[0]
    WHEN 'account' THEN key
    WHEN 'member' THEN (SELECT m.account_id FROM members m WHERE m.id = key)
    WHEN 'workspace' THEN (SELECT w.account_id FROM workspaces w WHERE w.id = key)
  END;
  IF account IS NOT NULL THEN
    PERFORM pg_notify('atrium_access', account);
  END IF;
  IF TG_OP = 'UPDATE' AND TG_ARGV[0] = 'account' THEN
    old_key := to_jsonb(OLD) ->> TG_ARGV[1];
    IF old_key IS DISTINCT FROM key AND old_key IS NOT NULL THEN
      PERFORM pg_notify('atrium_access', old_key);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER accounts_access_changed AFTER UPDATE OR DELETE ON accounts
  FOR EACH ROW EXECUTE FUNCTION atrium_access_changed('account', 'id');
CREATE OR REPLACE TRIGGER members_access_changed AFTER INSERT OR UPDATE OR DELETE ON members
  FOR EACH ROW EXECUTE FUNCTION atrium_access_changed('account', 'account_id');
CREATE OR REPLACE TRIGGER workspaces_access_changed AFTER INSERT OR UPDATE OR DELETE ON workspaces
  FOR EACH ROW EXECUTE FUNCTION atrium_access_changed('account', 'account_id');
CREATE OR REPLACE TRIGGER workspace_roles_access_changed AFTER INSERT OR UPDATE OR DELETE ON workspace_roles
  FOR EACH ROW EXECUTE FUNCTION atrium_access_changed('workspace', 'workspace_id');
CREATE OR REPLACE TRIGGER api_keys_access_changed AFTER INSERT OR DELETE OR UPDATE OF revoked_at ON api_keys
  FOR EACH ROW EXECUTE FUNCTION atrium_access_changed('account', 'account_id');
CREATE OR REPLACE TRIGGER invitations_access_changed AFTER INSERT OR UPDATE OR DELETE ON invitations
  FOR EACH ROW EXECUTE FUNCTION atrium_access_changed('account', 'account_id');
-- A session ended before its time (log-out, revocation, a password reset), was cut short or given
-- new secrets, or proved again who its person is. Expired sessions swept away (the cache does not
-- serve them either), and the sliding expiry's updates, which only lengthen it, change nothing
-- cached. (now() is the database's clock, expiries the service's: they differ by the clock skew.)
CREATE OR REPLACE TRIGGER sessions_access_changed AFTER DELETE ON sessions
  FOR EACH ROW WHEN (OLD.expires_at > now()) EXECUTE FUNCTION atrium_access_changed('member', 'member_id');
CREATE OR REPLACE TRIGGER sessions_reauthenticated AFTER UPDATE ON sessions
  FOR EACH ROW WHEN (
    NEW.expires_at < OLD.expires_at OR NEW.token_hash <> OLD.token_hash
    OR NEW.csrf_token IS DISTINCT FROM OLD.csrf_token OR NEW.authenticated_at IS DISTINCT FROM OLD.authenticated_at
  ) EXECUTE FUNCTION atrium_access_changed('member', 'member_id');
-- Whether a member has two-factor, and the address they are changing to, are part of what their
-- session carries.
CREATE OR REPLACE TRIGGER member_totp_access_changed AFTER INSERT OR UPDATE OR DELETE ON member_totp
  FOR EACH ROW EXECUTE FUNCTION atrium_access_changed('member', 'member_id');
CREATE OR REPLACE TRIGGER passkeys_access_changed AFTER INSERT OR DELETE ON passkeys
  FOR EACH ROW EXECUTE FUNCTION atrium_access_changed('member', 'member_id');
CREATE OR REPLACE TRIGGER email_verifications_access_changed AFTER INSERT OR UPDATE OR DELETE ON email_verifications
  FOR EACH ROW EXECUTE FUNCTION atrium_access_changed('member', 'member_id');
-- Support access (migration 0028): a grant made or revoked, a support session started or ended,
-- changes who may enter the account and the banner its members see.
CREATE OR REPLACE TRIGGER support_grants_access_changed AFTER INSERT OR UPDATE OR DELETE ON support_grants
  FOR EACH ROW EXECUTE FUNCTION atrium_access_changed('account', 'account_id');
CREATE OR REPLACE TRIGGER support_sessions_access_changed AFTER UPDATE OR DELETE ON support_sessions
  FOR EACH ROW EXECUTE FUNCTION atrium_access_changed('account', 'account_id');
