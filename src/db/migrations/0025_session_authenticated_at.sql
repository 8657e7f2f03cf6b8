-- When the person behind a session last proved who they are (a password, or later a second
-- factor): sensitive actions need it to be recent. A session proved it when it opened.
ALTER TABLE sessions ADD COLUMN authenticated_at timestamptz;
UPDATE sessions SET authenticated_at = created_at;
ALTER TABLE sessions ALTER COLUMN authenticated_at SET NOT NULL;
