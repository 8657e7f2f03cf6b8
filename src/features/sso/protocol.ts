import type { AppContext } from '../../context.js';
import type { SsoType } from '../../db/schema.js';
import type { PutSsoBody } from './schemas.js';
import type { SsoRow } from './store.js';

/** What one protocol (OIDC, SAML) adds to the flow that sso/logins.ts and sign-in.ts share. */
export interface SsoProtocol {
  /**
   * Checks a connection's settings before they are stored (OIDC: the issuer's discovery answers;
   * SAML: the certificate parses), throwing an `invalid` DomainError that names the field.
   */
  check(ctx: AppContext, settings: PutSsoBody, accountId: string): Promise<void>;
  /**
   * Where to send the browser for a new sign-in whose `state` is recorded with what is returned
   * (the nonce and PKCE verifier, or the SAML request's id) for the answer to be checked against.
   */
  begin(
    ctx: AppContext,
    sso: SsoRow,
    state: string,
  ): Promise<{ url: string; nonce?: string; codeVerifier?: string; requestId?: string }>;
}

/** The service provider's values an admin pastes into their identity provider. */
export function serviceProvider(ctx: AppContext, accountId: string) {
  const base = ctx.config.publicUrl;
  const metadata = `${base}/api/sso/saml/metadata?account=${encodeURIComponent(accountId)}`;
  return {
    oidcRedirectUri: `${base}/api/sso/oidc/callback`,
    samlEntityId: metadata,
    samlAcsUrl: `${base}/api/sso/saml/acs`,
    samlMetadataUrl: metadata,
  };
}

export type Protocols = Record<SsoType, SsoProtocol>;
