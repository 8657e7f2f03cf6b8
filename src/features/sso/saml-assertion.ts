import { Parser, processors } from 'xml2js';
import { ssoRefused } from './sign-in.js';

/**
 * The checks of a SAML answer that node-saml leaves to us, made on the assertion node-saml has
 * verified the signature of (its xml2js form: attributes in `$`, text in `_`, children in arrays,
 * prefixes stripped), never on the unsigned document around it: the time window against our clock
 * (node-saml reads the system's), the bearer confirmation's Recipient and InResponseTo, the issuer;
 * and the Response's own Destination and InResponseTo when it has them.
 */

/** Clocks of the identity provider and ours may differ this much. */
export const CLOCK_SKEW_MS = 2 * 60 * 1000;

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

type XmlNode = { $?: Record<string, string>; _?: string } & Record<string, unknown>;

const children = (node: XmlNode | undefined, name: string): XmlNode[] => {
  const value = node?.[name];
  // An empty element parses as '' rather than an object.
  return Array.isArray(value)
    ? value.map((v) => (typeof v === 'object' && v !== null ? v : {}) as XmlNode)
    : [];
};

const textOf = (node: XmlNode | undefined) => (typeof node?._ === 'string' ? node._.trim() : undefined);

/** What the sign-in expects of the answer. */
export interface Expected {
  acsUrl: string;
  /** The identity provider's entity id, when the admins gave it. */
  idpIssuer: string | null;
  now: Date;
}

export interface CheckedAssertion {
  id: string;
  /** Until when the assertion could be replayed: its id is kept this long. */
  expiresAt: Date;
  /** The request the signed confirmation answers (checked by checkInResponseTo). */
  inResponseTo: string | null;
}

function instant(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw ssoRefused(`The assertion’s ${name} is not a date (${value}).`);
  return ms;
}

/** NotBefore / NotOnOrAfter of an element, checked against `now` with the allowed skew. */
function checkWindow(node: XmlNode, where: string, now: number): number | undefined {
  const notBefore = instant(node.$?.NotBefore, `${where} NotBefore`);
  const notOnOrAfter = instant(node.$?.NotOnOrAfter, `${where} NotOnOrAfter`);
  if (notBefore !== undefined && now + CLOCK_SKEW_MS < notBefore) {
    throw ssoRefused(
      `The assertion is not valid yet (${where}: from ${new Date(notBefore).toISOString()}); check the identity provider’s clock.`,
    );
  }
  if (notOnOrAfter !== undefined && now - CLOCK_SKEW_MS >= notOnOrAfter) {
    throw ssoRefused(
      `The assertion expired at ${new Date(notOnOrAfter).toISOString()} (${where}); sign in again.`,
    );
  }
  return notOnOrAfter;
}

/**
 * Checks the signed assertion (`{ Assertion: … }` as node-saml hands it over) against the sign-in:
 * issuer, time window of its conditions and of a bearer confirmation meant for our ACS URL.
 * Audience and signature are node-saml's checks, done before; InResponseTo is checkInResponseTo's.
 */
export function checkAssertion(
  parsed: Record<string, unknown> | undefined,
  expected: Expected,
): CheckedAssertion {
  const assertion = parsed?.Assertion as XmlNode | undefined;
  const id = assertion?.$?.ID;
  if (!assertion || !id) throw ssoRefused('The identity provider’s answer holds no assertion with an ID.');
  const now = expected.now.getTime();

  const issuer = textOf(children(assertion, 'Issuer')[0]);
  if (expected.idpIssuer !== null && issuer !== expected.idpIssuer) {
    throw ssoRefused(
      `The assertion was issued by ${issuer ?? 'nobody named'}, not by ${expected.idpIssuer}, the identity provider set up for this account.`,
    );
  }

  const expiries: number[] = [];
  for (const conditions of children(assertion, 'Conditions')) {
    const until = checkWindow(conditions, 'Conditions', now);
    if (until !== undefined) expiries.push(until);
  }

  const subject = children(assertion, 'Subject')[0];
  const bearers = children(subject, 'SubjectConfirmation')
    .filter((c) => c.$?.Method === BEARER)
    .flatMap((c) => children(c, 'SubjectConfirmationData'));
  if (bearers.length === 0) throw ssoRefused('The assertion has no bearer subject confirmation.');
  const forUs = bearers.filter((data) => data.$?.Recipient === expected.acsUrl);
  if (forUs.length === 0) {
    const recipients = bearers.map((data) => data.$?.Recipient ?? 'none').join(', ');
    throw ssoRefused(
      `The assertion is addressed to ${recipients}, not to this service’s ACS URL ${expected.acsUrl}: check the ACS URL in the identity provider.`,
    );
  }
  // The window of each confirmation for us; the first one still valid is the one that counts.
  let refused: unknown;
  for (const confirmation of forUs) {
    try {
      const until = checkWindow(confirmation, 'SubjectConfirmationData', now);
      // SAML's Web Browser SSO profile requires it: it bounds how long the assertion id is kept.
      if (until === undefined) throw ssoRefused('The assertion’s subject confirmation has no NotOnOrAfter.');
      return {
        id,
        expiresAt: new Date(Math.max(until, ...expiries) + CLOCK_SKEW_MS),
        inResponseTo: confirmation.$?.InResponseTo ?? null,
      };
    } catch (error) {
      refused ??= error;
    }
  }
  throw refused;
}

/**
 * The Response's own Destination, outside the signed assertion: when present it must be ours (a
 * Response signed as a whole covers it). Returns the Response's InResponseTo, if any.
 */
export async function checkResponse(xml: string | undefined, expected: Expected): Promise<string | null> {
  // Parsed as node-saml parses: prefixes stripped, so `samlp:Response` is `Response`.
  const parser = new Parser({
    explicitRoot: true,
    explicitCharkey: true,
    tagNameProcessors: [processors.stripPrefix],
  });
  const parsed: unknown = xml ? await parser.parseStringPromise(xml).catch(() => null) : null;
  const response = (parsed as { Response?: XmlNode } | null)?.Response;
  if (!response) throw ssoRefused('The identity provider’s answer is not a SAML Response.');
  const destination = response.$?.Destination;
  if (destination && destination !== expected.acsUrl) {
    throw ssoRefused(
      `The response is addressed to ${destination}, not to this service’s ACS URL ${expected.acsUrl}: check the ACS URL in the identity provider.`,
    );
  }
  return response.$?.InResponseTo || null;
}

/**
 * The answer is to this sign-in's request: the signed confirmation's InResponseTo must be its
 * request id, and so must the Response's when it has one.
 */
export function checkInResponseTo(
  assertion: CheckedAssertion,
  response: string | null,
  requestId: string,
): void {
  if (assertion.inResponseTo !== requestId || (response !== null && response !== requestId)) {
    throw ssoRefused(
      'The assertion answers another sign-in request than this one (InResponseTo); start signing in again.',
    );
  }
}
