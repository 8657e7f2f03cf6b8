import { X509Certificate } from 'node:crypto';
import { invalid } from '../../shared/errors.js';
import { ssoRefused } from './sign-in.js';

const PEM = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/;

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The identity provider's signing certificate as PEM, from what an admin pasted: a PEM block (as
 * Okta, Entra ID and Keycloak download it) or its base64 DER alone (as metadata carries it).
 * Null when it is not an X.509 certificate.
 */
export function parseCertificate(text: string): X509Certificate | null {
  const body = (PEM.exec(text)?.[1] ?? text).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null;
  try {
    return new X509Certificate(Buffer.from(body, 'base64'));
  } catch {
    return null;
  }
}

/** Why a certificate is not usable at `now` (expired, not valid yet), in words; null when it is. */
function outOfDate(certificate: X509Certificate, now: Date): string | null {
  const validTo = new Date(certificate.validTo);
  const validFrom = new Date(certificate.validFrom);
  if (validTo <= now) return `The certificate expired on ${day(validTo)}`;
  if (validFrom > now) return `The certificate is valid only from ${day(validFrom)}`;
  return null;
}

/** Checks a certificate an admin is saving: refused at /idpCertificate when broken or out of date. */
export function checkCertificate(text: string, now: Date): void {
  const certificate = parseCertificate(text);
  if (!certificate) {
    throw invalid(
      '/idpCertificate',
      'This is not an X.509 certificate: paste the identity provider’s signing certificate, as PEM (-----BEGIN CERTIFICATE-----) or base64.',
    );
  }
  const problem = outOfDate(certificate, now);
  if (problem) {
    throw invalid(
      '/idpCertificate',
      `${problem}: download the identity provider’s current signing certificate.`,
    );
  }
}

/**
 * The stored certificate as PEM for a sign-in. One that expired since it was saved is refused: an
 * Account Admin must paste the identity provider's new one (they rotate before expiry).
 */
export function signingCertificate(text: string, now: Date): string {
  const certificate = parseCertificate(text);
  if (!certificate)
    throw ssoRefused(
      'The identity provider’s certificate is not readable; an Account Admin must paste it again.',
    );
  const problem = outOfDate(certificate, now);
  if (problem) {
    throw ssoRefused(
      `${problem}, so the identity provider’s answers cannot be trusted; an Account Admin must paste its current certificate.`,
    );
  }
  return certificate.toString();
}
