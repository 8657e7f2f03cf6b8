-- A custom plan always carries its limits (set by the operator), so no account is unlimited by omission.
ALTER TABLE accounts ADD CONSTRAINT accounts_custom_limits
  CHECK (plan <> 'custom' OR (custom_max_workspaces IS NOT NULL AND custom_max_members IS NOT NULL));
