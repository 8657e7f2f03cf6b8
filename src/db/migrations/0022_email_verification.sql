-- Verified email (issue 18): an address is proved by using a link emailed to it. Until then a
-- member's address is unverified, and an unverified address held by a lone trial does not block
-- an invitation to it (the trial is dropped on acceptance).
ALTER TABLE members ADD COLUMN email_verified_at timestamptz;

-- Addresses already proved by a link that was emailed to them: an accepted invitation, a
-- password reset that was used.
UPDATE members m SET email_verified_at = proved.at
FROM (
  SELECT member_id, max(at) AS at FROM (
    SELECT member_id, accepted_at AS at FROM invitations WHERE accepted_at IS NOT NULL
    UNION ALL
    SELECT member_id, used_at AS at FROM password_resets WHERE used_at IS NOT NULL
  ) links GROUP BY member_id
) proved
WHERE proved.member_id = m.id AND m.status = 'active';

-- A link emailed to `email`: purpose 'verify' proves the member's current address, 'change'
-- makes `email` their address once used. Only the token's hash is stored; single-use (used_at),
-- replaced by a newer link of the same purpose (revoked_at), valid until expires_at.
CREATE TABLE email_verifications (
  id text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('verify', 'change')),
  email text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX email_verifications_member_idx ON email_verifications (member_id, created_at DESC);

-- An invitation to an address that a lone trial elsewhere holds unverified is emailed
-- recipient-only (the inviter cannot read its link in the outbox): only then does accepting it
-- prove the address, and drop that trial without its password.
ALTER TABLE invitations ADD COLUMN recipient_only boolean NOT NULL DEFAULT false;
