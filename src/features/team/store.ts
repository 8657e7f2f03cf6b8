import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { members } from '../../db/schema.js';

export type MemberRow = typeof members.$inferSelect;
export type NewMember = typeof members.$inferInsert;

export async function insertMember(tx: Db, member: NewMember): Promise<MemberRow> {
  const [row] = await tx.insert(members).values(member).returning();
  return row!;
}

/** Emails are unique across all accounts, whatever their case. */
export async function findMemberByEmail(tx: Db, email: string): Promise<MemberRow | undefined> {
  const [row] = await tx.select().from(members).where(sql`lower(${members.email}) = lower(${email})`);
  return row;
}

export async function findMember(
  tx: Db,
  accountId: string,
  memberId: string,
): Promise<MemberRow | undefined> {
  const [row] = await tx
    .select()
    .from(members)
    .where(and(eq(members.accountId, accountId), eq(members.id, memberId)));
  return row;
}

export async function countMembers(tx: Db, accountId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(members)
    .where(eq(members.accountId, accountId));
  return row?.n ?? 0;
}

export async function findMembers(tx: Db, accountId: string, ids: readonly string[]): Promise<MemberRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(members)
    .where(and(eq(members.accountId, accountId), inArray(members.id, [...ids])));
}

export async function updateMember(
  tx: Db,
  accountId: string,
  memberId: string,
  changes: Partial<Omit<NewMember, 'id' | 'accountId'>>,
): Promise<void> {
  await tx
    .update(members)
    .set(changes)
    .where(and(eq(members.accountId, accountId), eq(members.id, memberId)));
}
