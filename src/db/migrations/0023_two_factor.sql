-- Two-factor authentication (issue 18): a member's TOTP authenticator and recovery codes, and an
-- account's requirement that every member use a second factor.

-- The account's members without a second factor get sessions that reach only their profile and
-- enrolment until they enrol (src/features/two-factor/requirement.ts).
ALTER TABLE accounts ADD COLUMN require_two_factor boolean NOT NULL DEFAULT false;

-- One authenticator per member. The secret is kept as the authenticator app holds it (base32):
-- checking a code needs it, and the service has no key of its own to encrypt it with. Pending
-- until confirmed_at (the member typed a code from it); last_used_step is the 30-second time step
-- of the last code accepted, so a code is accepted once.
CREATE TABLE member_totp (
  member_id text PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
  secret text NOT NULL,
  created_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  last_used_step bigint
);

-- Single-use codes for when the authenticator is lost; only their hashes are kept.
CREATE TABLE recovery_codes (
  id text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX recovery_codes_member_idx ON recovery_codes (member_id, code_hash);
