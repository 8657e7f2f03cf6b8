import { and, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Db, queryRows } from '../../db/connection.js';
import { members, memberTotp, recoveryCodes } from '../../db/schema.js';
import { hasPasskeySql } from '../passkeys/store.js';

export type TotpRow = typeof memberTotp.$inferSelect;

/**
 * THE definition of "this member has two-factor", as SQL over a member id column or value: the
 * session-context query (every request), the team list and the log-in all go through it.
 * A confirmed TOTP authenticator, or at least one passkey.
 */
export const hasSecondFactorSql = (memberId: AnyPgColumn | SQL | string): SQL<boolean> =>
  sql<boolean>`(${hasTotpSql(memberId)} OR ${hasPasskeySql(memberId)})`;

const hasTotpSql = (memberId: AnyPgColumn | SQL | string): SQL<boolean> =>
  sql<boolean>`EXISTS (SELECT 1 FROM member_totp t WHERE t.member_id = ${memberId} AND t.confirmed_at IS NOT NULL)`;

/** What a member with two-factor may send as their second factor, for the log-in's 401. */
export async function secondFactorMethods(tx: Db, memberId: string): Promise<SecondFactorMethod[]> {
  const [row] = await queryRows<{ totp: boolean; passkey: boolean }>(
    tx,
    sql`SELECT ${hasTotpSql(memberId)} AS totp, ${hasPasskeySql(memberId)} AS passkey`,
  );
  return [
    ...(row?.totp ? (['totp', 'recovery_code'] as const) : []),
    ...(row?.passkey ? (['passkey'] as const) : []),
  ];
}

export type SecondFactorMethod = 'totp' | 'recovery_code' | 'passkey';

/** Whether this member has two-factor (hasSecondFactorSql). */
export async function hasSecondFactor(tx: Db, memberId: string): Promise<boolean> {
  const [row] = await queryRows<{ has: boolean }>(tx, sql`SELECT ${hasSecondFactorSql(memberId)} AS has`);
  return row?.has === true;
}

/** Of these members, the ones who have two-factor (hasSecondFactorSql). */
export async function membersWithSecondFactor(tx: Db, memberIds: readonly string[]): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const rows = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(inArray(members.id, [...memberIds]), hasSecondFactorSql(members.id)));
  return new Set(rows.map((r) => r.id));
}

export async function findTotp(tx: Db, memberId: string): Promise<TotpRow | undefined> {
  const [row] = await tx.select().from(memberTotp).where(eq(memberTotp.memberId, memberId));
  return row;
}

/** The member's confirmed authenticator, its row locked: two log-ins with one code take turns. */
export async function lockConfirmedTotp(tx: Db, memberId: string): Promise<TotpRow | undefined> {
  const [row] = await tx
    .select()
    .from(memberTotp)
    .where(and(eq(memberTotp.memberId, memberId), isNotNull(memberTotp.confirmedAt)))
    .for('update');
  return row;
}

/** Starts (or starts again) a pending enrolment; an authenticator already confirmed is left alone. */
export async function putPendingTotp(tx: Db, memberId: string, secret: string, now: Date): Promise<boolean> {
  const rows = await tx
    .insert(memberTotp)
    .values({ memberId, secret, createdAt: now })
    .onConflictDoUpdate({
      target: memberTotp.memberId,
      set: { secret, createdAt: now, lastUsedStep: null },
      setWhere: isNull(memberTotp.confirmedAt),
    })
    .returning({ memberId: memberTotp.memberId });
  return rows.length > 0;
}

/**
 * Turns the pending authenticator on, only if it is still pending: false when another request
 * confirmed it first (its recovery codes are the ones shown; these must not replace them).
 */
export async function confirmTotp(tx: Db, memberId: string, now: Date, step: number): Promise<boolean> {
  const rows = await tx
    .update(memberTotp)
    .set({ confirmedAt: now, lastUsedStep: step })
    .where(and(eq(memberTotp.memberId, memberId), isNull(memberTotp.confirmedAt)))
    .returning({ memberId: memberTotp.memberId });
  return rows.length === 1;
}

/**
 * Records a code's time step as used, only if it comes after the last one used: false when it
 * does not. One statement, so of two transactions with the same step one wins whatever the lock.
 */
export async function spendTotpStep(tx: Db, memberId: string, step: number): Promise<boolean> {
  const rows = await tx
    .update(memberTotp)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(memberTotp.memberId, memberId),
        isNotNull(memberTotp.confirmedAt),
        sql`(${memberTotp.lastUsedStep} IS NULL OR ${memberTotp.lastUsedStep} < ${step})`,
      ),
    )
    .returning({ memberId: memberTotp.memberId });
  return rows.length > 0;
}

export async function replaceRecoveryCodes(
  tx: Db,
  memberId: string,
  rows: { id: string; codeHash: string }[],
  now: Date,
): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.memberId, memberId));
  await tx.insert(recoveryCodes).values(rows.map((r) => ({ ...r, memberId, createdAt: now })));
}

/** Marks one unused recovery code of the member used; false when there is none with this hash. */
export async function spendRecoveryCode(
  tx: Db,
  memberId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.memberId, memberId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

export async function countUnusedRecoveryCodes(tx: Db, memberId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.memberId, memberId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** Removes the member's authenticator and recovery codes; true when there was anything to remove. */
export async function deleteTotpAndRecoveryCodes(tx: Db, memberIds: string[]): Promise<boolean> {
  if (memberIds.length === 0) return false;
  const totp = await tx
    .delete(memberTotp)
    .where(inArray(memberTotp.memberId, memberIds))
    .returning({ id: memberTotp.memberId });
  const codes = await tx
    .delete(recoveryCodes)
    .where(inArray(recoveryCodes.memberId, memberIds))
    .returning({ id: recoveryCodes.id });
  return totp.length + codes.length > 0;
}
