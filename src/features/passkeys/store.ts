import { and, asc, type Column, count, eq, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { type ChallengePurpose, passkeys, webauthnChallenges } from '../../db/schema.js';

export type PasskeyRow = typeof passkeys.$inferSelect;
export type ChallengeRow = typeof webauthnChallenges.$inferSelect;

export async function listPasskeys(tx: Db, memberId: string): Promise<PasskeyRow[]> {
  return tx
    .select()
    .from(passkeys)
    .where(eq(passkeys.memberId, memberId))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

export async function countPasskeys(tx: Db, memberId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(passkeys).where(eq(passkeys.memberId, memberId));
  return row?.n ?? 0;
}

/** One of this member's passkeys; another member's is not found. */
export async function findPasskey(tx: Db, memberId: string, id: string): Promise<PasskeyRow | undefined> {
  const [row] = await tx
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.memberId, memberId), eq(passkeys.id, id)));
  return row;
}

/** A lookup by a global key: the credential an authenticator answered with, whoever holds it. */
export async function findPasskeyByCredentialId(
  tx: Db,
  credentialId: string,
): Promise<PasskeyRow | undefined> {
  const [row] = await tx.select().from(passkeys).where(eq(passkeys.credentialId, credentialId)).for('update');
  return row;
}

export async function insertPasskey(tx: Db, row: typeof passkeys.$inferInsert): Promise<boolean> {
  const inserted = await tx
    .insert(passkeys)
    .values(row)
    .onConflictDoNothing({ target: passkeys.credentialId })
    .returning({ id: passkeys.id });
  return inserted.length === 1;
}

export async function updatePasskey(
  tx: Db,
  memberId: string,
  id: string,
  changes: Partial<Pick<PasskeyRow, 'name' | 'counter' | 'backedUp' | 'lastUsedAt'>>,
): Promise<void> {
  await tx
    .update(passkeys)
    .set(changes)
    .where(and(eq(passkeys.memberId, memberId), eq(passkeys.id, id)));
}

export async function deletePasskey(tx: Db, memberId: string, id: string): Promise<void> {
  await tx.delete(passkeys).where(and(eq(passkeys.memberId, memberId), eq(passkeys.id, id)));
}

/** Every passkey of a member (an admin's reset of their second factors); answers how many went. */
export async function deleteMemberPasskeys(tx: Db, memberId: string): Promise<number> {
  const gone = await tx
    .delete(passkeys)
    .where(eq(passkeys.memberId, memberId))
    .returning({ id: passkeys.id });
  return gone.length;
}

/**
 * `true` when the member (a column or value holding their id) has at least one passkey: for a
 * query's select list or WHERE, e.g. what counts as having two-factor.
 */
export const hasPasskeySql = (memberId: Column | SQL | string): SQL<boolean> =>
  sql<boolean>`exists (select 1 from passkeys where passkeys.member_id = ${memberId})`;

export async function memberHasPasskey(tx: Db, memberId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: passkeys.id })
    .from(passkeys)
    .where(eq(passkeys.memberId, memberId))
    .limit(1);
  return row !== undefined;
}

export async function insertChallenge(tx: Db, row: typeof webauthnChallenges.$inferInsert): Promise<void> {
  await tx.insert(webauthnChallenges).values(row);
}

export async function findChallenge(
  tx: Db,
  challengeHash: string,
  purpose: ChallengePurpose,
): Promise<ChallengeRow | undefined> {
  const [row] = await tx
    .select()
    .from(webauthnChallenges)
    .where(and(eq(webauthnChallenges.challengeHash, challengeHash), eq(webauthnChallenges.purpose, purpose)));
  return row;
}

/** Marks a challenge used, once: false when another request used it first. */
export async function markChallengeUsed(tx: Db, id: string, now: Date): Promise<boolean> {
  const used = await tx
    .update(webauthnChallenges)
    .set({ usedAt: now })
    .where(and(eq(webauthnChallenges.id, id), isNull(webauthnChallenges.usedAt)))
    .returning({ id: webauthnChallenges.id });
  return used.length === 1;
}

/** Challenges that ran out before `before`: nobody can answer them any more. */
export async function deleteChallengesExpiredBefore(tx: Db, before: Date): Promise<void> {
  await tx.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, before));
}
