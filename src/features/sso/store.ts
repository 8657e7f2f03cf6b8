import { and, asc, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { accountSso, samlUsedAssertions, ssoDomains, ssoLogins } from '../../db/schema.js';

export type SsoRow = typeof accountSso.$inferSelect;
export type DomainRow = typeof ssoDomains.$inferSelect;
export type LoginRow = typeof ssoLogins.$inferSelect;

export async function findSso(tx: Db, accountId: string): Promise<SsoRow | undefined> {
  const [row] = await tx.select().from(accountSso).where(eq(accountSso.accountId, accountId));
  return row;
}

export async function upsertSso(tx: Db, row: SsoRow): Promise<void> {
  const { accountId: _key, createdAt: _created, ...changes } = row;
  await tx.insert(accountSso).values(row).onConflictDoUpdate({ target: accountSso.accountId, set: changes });
}

export async function deleteSso(tx: Db, accountId: string): Promise<void> {
  await tx.delete(accountSso).where(eq(accountSso.accountId, accountId));
  await tx.delete(ssoDomains).where(eq(ssoDomains.accountId, accountId));
}

export async function listDomains(tx: Db, accountId: string): Promise<DomainRow[]> {
  return tx
    .select()
    .from(ssoDomains)
    .where(eq(ssoDomains.accountId, accountId))
    .orderBy(asc(ssoDomains.domain));
}

export async function insertDomain(tx: Db, row: DomainRow): Promise<void> {
  await tx.insert(ssoDomains).values(row).onConflictDoNothing();
}

export async function deleteDomain(tx: Db, accountId: string, domain: string): Promise<void> {
  await tx.delete(ssoDomains).where(and(eq(ssoDomains.accountId, accountId), eq(ssoDomains.domain, domain)));
}

export async function markDomainVerified(
  tx: Db,
  accountId: string,
  domain: string,
  now: Date,
): Promise<void> {
  await tx
    .update(ssoDomains)
    .set({ verifiedAt: now })
    .where(and(eq(ssoDomains.accountId, accountId), eq(ssoDomains.domain, domain)));
}

/** The account that verified this domain, if any (at most one may). */
export async function findVerifiedDomain(tx: Db, domain: string): Promise<DomainRow | undefined> {
  const [row] = await tx
    .select()
    .from(ssoDomains)
    .where(and(eq(ssoDomains.domain, domain.toLowerCase()), isNotNull(ssoDomains.verifiedAt)));
  return row;
}

export async function insertLogin(tx: Db, row: typeof ssoLogins.$inferInsert): Promise<void> {
  await tx.insert(ssoLogins).values(row);
}

/** Takes a sign-in in flight by its state, once: a second answer with the same state finds nothing. */
export async function claimLogin(tx: Db, stateHash: string, now: Date): Promise<LoginRow | undefined> {
  const [row] = await tx
    .update(ssoLogins)
    .set({ usedAt: now })
    .where(and(eq(ssoLogins.stateHash, stateHash), isNull(ssoLogins.usedAt)))
    .returning();
  return row;
}

/** Records a SAML assertion's id; false when it was already taken (a replay). */
export async function useAssertion(
  tx: Db,
  accountId: string,
  assertionId: string,
  expiresAt: Date,
): Promise<boolean> {
  const rows = await tx
    .insert(samlUsedAssertions)
    .values({ accountId, assertionId, expiresAt })
    .onConflictDoNothing()
    .returning({ id: samlUsedAssertions.assertionId });
  return rows.length === 1;
}

/** Housekeeping: answered or abandoned sign-ins, and assertion ids past their own expiry. */
export async function deleteExpiredLogins(tx: Db, now: Date): Promise<void> {
  await tx.delete(ssoLogins).where(lt(ssoLogins.expiresAt, now));
  await tx.delete(samlUsedAssertions).where(lt(samlUsedAssertions.expiresAt, now));
}
