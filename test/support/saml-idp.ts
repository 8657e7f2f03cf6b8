import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Client, Reply } from './client.js';
import type { TestService } from './service.js';

/**
 * A real SAML identity provider for the tests: samlify's IdentityProvider, with a test-only key
 * and certificate (test/fixtures/saml). It reads our AuthnRequest from the redirect URL Atrium
 * sends the browser to, and answers it with a Response for the ACS, signed as the SP metadata
 * asks (the assertion), or tampered with as a test asks.
 *
 * samlify is loaded through require with the few types used here: its own declarations pull in
 * the DOM library (through @xmldom/xmldom), which would retype fetch and Node globals in every file.
 */

interface SamlifyEntity {
  getMetadata(): string;
}
interface SamlifyServiceProvider extends SamlifyEntity {
  entityMeta: { getEntityID(): string; getAssertionConsumerService(binding: 'post'): string };
}
interface ParsedRequest {
  extract: { request: { id: string } };
}
interface SamlifyIdentityProvider extends SamlifyEntity {
  parseLoginRequest(
    sp: SamlifyServiceProvider,
    binding: 'redirect',
    request: { query: Record<string, string> },
  ): Promise<ParsedRequest>;
  createLoginResponse(
    sp: SamlifyServiceProvider,
    request: ParsedRequest,
    binding: 'post',
    user: { email: string },
    options: {
      relayState?: string;
      customTagReplacement?: (template: string) => { id: string; context: string };
    },
  ): Promise<{ context: string; relayState?: string }>;
}
interface Samlify {
  IdentityProvider(settings: Record<string, unknown>): SamlifyIdentityProvider;
  ServiceProvider(settings: { metadata: string }): SamlifyServiceProvider;
  setSchemaValidator(validator: { validate: (xml: string) => Promise<unknown> }): void;
  SamlLib: {
    defaultLoginResponseTemplate: { context: string };
    replaceTagsByValue(template: string, values: Record<string, string>): string;
  };
  Constants: { namespace: { binding: { redirect: string; post: string } } };
}

const samlify = createRequire(import.meta.url)('samlify') as Samlify;
// samlify asks for an XML schema validator before it parses a message. Our own AuthnRequest is all
// this IdP reads, so it is not schema-checked here (Atrium's side is node-saml, which needs none).
samlify.setSchemaValidator({ validate: async () => 'skipped' });

const fixture = (name: string) => readFileSync(new URL(`../fixtures/saml/${name}`, import.meta.url), 'utf8');

/** The test IdP's certificate, to paste into PUT /api/account/sso, and another one it does not use. */
export const idpCertificate = fixture('idp-cert.pem');
export const otherCertificate = fixture('other-cert.pem');
export const expiredCertificate = fixture('expired-cert.pem');

export const IDP_ENTITY_ID = 'https://idp.test/saml/metadata';
/** Never fetched: the browser carries SAML messages, so the test reads the redirect URL instead. */
export const IDP_SSO_URL = 'https://idp.test/saml/sso';

const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const BASIC = 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic';

const identityProvider = (key: 'idp' | 'other') =>
  samlify.IdentityProvider({
    entityID: IDP_ENTITY_ID,
    privateKey: fixture(`${key}-key.pem`),
    signingCert: fixture(`${key}-cert.pem`),
    nameIDFormat: [EMAIL_FORMAT],
    singleSignOnService: [{ Binding: samlify.Constants.namespace.binding.redirect, Location: IDP_SSO_URL }],
    loginResponseTemplate: {
      context: samlify.SamlLib.defaultLoginResponseTemplate.context,
      attributes: [
        { name: 'email', valueTag: 'email', nameFormat: BASIC, valueXsiType: 'xs:string' },
        { name: 'givenName', valueTag: 'givenName', nameFormat: BASIC, valueXsiType: 'xs:string' },
        { name: 'sn', valueTag: 'sn', nameFormat: BASIC, valueXsiType: 'xs:string' },
      ],
    },
  });

const providers = { idp: identityProvider('idp'), other: identityProvider('other') };

export interface SamlUser {
  email: string;
  /** The NameID; the email by default. */
  nameId?: string;
  firstName?: string;
  lastName?: string;
}

