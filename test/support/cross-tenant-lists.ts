/**
 * The operations cross-tenant.test.ts does not probe as naming an object of tenant B, each with its
 * reason, and what B's own members get on routes that declare no permission. The test fails on an
 * operation of the OpenAPI document that is neither probed nor listed here, or listed but gone.
 */

/** Public operations: nothing to take from another tenant, each for its reason. */
export const exempt: Record<string, string> = {
  'POST /api/signup': 'creates a new account; names no tenant',
  'POST /api/session': 'signs in by email and password; names no tenant',
  'POST /api/session/passkey-options': 'a sign-in challenge for anyone; names no tenant (passkeys.test.ts)',
  'POST /api/session/passkey': 'the passkey’s signature is the credential (passkeys.test.ts)',
  'GET /api/invitations/{token}': 'the invitation token is the credential (invitations.test.ts)',
  'POST /api/invitations/{token}/accept': 'the invitation token is the credential (invitations.test.ts)',
  'POST /api/password-resets': 'answers the same for any address; names no tenant (sessions.test.ts)',
  'GET /api/password-resets/{token}': 'the reset token is the credential (sessions.test.ts)',
  'POST /api/password-resets/{token}': 'the reset token is the credential (sessions.test.ts)',
  'POST /api/email-verifications/{token}':
    'the confirmation token is the credential (email-verification.test.ts)',
  'GET /api/permissions': 'the public catalogue of permissions; no tenant data',
  'GET /api/plans': 'the plans on offer and their limits; no tenant data',
  'GET /api/roles': 'the public vocabulary of roles and member flags; no tenant data',
  'GET /api/activity/kinds': 'the kinds of action of the activity log, in words; no tenant data',
  'GET /t/o/{file}': 'tracking pixel: the signed file name is the credential (messaging.test.ts)',
  'GET /t/c/{link}': 'tracking link: the signed link is the credential (messaging.test.ts)',
  'GET /api/sso/lookup': 'whether an address’s domain signs in with SSO, yes or no (sso-settings.test.ts)',
  'GET /api/sso/start':
    'sends the browser to the identity provider, whose answer is the credential (sso-oidc.test.ts)',
  'GET /api/sso/oidc/callback':
    'the state and the provider’s signed answer are the credential (sso-oidc.test.ts)',
  'GET /api/sso/saml/metadata': 'the service provider’s public metadata (sso-saml.test.ts)',
  'POST /api/sso/saml/acs': 'the signed assertion and its request id are the credential (sso-saml.test.ts)',
  'POST /api/support/sign-in': 'the operator’s one-time link is the credential (support-access.test.ts)',
};

/**
 * Operations that name no object of another tenant: they act on the caller's own account or
 * session (a Track call's identifier is looked up in the key's own workspace). A's credentials
 * still call them: no answer may carry B's ids or secrets, and B stays unchanged.
 */
