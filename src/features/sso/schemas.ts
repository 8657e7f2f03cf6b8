import { type Static, Type } from 'typebox';
import { NullableTimestamp } from '../../http/schemas.js';
import { WorkspaceAccessInput } from '../team/schemas.js';

export const SsoType = Type.Union([Type.Literal('oidc'), Type.Literal('saml')]);

/** A DNS name of two labels or more, lower case (a member's email domain). */
export const DomainName = Type.String({
  maxLength: 253,
  pattern: '^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$',
  description: 'An email domain, lower case (example.com)',
});

/** An issuer is checked further (https, or plain http to a local provider in development). */
const IssuerUrl = Type.String({ format: 'uri', maxLength: 2000, pattern: '^https?://' });
const HttpsUrl = Type.String({ format: 'uri', maxLength: 2000, pattern: '^https://' });

export const SsoDomain = Type.Object({
  domain: Type.String(),
  verified: Type.Boolean(),
  verifiedAt: NullableTimestamp,
  verification: Type.Object(
    {
      recordName: Type.String({ description: 'The DNS name to add a TXT record at' }),
      recordValue: Type.String({ description: 'The TXT record’s value' }),
    },
    { description: 'Add this TXT record to the domain’s DNS, then verify' },
  ),
});

export const ServiceProvider = Type.Object(
  {
    oidcRedirectUri: Type.String({ description: 'OIDC: the redirect (callback) URI to register' }),
    samlEntityId: Type.String({ description: 'SAML: the service provider’s entity id (audience)' }),
    samlAcsUrl: Type.String({ description: 'SAML: the assertion consumer service URL (HTTP-POST)' }),
    samlMetadataUrl: Type.String({ description: 'SAML: the service provider’s metadata' }),
  },
  { description: 'The values to paste into the identity provider' },
);

export const SsoSettings = Type.Object({
  type: Type.Union([SsoType, Type.Null()], { description: 'null: single sign-on is not set up' }),
  issuer: Type.Union([Type.String(), Type.Null()], { description: 'OIDC' }),
  clientId: Type.Union([Type.String(), Type.Null()], { description: 'OIDC' }),
  clientSecretSet: Type.Boolean({ description: 'OIDC: a client secret is stored (it is never shown)' }),
  entryPoint: Type.Union([Type.String(), Type.Null()], { description: 'SAML: the IdP’s sign-in URL' }),
  idpIssuer: Type.Union([Type.String(), Type.Null()], { description: 'SAML: the IdP’s entity id' }),
  idpCertificate: Type.Union([Type.String(), Type.Null()], {
    description: 'SAML: the IdP’s signing certificate (PEM)',
  }),
  domains: Type.Array(SsoDomain),
  enforce: Type.Boolean(),
  jitProvisioning: Type.Boolean(),
  jitAccess: WorkspaceAccessInput,
  serviceProvider: ServiceProvider,
});
export type SsoSettings = Static<typeof SsoSettings>;

export const PutSsoBody = Type.Object(
  {
    type: SsoType,
    issuer: Type.Optional({ ...IssuerUrl, description: 'OIDC: the issuer URL (discovery is read from it)' }),
    clientId: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    clientSecret: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2000,
        description: 'OIDC, write-only: required the first time, kept when left out',
      }),
    ),
    entryPoint: Type.Optional({
      ...HttpsUrl,
      description: 'SAML: the IdP’s single sign-on URL (HTTP-Redirect)',
    }),
    idpIssuer: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    idpCertificate: Type.Optional(
      Type.String({ minLength: 1, maxLength: 20_000, description: 'SAML: PEM or base64 DER' }),
    ),
    domains: Type.Array(DomainName, { maxItems: 50, uniqueItems: true }),
    enforce: Type.Optional(Type.Boolean({ description: 'Members sign in only through SSO' })),
    jitProvisioning: Type.Optional(
      Type.Boolean({ description: 'A first SSO sign-in from a verified domain creates the member' }),
    ),
    jitAccess: Type.Optional(WorkspaceAccessInput),
  },
  { additionalProperties: false },
);
export type PutSsoBody = Static<typeof PutSsoBody>;

export const SsoStartQuery = Type.Object(
  {
    email: Type.Optional(Type.String({ maxLength: 254 })),
    account: Type.Optional(Type.String({ maxLength: 64 })),
    invitation: Type.Optional(Type.String({ maxLength: 200, description: 'An invitation’s token' })),
    next: Type.Optional(Type.String({ maxLength: 2000, description: 'A console path to land on' })),
  },
  { additionalProperties: false },
);
export type SsoStartQuery = Static<typeof SsoStartQuery>;
