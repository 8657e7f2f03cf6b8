import { hash, verify } from '@node-rs/argon2';
import type { Config } from '../../config.js';

export type PasswordHashing = Config['passwordHashing'];

let hashesComputed = 0;

/**
 * How many passwords this process has hashed. A seam for tests, which prove without timing that a
 * path hashes (sign-up's taken address) or does not (a link token that does not exist).
 */
export const passwordHashesComputed = (): number => hashesComputed;

/** argon2id (the library's default algorithm) with the configured cost. */
export function hashPassword(password: string, cost: PasswordHashing): Promise<string> {
  hashesComputed++;
  return hash(password, cost);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password. With no hash (unknown email, or an invited member without a password) it
 * still spends the time of one verification, so response times do not reveal which emails exist.
 */
export async function verifyPassword(
  passwordHash: string | null | undefined,
  password: string,
  cost: PasswordHashing,
) {
  if (!passwordHash) {
    dummyHash ??= hashPassword('not a real password', cost);
    await verify(await dummyHash, password);
    return false;
  }
  return verify(passwordHash, password);
}
