import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { emailVerifications } from '../../db/schema.js';

export type EmailVerificationRow = typeof emailVerifications.$inferSelect;
export type EmailLinkPurpose = EmailVerificationRow['purpose'];

export async function insertEmailVerification(
  tx: Db,
  row: typeof emailVerifications.$inferInsert,
): Promise<void> {
  await tx.insert(emailVerifications).values(row);
}

/** Kills the member's live links (of one purpose, or all): a newer link, or a new address, replaces them. */
export async function revokeEmailVerifications(
  tx: Db,
  memberId: string,
  now: Date,
  purpose?: EmailLinkPurpose,
): Promise<void> {
  await tx
    .update(emailVerifications)
    .set({ revokedAt: now })
    .where(
      and(
        eq(emailVerifications.memberId, memberId),
        purpose ? eq(emailVerifications.purpose, purpose) : undefined,
        isNull(emailVerifications.usedAt),
        isNull(emailVerifications.revokedAt),
      ),
    );
}

export async function findEmailVerification(
  tx: Db,
  tokenHash: string,
): Promise<EmailVerificationRow | undefined> {
  const [row] = await tx.select().from(emailVerifications).where(eq(emailVerifications.tokenHash, tokenHash));
  return row;
}

/** Uses a link, once: the guarded update wins for one of any number of concurrent uses. */
export async function claimEmailVerification(
  tx: Db,
  tokenHash: string,
  now: Date,
): Promise<EmailVerificationRow | undefined> {
  const [row] = await tx
    .update(emailVerifications)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailVerifications.tokenHash, tokenHash),
        isNull(emailVerifications.usedAt),
        isNull(emailVerifications.revokedAt),
        gt(emailVerifications.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

/** The address a live change link of the member waits on, if any. */
export async function pendingEmailChange(
  tx: Db,
  memberId: string,
  now: Date,
): Promise<{ email: string; expiresAt: Date } | null> {
  const [row] = await tx
    .select({ email: emailVerifications.email, expiresAt: emailVerifications.expiresAt })
    .from(emailVerifications)
    .where(
      and(
        eq(emailVerifications.memberId, memberId),
        eq(emailVerifications.purpose, 'change'),
        isNull(emailVerifications.usedAt),
        isNull(emailVerifications.revokedAt),
        gt(emailVerifications.expiresAt, now),
      ),
    )
    .orderBy(desc(emailVerifications.createdAt))
    .limit(1);
  return row ?? null;
}
