import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { accounts, workspaces } from '../../db/schema.js';

export type AccountRow = typeof accounts.$inferSelect;

export async function insertAccount(tx: Db, account: typeof accounts.$inferInsert): Promise<AccountRow> {
  const [row] = await tx.insert(accounts).values(account).returning();
  return row!;
}

export async function findAccount(tx: Db, accountId: string): Promise<AccountRow | undefined> {
  const [row] = await tx.select().from(accounts).where(eq(accounts.id, accountId));
  return row;
}

/**
 * Reads the account and locks its row until the transaction ends. Every use case that checks a plan
 * limit takes this lock first, which serialises concurrent creates within one account only.
 */
export async function lockAccount(tx: Db, accountId: string): Promise<AccountRow> {
  const [row] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for('no key update');
  if (!row) throw new Error(`account ${accountId} vanished`);
  return row;
}

export async function updateAccount(
  tx: Db,
  accountId: string,
  changes: Partial<Omit<typeof accounts.$inferInsert, 'id'>>,
): Promise<AccountRow> {
  const [row] = await tx.update(accounts).set(changes).where(eq(accounts.id, accountId)).returning();
  return row!;
}

export async function countLiveWorkspaces(tx: Db, accountId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(workspaces)
    .where(and(eq(workspaces.accountId, accountId), sql`${workspaces.deletedAt} IS NULL`));
  return row?.n ?? 0;
}

/** Deletes an account and, by cascade, everything in it. Only for small accounts (a cancelled trial). */
export async function deleteAccount(tx: Db, accountId: string): Promise<void> {
  await tx.delete(accounts).where(eq(accounts.id, accountId));
}
