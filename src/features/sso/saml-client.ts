import {
  type CacheProvider,
  generateServiceProviderMetadata,
  SAML,
  type SamlConfig,
  ValidateInResponseTo,
} from '@node-saml/node-saml';
import type { AppContext } from '../../context.js';
import { serviceProvider } from './protocol.js';
import type { SsoRow } from './store.js';

/** We ask for the email address as NameID: it is how Atrium knows its members. */
export const EMAIL_NAME_ID = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

/** The account's SAML settings, as stored by PUT /api/account/sso. */
export interface SamlSettings {
  entryPoint: string;
  idpIssuer: string | null;
  idpCertificate: string;
}

export function samlSettings(sso: SsoRow): SamlSettings {
  const text = (key: string) => {
    const value = sso.settings[key];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  return {
    entryPoint: text('entryPoint') ?? '',
    idpIssuer: text('idpIssuer'),
    idpCertificate: text('idpCertificate') ?? '',
  };
}

/**
 * node-saml keeps request ids in a cache to check InResponseTo; ours are stored with each sign-in
 * (sso_logins.request_id) and checked on the signed assertion (saml-assertion.ts), so its cache
 * keeps nothing.
 */
const noCache: CacheProvider = {
  saveAsync: async () => null,
  getAsync: async () => null,
  removeAsync: async () => null,
};

/**
 * node-saml for one account: Atrium is the service provider whose entity id (the audience) and
 * ACS URL are the account's (sso/protocol.ts).
 * - Signed assertions are required (`wantAssertionsSigned`); a signature of the whole Response is
 *   not (`wantAuthnResponseSigned: false`): Okta and Entra ID sign the assertion by default, and
 *   everything Atrium reads (subject, attributes, audience, time, recipient, InResponseTo) is in it.
 * - Time is checked by saml-assertion.ts against the service's clock, so node-saml's own check,
 *   which reads the system clock, is off (`acceptedClockSkewMs: -1`); so is its InResponseTo check.
 * - No RequestedAuthnContext: asking for "password" would refuse people who sign in to their
 *   identity provider with a passkey, a smart card or Windows.
 */
export function samlClient(
  ctx: AppContext,
  accountId: string,
  settings: SamlSettings,
  idpCert: string,
  requestId?: string,
): SAML {
  const sp = serviceProvider(ctx, accountId);
  const config: SamlConfig = {
    issuer: sp.samlEntityId,
    audience: sp.samlEntityId,
    callbackUrl: sp.samlAcsUrl,
    entryPoint: settings.entryPoint,
    idpCert,
    identifierFormat: EMAIL_NAME_ID,
    disableRequestedAuthnContext: true,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs: -1,
    validateInResponseTo: ValidateInResponseTo.never,
    cacheProvider: noCache,
    ...(requestId && { generateUniqueId: () => requestId }),
  };
  return new SAML(config);
}

/** The service provider's metadata for one account, for the identity provider to import. */
export function samlMetadata(ctx: AppContext, accountId: string): string {
  const sp = serviceProvider(ctx, accountId);
  return generateServiceProviderMetadata({
    issuer: sp.samlEntityId,
    callbackUrl: sp.samlAcsUrl,
    identifierFormat: EMAIL_NAME_ID,
    wantAssertionsSigned: true,
  });
}
