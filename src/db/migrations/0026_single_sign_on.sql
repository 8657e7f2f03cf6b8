-- Single sign-on: one identity provider per account (OIDC or SAML 2.0), the email domains it may
-- vouch for, and the sign-ins in flight. docs/sso.md explains the flow.

-- The connection. `settings` holds what may be shown back (issuer, client id; or the IdP's entry
-- point, issuer and certificate). The OIDC client secret must be sent back to the provider, so it
-- cannot be hashed: it is kept apart and never answered (write-only in the API).
CREATE TABLE account_sso (
  account_id text PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  type text NOT NULL CHECK (type IN ('oidc', 'saml')),
  settings jsonb NOT NULL,
  client_secret text,
  enforce boolean NOT NULL DEFAULT false,
  jit_provisioning boolean NOT NULL DEFAULT false,
  -- The access a member created at their first SSO sign-in gets: {mode: all|custom, …} as invitations.
  jit_access jsonb NOT NULL DEFAULT '{"mode":"all","role":"viewer","hideAttributes":true}'::jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- An email domain an account claims. It counts only once verified (a DNS TXT record carrying the
-- token); a verified domain belongs to one account only.
CREATE TABLE sso_domains (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  domain text NOT NULL,
  verification_token text NOT NULL,
  created_at timestamptz NOT NULL,
  verified_at timestamptz,
  PRIMARY KEY (account_id, domain)
);
CREATE UNIQUE INDEX sso_domains_verified_idx ON sso_domains (domain) WHERE verified_at IS NOT NULL;

-- A sign-in sent to the identity provider and not yet back: what its answer must match (state,
-- nonce, PKCE verifier; the SAML request id), single use and short-lived. Kept in the database so
-- that any process can take the answer. `browser_hash` binds it to the browser that started it.
CREATE TABLE sso_logins (
  id text PRIMARY KEY,
  state_hash text NOT NULL UNIQUE,
  browser_hash text,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  type text NOT NULL CHECK (type IN ('oidc', 'saml')),
  nonce text,
  code_verifier text,
  request_id text,
  invitation_token_hash text,
  next_path text,
  test_run boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX sso_logins_expires_idx ON sso_logins (expires_at);
CREATE UNIQUE INDEX sso_logins_request_idx ON sso_logins (request_id) WHERE request_id IS NOT NULL;

-- SAML assertions already taken, until they would have expired anyway: an assertion is used once.
CREATE TABLE saml_used_assertions (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  assertion_id text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, assertion_id)
);
CREATE INDEX saml_used_assertions_expires_idx ON saml_used_assertions (expires_at);

-- The identity provider's stable id for a member (OIDC `sub`, SAML NameID), bound at their first
-- SSO sign-in: a later identity with the same email and another subject is refused.
ALTER TABLE members ADD COLUMN sso_subject text;
