import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { outbox } from '../../db/schema.js';

export type OutboxRow = typeof outbox.$inferSelect;

export async function insertEmail(tx: Db, email: typeof outbox.$inferInsert): Promise<OutboxRow> {
  const [row] = await tx.insert(outbox).values(email).returning();
  return row!;
}

export async function findEmail(tx: Db, id: string): Promise<OutboxRow | undefined> {
  const [row] = await tx.select().from(outbox).where(eq(outbox.id, id));
  return row;
}

export async function listEmails(tx: Db, accountId: string, limit: number): Promise<OutboxRow[]> {
  return tx
    .select()
    .from(outbox)
    .where(eq(outbox.accountId, accountId))
    .orderBy(desc(outbox.id))
    .limit(limit);
}

/**
 * The newest email to this address (compared case-insensitively), of any account, optionally of one
 * kind: what the operator's `atrium last-email` prints.
 */
export async function latestEmailTo(tx: Db, address: string, kind?: string): Promise<OutboxRow | undefined> {
  const [row] = await tx
    .select()
    .from(outbox)
    .where(
      and(
        eq(sql`lower(${outbox.toAddress})`, address.toLowerCase()),
        kind === undefined ? undefined : eq(outbox.kind, kind),
      ),
    )
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(1);
  return row;
}

/**
 * Marks an email sent, once: false when another delivery got there first. With `forgetBody`, the
 * body is replaced by that text: a secret it carried (a reset link) is not kept once delivered.
 */
export async function markSent(
  tx: Db,
  id: string,
  at: Date,
  attempts: number,
  forgetBody?: string,
): Promise<boolean> {
  const rows = await tx
    .update(outbox)
    .set({
      state: 'sent',
      sentAt: at,
      attempts,
      lastError: null,
      ...(forgetBody !== undefined && { textBody: forgetBody, htmlBody: null }),
    })
    .where(and(eq(outbox.id, id), eq(outbox.state, 'queued')))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

export async function recordFailure(
  tx: Db,
  id: string,
  attempts: number,
  error: string,
  final: boolean,
): Promise<void> {
  await tx
    .update(outbox)
    .set({ attempts, lastError: error, ...(final && { state: 'failed' as const }) })
    .where(eq(outbox.id, id));
}

/** Holds back a queued email for good, saying why. */
export async function markSuppressed(tx: Db, id: string, reason: string): Promise<void> {
  await tx
    .update(outbox)
    .set({ state: 'suppressed', lastError: reason })
    .where(and(eq(outbox.id, id), eq(outbox.state, 'queued')));
}
