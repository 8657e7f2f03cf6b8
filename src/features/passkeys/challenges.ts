import { decodeClientDataJSON } from '@simplewebauthn/server/helpers';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import type { ChallengePurpose } from '../../db/schema.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { hashToken } from '../../shared/secrets.js';
import * as store from './store.js';

/** How long a challenge can be answered: enough to find a security key or unlock a phone. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
// Used and expired challenges are kept this long after they run out, so that answering one says
// "expired" or "used" (410) rather than "unknown" (401); then they are swept.
const KEEP_AFTER_EXPIRY_MS = 60 * 60 * 1000;

/**
 * The relying party is the service as people reach it: its id is the host of config.publicUrl
 * (WebAuthn refuses an IP address there) and answers must come from that origin.
 */
export function relyingParty(ctx: AppContext) {
  const url = new URL(ctx.config.publicUrl);
  return { rpID: url.hostname, origin: url.origin, rpName: 'Atrium' };
}

/** Records a challenge just handed out, single-use, for CHALLENGE_TTL_MS. */
export async function saveChallenge(
  ctx: AppContext,
  tx: Db,
  challenge: string,
  purpose: ChallengePurpose,
  memberId: string | null,
): Promise<void> {
  const now = ctx.clock.now();
  await store.deleteChallengesExpiredBefore(tx, new Date(now.getTime() - KEEP_AFTER_EXPIRY_MS));
  await store.insertChallenge(tx, {
    id: newId('wch'),
    challengeHash: hashToken(challenge),
    purpose,
    memberId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
  });
}

/** The challenge an authenticator signed, read from the clientDataJSON of its answer; null if unreadable. */
export function challengeOf(response: { response: { clientDataJSON: string } }): string | null {
  try {
    const { challenge } = decodeClientDataJSON(response.response.clientDataJSON);
    return typeof challenge === 'string' && challenge.length > 0 && challenge.length <= 512
      ? challenge
      : null;
  } catch {
    return null;
  }
}

export const passkeyInvalid = (detail: string) => new DomainError('passkey_invalid', detail);

/**
 * Uses the challenge an answer was made for, once: unknown (never handed out, for another purpose,
 * or another member's registration) → 401; used or expired → 410. Answers the refusal rather than
 * throwing it, so that the caller's transaction still commits the use.
 */
export async function spendChallenge(
  ctx: AppContext,
  tx: Db,
  challenge: string | null,
  purpose: ChallengePurpose,
  memberId: string | null,
): Promise<DomainError | null> {
  const now = ctx.clock.now();
  const row = challenge ? await store.findChallenge(tx, hashToken(challenge), purpose) : undefined;
  if (!row || (memberId !== null && row.memberId !== memberId)) {
    return passkeyInvalid('This passkey answer is not for a challenge the service handed out; start again.');
  }
  if (row.usedAt)
    return new DomainError('gone', 'This passkey challenge has already been used; start again.');
  if (row.expiresAt <= now) {
    return new DomainError('gone', 'This passkey challenge has expired (5 minutes); start again.');
  }
  if (!(await store.markChallengeUsed(tx, row.id, now))) {
    return new DomainError('gone', 'This passkey challenge has already been used; start again.');
  }
  return null;
}
