import { type Profile, SamlStatusError } from '@node-saml/node-saml';
import type { AppContext } from '../../context.js';
import { isEmailAddress } from '../../shared/email-address.js';
import { serviceProvider } from './protocol.js';
import { checkAssertion, checkInResponseTo, checkResponse } from './saml-assertion.js';
import { signingCertificate } from './saml-certificate.js';
import { EMAIL_NAME_ID, samlClient, samlSettings } from './saml-client.js';
import { ssoRefused, type VerifiedIdentity } from './sign-in.js';
import type { LoginRow } from './store.js';
import * as store from './store.js';

const EMAIL_ATTRIBUTES = [
  'email',
  'mail',
  'emailAddress',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  'urn:oid:0.9.2342.19200300.100.1.3',
  // Keycloak's "X500 email" mapper.
  'urn:oid:1.2.840.113549.1.9.1',
];
const FIRST_NAME_ATTRIBUTES = [
  'givenName',
  'firstName',
  'given_name',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
  'urn:oid:2.5.4.42',
];
const LAST_NAME_ATTRIBUTES = [
  'sn',
  'lastName',
  'surname',
  'family_name',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
  'urn:oid:2.5.4.4',
];

/** node-saml's refusals, in words for the person signing in (and the admin testing). */
function refusal(error: unknown): Error {
  if (error instanceof SamlStatusError) {
    return ssoRefused(
      `The identity provider did not sign you in: ${error.message.replace(/^SAML provider returned /, '')}.`,
    );
  }
  // node-saml reads some optional elements without checking for them (an assertion without
  // Conditions): a TypeError is an answer it could not read, not a fault of ours.
  if (error instanceof TypeError) {
    return ssoRefused(
      'The identity provider’s answer is not a SAML Response with the elements Atrium needs.',
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/signature/i.test(message)) {
    return ssoRefused(
      'The assertion is not signed with the identity provider’s certificate set up for this account (signed assertions are required).',
    );
  }
  if (/audience/i.test(message)) {
    return ssoRefused(
      `The assertion is meant for another service, not this account’s entity id (${message.replace(/^SAML assertion /, '')}).`,
    );
  }
  return ssoRefused(`The identity provider’s answer was refused: ${message}.`);
}

/** The first non-empty string among these attributes of the assertion. */
function attribute(profile: Profile, names: readonly string[]): string | undefined {
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  for (const name of names) {
    const value = [attributes[name]].flat().find((v) => typeof v === 'string' && v.trim() !== '');
    if (typeof value === 'string') return value.trim();
  }
  return undefined;
}

/** Who signed in: NameID is the subject; the email comes from an attribute, or an email-format NameID. */
function identityOf(profile: Profile): VerifiedIdentity {
  if (!profile.nameID) throw ssoRefused('The assertion names nobody (no NameID).');
  const email =
    attribute(profile, EMAIL_ATTRIBUTES) ??
    (profile.nameIDFormat === EMAIL_NAME_ID ? profile.nameID : undefined);
  if (!email || !isEmailAddress(email)) {
    throw ssoRefused(
      'The assertion carries no email address: send it as the NameID (email address format) or an "email" attribute.',
    );
  }
  return {
    subject: profile.nameID,
    email,
    firstName: attribute(profile, FIRST_NAME_ATTRIBUTES),
    lastName: attribute(profile, LAST_NAME_ATTRIBUTES),
  };
}

/**
 * Checks a SAML answer posted to the ACS for the sign-in its RelayState named: node-saml checks
 * the assertion's signature (the account's certificate) and audience; then the time window,
 * issuer and recipient (saml-assertion.ts); then the assertion's id is recorded, so that it is
 * refused if it comes again, to this sign-in or any other; last, it must answer this sign-in's
 * request (InResponseTo).
 */
export async function verifySamlAnswer(
  ctx: AppContext,
  login: LoginRow,
  samlResponse: string,
): Promise<VerifiedIdentity> {
  const sso = await store.findSso(ctx.db, login.accountId);
  if (login.type !== 'saml' || !login.requestId || sso?.type !== 'saml') {
    throw ssoRefused('This sign-in was not started with SAML single sign-on; start it again.');
  }
  const now = ctx.clock.now();
  const settings = samlSettings(sso);
  const client = samlClient(ctx, sso.accountId, settings, signingCertificate(settings.idpCertificate, now));
  let profile: Profile | null;
  try {
    ({ profile } = await client.validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (error) {
    throw refusal(error);
  }
  if (!profile) throw ssoRefused('The identity provider’s answer holds no assertion.');
  const expected = {
    acsUrl: serviceProvider(ctx, sso.accountId).samlAcsUrl,
    idpIssuer: settings.idpIssuer,
    now,
  };
  const assertion = checkAssertion(profile.getAssertion?.(), expected);
  const responseInResponseTo = await checkResponse(profile.getSamlResponseXml?.(), expected);
  // Recorded once its signature is checked and before it is matched to this sign-in: an assertion
  // comes once, whichever sign-in it is posted to.
  const fresh = await ctx.db.transaction((tx) =>
    store.useAssertion(tx, sso.accountId, assertion.id, assertion.expiresAt),
  );
  if (!fresh) throw ssoRefused('This assertion was already used to sign in; sign in again.');
  checkInResponseTo(assertion, responseInResponseTo, login.requestId);
  return identityOf(profile);
}
