import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** Authenticator apps' defaults (RFC 6238): SHA-1, 6 digits, 30-second steps. */
const totpOf = (secret: string, label = '') =>
  new TOTP({ issuer: 'Atrium', label, algorithm: 'SHA1', digits: 6, period: 30, secret });

/** A new TOTP secret of 160 bits (RFC 4226's recommended length), base32 as apps take it. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The otpauth:// URI an authenticator app scans: issuer Atrium, labelled with the member's email. */
export const otpauthUri = (secret: string, email: string): string => totpOf(secret, email).toString();

/**
 * The time step of a TOTP code valid at `now`, or null. One step of drift either way is allowed
 * (a phone's clock, the time it takes to type); the caller refuses steps already used.
 */
export function totpStep(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const totp = totpOf(secret);
  const timestamp = now.getTime();
  const delta = totp.validate({ token, timestamp, window: 1 });
  return delta === null ? null : totp.counter({ timestamp }) + delta;
}

// No 0/o, 1/l/i: codes are read off paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

/** Ten recovery codes such as `k7m2q-x9rtb` (about 49 bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A recovery code as typed, reduced to what is hashed: case, spaces and dashes do not matter. */
export const normaliseRecoveryCode = (code: string): string => code.toLowerCase().replace(/[^a-z0-9]/g, '');