/** How the answer departs from a correct one. */
export interface AnswerOptions {
  /** false: the assertion is not signed (samlify then signs the Response around it). */
  signAssertion?: boolean;
  /** Sign with a key whose certificate Atrium does not know. */
  signWith?: 'idp' | 'other';
  audience?: string;
  /** The Recipient of the (signed) subject confirmation. */
  recipient?: string;
  /** The Destination of the Response around the assertion. */
  destination?: string;
  inResponseTo?: string;
  issuer?: string;
  notBefore?: Date;
  notOnOrAfter?: Date;
}

export interface SamlAnswer {
  SAMLResponse: string;
  RelayState: string;
  /** The AuthnRequest's ID, which the answer says it responds to. */
  requestId: string;
  /** The SP metadata's ACS URL, where a browser would post the form. */
  acsUrl: string;
}

/**
 * Signs `user` in at the IdP for the AuthnRequest in `redirectUrl` (the Location Atrium answered
 * /api/sso/start with), knowing Atrium by the account's SP metadata, as an admin would import it.
 */
export async function answerLogin(
  service: TestService,
  accountId: string,
  redirectUrl: string,
  user: SamlUser,
  options: AnswerOptions = {},
): Promise<SamlAnswer> {
  const url = new URL(redirectUrl);
  if (`${url.origin}${url.pathname}` !== IDP_SSO_URL)
    throw new Error(`Not a redirect to the IdP: ${redirectUrl}`);
  const query = Object.fromEntries(url.searchParams);
  let metadata = (await service.client().get(`/api/sso/saml/metadata?account=${accountId}`)).body as string;
  // samlify signs what the SP metadata asks for: without WantAssertionsSigned it signs the Response.
  if (options.signAssertion === false) metadata = metadata.replace('WantAssertionsSigned="true"', '');
  const sp = samlify.ServiceProvider({ metadata });
  const idp = providers[options.signWith ?? 'idp'];
  const request = await idp.parseLoginRequest(sp, 'redirect', { query });
  const acsUrl = sp.entityMeta.getAssertionConsumerService('post');
  const entityId = sp.entityMeta.getEntityID();
  const now = new Date();
  const later = new Date(now.getTime() + 5 * 60 * 1000);
  const assertionId = `_${randomUUID()}`;
  const responseId = `_${randomUUID()}`;
  const values = {
    ID: responseId,
    AssertionID: assertionId,
    Destination: options.destination ?? acsUrl,
    Audience: options.audience ?? entityId,
    EntityID: entityId,
    SubjectRecipient: options.recipient ?? acsUrl,
    Issuer: options.issuer ?? IDP_ENTITY_ID,
    IssueInstant: now.toISOString(),
    AssertionConsumerServiceURL: acsUrl,
    StatusCode: 'urn:oasis:names:tc:SAML:2.0:status:Success',
    ConditionsNotBefore: (options.notBefore ?? now).toISOString(),
    ConditionsNotOnOrAfter: (options.notOnOrAfter ?? later).toISOString(),
    SubjectConfirmationDataNotOnOrAfter: (options.notOnOrAfter ?? later).toISOString(),
    NameIDFormat: EMAIL_FORMAT,
    NameID: user.nameId ?? user.email,
    InResponseTo: options.inResponseTo ?? request.extract.request.id,
    AuthnStatement: '',
    AttributeStatement: '',
    attrEmail: user.email,
    attrGivenName: user.firstName ?? '',
    attrSn: user.lastName ?? '',
  };
  const response = await idp.createLoginResponse(
    sp,
    request,
    'post',
    { email: user.email },
    {
      relayState: query.RelayState ?? '',
      customTagReplacement: (template) => ({
        id: responseId,
        context: samlify.SamlLib.replaceTagsByValue(template, values),
      }),
    },
  );
  return {
    SAMLResponse: response.context,
    RelayState: query.RelayState ?? '',
    requestId: request.extract.request.id,
    acsUrl,
  };
}

/** Posts the IdP's answer to Atrium's ACS as the browser's auto-submitted form would. */
export function postToAcs(
  client: Client,
  answer: Pick<SamlAnswer, 'SAMLResponse' | 'RelayState'>,
  options: { browser?: boolean } = {},
): Promise<Reply> {
  const form = new URLSearchParams({ SAMLResponse: answer.SAMLResponse, RelayState: answer.RelayState });
  return client.request('POST', '/api/sso/saml/acs', undefined, {
    raw: form.toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(options.browser && { accept: 'text/html,application/xhtml+xml' }),
      // The IdP's page posts the form: another site, as the browser says.
      origin: new URL(IDP_SSO_URL).origin,
    },
  });
}