export const callerScoped: Record<string, string> = {
  'GET /api/account': 'the caller’s account',
  'PATCH /api/account': 'the caller’s account',
  'GET /api/me': 'the caller',
  'PATCH /api/me': 'the caller’s own name and email',
  'POST /api/me/email-verification': 'a link to the caller’s own address',
  'GET /api/me/two-factor': 'the caller’s own two-factor',
  'POST /api/me/two-factor/totp': 'the caller’s own two-factor',
  'POST /api/me/two-factor/totp/confirm': 'the caller’s own two-factor',
  'DELETE /api/me/two-factor': 'the caller’s own two-factor',
  'POST /api/me/two-factor/recovery-codes': 'the caller’s own two-factor',
  'DELETE /api/session': 'signs the caller out (sent last)',
  'GET /api/workspaces': 'the caller’s workspaces',
  'GET /api/account/activity': 'the caller’s account log',
  'GET /api/team-members': 'the caller’s team',
  'GET /api/outbox': 'the caller’s account’s emails',
  'GET /api/me/passkeys': 'the caller’s own passkeys',
  'POST /api/me/passkeys/registration-options': 'a challenge for the caller’s own new passkey',
  'POST /api/me/passkeys': 'adds a passkey to the caller, for a challenge of theirs',
  'GET /api/account/jobs': 'the caller’s account’s jobs',
  'PUT /api/v1/customers/{identifier}': 'the identifier is looked up in the key’s own workspace',
  'DELETE /api/v1/customers/{identifier}': 'the identifier is looked up in the key’s own workspace',
  'POST /api/v1/customers/{identifier}/events': 'the identifier is looked up in the key’s own workspace',
  'POST /api/v1/merge_customers': 'the people named are looked up in the key’s own workspace',
  // Issue #23's v1 routes (engineer A): each names people of the key's own workspace only.
  'POST /api/v1/customers/{identifier}/suppress': 'the identifier is looked up in the key’s own workspace',
  'POST /api/v1/customers/{identifier}/unsuppress': 'the identifier is looked up in the key’s own workspace',
  'PUT /api/v1/customers/{identifier}/devices': 'the identifier is looked up in the key’s own workspace',
  'DELETE /api/v1/customers/{identifier}/devices/{token}':
    'the identifier and token are looked up in the key’s own workspace',
  'POST /api/v1/events': 'an anonymous event of the key’s own workspace',
  'GET /api/v1/accounts/region': 'this installation’s URL and the key’s own workspace',
  'GET /api/me/sessions': 'the caller’s own sessions',
  'DELETE /api/me/sessions': 'ends the caller’s own other sessions',
  'PUT /api/me/password': 'the caller’s own password (their current one required)',
  'POST /api/me/reauthenticate': 'the caller’s own session (their password required)',
  'GET /api/account/sso': 'the caller’s account’s single sign-on',
  'DELETE /api/account/sso': 'the caller’s account’s single sign-on',
  'GET /api/account/scim-tokens': 'the caller’s account’s SCIM tokens',
  'POST /api/account/scim-tokens': 'a SCIM token for the caller’s account',
  'GET /api/account/scim-groups': 'the groups the caller’s account’s identity provider pushed',
  'POST /api/account/sso/test': 'a test sign-in through the caller’s account’s identity provider',
  'GET /api/resource-kinds': 'the registry of resource kinds: the same for every member, no tenant data',
  'GET /api/workspace-transfers': 'the caller’s account’s outgoing and incoming workspace transfers',
  'GET /api/account/support-grants': 'the caller’s account’s support access grants',
  'POST /api/account/support-grants':
    'a grant into the caller’s account (another’s workspace: 422, support-access.test.ts)',
  // Track API v2 (issue #23).
  'POST /api/v2/entity': 'its identifiers and object types are looked up in the key’s own workspace',
  'POST /api/v2/batch': 'its identifiers and object types are looked up in the key’s own workspace',
  // Track API: delivery metrics and forms (track-delivery-metrics.test.ts); the unsubscribe names
  // B's delivery in its path, and is probed.
  'POST /api/v1/metrics': 'the delivery is looked up in the key’s own workspace (another’s: ignored)',
  'POST /api/v1/push/events': 'the delivery is looked up in the key’s own workspace (another’s: ignored)',
  'POST /api/v1/forms/{formId}/submit': 'identifies a person of the key’s own workspace',
};

/**
 * Session routes that declare no permission (any signed-in member): what B's own members get.
 * skip: the route acts on the caller themself, which they may do.
 */
export const signedInForMembers: Record<string, { outsider: number | 'skip'; viewer: number | 'skip' }> = {
  'GET /api/me': { outsider: 200, viewer: 'skip' },
  'GET /api/workspaces': { outsider: 200, viewer: 'skip' },
  'GET /api/resource-kinds': { outsider: 200, viewer: 200 },
  'DELETE /api/session': { outsider: 'skip', viewer: 'skip' },
  'PUT /api/me/current-workspace': { outsider: 404, viewer: 'skip' },
  'PATCH /api/me': { outsider: 'skip', viewer: 'skip' },
  'POST /api/me/email-verification': { outsider: 'skip', viewer: 'skip' },
  'GET /api/me/two-factor': { outsider: 'skip', viewer: 'skip' },
  'POST /api/me/two-factor/totp': { outsider: 'skip', viewer: 'skip' },
  'POST /api/me/two-factor/totp/confirm': { outsider: 'skip', viewer: 'skip' },
  'DELETE /api/me/two-factor': { outsider: 'skip', viewer: 'skip' },
  'POST /api/me/two-factor/recovery-codes': { outsider: 'skip', viewer: 'skip' },
  // The member named shares the workspace with the Viewer (who sees them), not with the outsider.
  'PATCH /api/team-members/{memberId}': { outsider: 404, viewer: 403 },
  'GET /api/me/passkeys': { outsider: 200, viewer: 'skip' },
  'POST /api/me/passkeys/registration-options': { outsider: 200, viewer: 'skip' },
  // The sampled answer is no authenticator's (its client data does not decode).
  'POST /api/me/passkeys': { outsider: 400, viewer: 'skip' },
  // The passkey named is B's admin's: nobody else's, whatever their access.
  'PATCH /api/me/passkeys/{passkeyId}': { outsider: 404, viewer: 404 },
  'DELETE /api/me/passkeys/{passkeyId}': { outsider: 404, viewer: 404 },
  'GET /api/me/sessions': { outsider: 200, viewer: 'skip' },
  // B's admin's session: not theirs.
  'DELETE /api/me/sessions/{sessionId}': { outsider: 404, viewer: 404 },
  'DELETE /api/me/sessions': { outsider: 'skip', viewer: 'skip' },
  'PUT /api/me/password': { outsider: 'skip', viewer: 'skip' },
  'POST /api/me/reauthenticate': { outsider: 'skip', viewer: 'skip' },
};

/** Ids that name no object: a path parameter holding one does not make the request B's. */
export const neutralParams = new Set(['identifier', 'platform', 'token', 'formId']);
