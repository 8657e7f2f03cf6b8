-- Passkeys (WebAuthn credentials) of team members, and the challenges the service hands out for
-- registering and using them.

-- Only the public half of a credential is stored: nothing here signs anyone in on its own.
-- The counter is the authenticator's signature counter, kept to notice a cloned credential.
CREATE TABLE passkeys (
  id text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  credential_id text NOT NULL UNIQUE,
  public_key bytea NOT NULL,
  counter bigint NOT NULL DEFAULT 0,
  transports jsonb NOT NULL DEFAULT '[]'::jsonb,
  backed_up boolean NOT NULL DEFAULT false,
  name text NOT NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz
);
CREATE INDEX passkeys_member_idx ON passkeys (member_id, created_at);

-- A challenge is single-use and short-lived: a row per challenge handed out, kept as a hash, so
-- that any process can check the answer to it (no state in memory or in a cookie). A registration
-- challenge belongs to the member who asked for it; a sign-in challenge to nobody yet.
CREATE TABLE webauthn_challenges (
  id text PRIMARY KEY,
  challenge_hash text NOT NULL UNIQUE,
  purpose text NOT NULL CHECK (purpose IN ('register', 'authenticate')),
  member_id text REFERENCES members (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX webauthn_challenges_expires_idx ON webauthn_challenges (expires_at);
