import { and, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { queryRows } from '../../db/connection.js';
import {
  accounts,
  apiKeys,
  jobs,
  members,
  workspaceRoles,
  workspaces,
  workspaceTransfers,
} from '../../db/schema.js';
import { revokeWorkspaceKeys } from '../api-keys/store.js';

export type TransferRow = typeof workspaceTransfers.$inferSelect;
export type NewTransfer = typeof workspaceTransfers.$inferInsert;

/** A transfer with both accounts' names and, while it moves, its job's progress. */
export interface TransferDetails {
  transfer: TransferRow;
  sourceAccountName: string;
  targetAccountName: string;
  progressDone: number | null;
  progressTotal: number | null;
  /** The moving job's state: `failed` once the queue gave up on it. */
  jobState: string | null;
}

const source = sql`(SELECT a.name FROM accounts a WHERE a.id = ${workspaceTransfers.sourceAccountId})`;
const target = sql`(SELECT a.name FROM accounts a WHERE a.id = ${workspaceTransfers.targetAccountId})`;
const selection = {
  transfer: workspaceTransfers,
  sourceAccountName: sql<string>`${source}`,
  targetAccountName: sql<string>`${target}`,
  progressDone: jobs.progressDone,
  progressTotal: jobs.progressTotal,
  jobState: jobs.state,
};
const ofAccount = (accountId: string) =>
  or(eq(workspaceTransfers.sourceAccountId, accountId), eq(workspaceTransfers.targetAccountId, accountId));

export async function insertTransfer(tx: Db, row: NewTransfer): Promise<TransferRow> {
  const [inserted] = await tx.insert(workspaceTransfers).values(row).returning();
  return inserted!;
}

/** The transfers the account sent or received, newest first. */
export async function listTransfers(tx: Db, accountId: string, limit = 100): Promise<TransferDetails[]> {
  return tx
    .select(selection)
    .from(workspaceTransfers)
    .leftJoin(jobs, eq(jobs.id, workspaceTransfers.jobId))
    .where(ofAccount(accountId))
    .orderBy(desc(workspaceTransfers.id))
    .limit(limit);
}

/** One transfer, if the account is one of its two sides. */
export async function findTransfer(
  tx: Db,
  accountId: string,
  transferId: string,
): Promise<TransferDetails | undefined> {
  const [row] = await tx
    .select(selection)
    .from(workspaceTransfers)
    .leftJoin(jobs, eq(jobs.id, workspaceTransfers.jobId))
    .where(and(eq(workspaceTransfers.id, transferId), ofAccount(accountId)));
  return row;
}

/** One transfer of the account's, locked until the transaction ends (every answer changes it once). */
export async function lockTransfer(
  tx: Db,
  accountId: string,
  transferId: string,
): Promise<TransferRow | undefined> {
  const [row] = await tx
    .select()
    .from(workspaceTransfers)
    .where(and(eq(workspaceTransfers.id, transferId), ofAccount(accountId)))
    .for('update');
  return row;
}

/** A transfer by id alone: for the job, which carries an id its accept already checked. */
export async function findTransferById(tx: Db, transferId: string): Promise<TransferRow | undefined> {
  const [row] = await tx.select().from(workspaceTransfers).where(eq(workspaceTransfers.id, transferId));
  return row;
}

export async function updateTransfer(
  tx: Db,
  transferId: string,
  changes: Partial<Omit<NewTransfer, 'id'>>,
): Promise<TransferRow> {
  const [row] = await tx
    .update(workspaceTransfers)
    .set(changes)
    .where(eq(workspaceTransfers.id, transferId))
    .returning();
  return row!;
}

/** Pending offers of the workspace past their time become expired, freeing the one open slot. */
export async function expireStale(tx: Db, workspaceId: string, now: Date): Promise<void> {
  await tx
    .update(workspaceTransfers)
    .set({ status: 'expired', finishedAt: now })
    .where(
      and(
        eq(workspaceTransfers.workspaceId, workspaceId),
        eq(workspaceTransfers.status, 'pending'),
        lte(workspaceTransfers.expiresAt, now),
      ),
    );
}

/** The workspace's open transfer (pending and not expired, or moving), if any. */
export async function openTransferOf(
  tx: Db,
  workspaceId: string,
  now: Date,
): Promise<TransferRow | undefined> {
  const [row] = await tx
    .select()
    .from(workspaceTransfers)
    .where(
      and(
        eq(workspaceTransfers.workspaceId, workspaceId),
        or(
          eq(workspaceTransfers.status, 'moving'),
          and(eq(workspaceTransfers.status, 'pending'), sql`${workspaceTransfers.expiresAt} > ${now}`),
        ),
      ),
    );
  return row;
}

export async function findAccount(tx: Db, accountId: string) {
  const [row] = await tx
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return row;
}

/** The active Account Admin with this address, whatever its case, and their account. */
export async function findAdminByEmail(tx: Db, email: string) {
  const [row] = await tx
    .select({ accountId: members.accountId, accountName: accounts.name })
    .from(members)
    .innerJoin(accounts, eq(accounts.id, members.accountId))
    .where(
      and(
        sql`lower(${members.email}) = lower(${email})`,
        eq(members.accountRole, 'account_admin'),
        eq(members.status, 'active'),
      ),
    );
  return row;
}

/** The addresses of the account's active Account Admins: who hears of an offer and its answer. */
export async function adminAddresses(tx: Db, accountId: string): Promise<string[]> {
  const rows = await tx
    .select({ email: members.email })
    .from(members)
    .where(
      and(
        eq(members.accountId, accountId),
        eq(members.accountRole, 'account_admin'),
        eq(members.status, 'active'),
      ),
    );
  return rows.map((r) => r.email);
}

/** Jobs of the workspace that would go on writing under the old account (imports, sends…). */
export async function busyJobKinds(tx: Db, workspaceId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ kind: jobs.kind })
    .from(jobs)
    .where(and(eq(jobs.workspaceId, workspaceId), inArray(jobs.state, ['queued', 'running'])));
  return rows.map((r) => r.kind);
}

/** A live workspace of the account with this name (case-insensitive, as the unique index compares). */
export async function nameTakenIn(tx: Db, accountId: string, name: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(
      and(
        eq(workspaces.accountId, accountId),
        sql`lower(${workspaces.name}) = lower(${name})`,
        sql`${workspaces.deletedAt} IS NULL`,
      ),
    );
  return row !== undefined;
}

/**
 * Hands the workspace row to the target: its id stays, its source's members lose their roles and
 * the test recipient (a member of the source; none falls back to the target's creator), the
 * source's SCIM group mappings and support grants stop pointing at it (a grant left with no
 * workspace is revoked), and its API keys are revoked and go with it.
 * Returns how many keys were revoked.
 */
export async function handOver(
  tx: Db,
  input: { workspaceId: string; sourceAccountId: string; targetAccountId: string; now: Date },
): Promise<number> {
  const { workspaceId, sourceAccountId, targetAccountId, now } = input;
  await tx.delete(workspaceRoles).where(eq(workspaceRoles.workspaceId, workspaceId));
  await tx
    .update(members)
    .set({ currentWorkspaceId: null })
    .where(and(eq(members.accountId, sourceAccountId), eq(members.currentWorkspaceId, workspaceId)));
  await tx.execute(sql`
    UPDATE scim_groups SET role_mappings = (
        SELECT coalesce(jsonb_agg(m), '[]'::jsonb) FROM jsonb_array_elements(role_mappings) m
        WHERE m ->> 'workspaceId' <> ${workspaceId}),
      updated_at = ${now}
    WHERE account_id = ${sourceAccountId}
      AND role_mappings @> jsonb_build_array(jsonb_build_object('workspaceId', ${workspaceId}::text))`);
  // The source's support grants naming it stop naming it; one left with none is revoked (a grant
  // of no workspaces would read as "every workspace" to nobody's benefit).
  await tx.execute(sql`
    UPDATE support_grants SET workspace_ids = (
        SELECT coalesce(jsonb_agg(w), '[]'::jsonb) FROM jsonb_array_elements(workspace_ids) w
        WHERE w #>> '{}' <> ${workspaceId})
    WHERE account_id = ${sourceAccountId}
      AND workspace_ids @> jsonb_build_array(${workspaceId}::text)`);
  await tx.execute(sql`
    UPDATE support_grants
    SET revoked_at = ${now}, revoked_by_name = 'Atrium, as its workspaces moved to another account'
    WHERE account_id = ${sourceAccountId} AND revoked_at IS NULL
      AND workspace_ids = '[]'::jsonb`);
  const revoked = await revokeWorkspaceKeys(tx, workspaceId, now);
  await tx.update(apiKeys).set({ accountId: targetAccountId }).where(eq(apiKeys.workspaceId, workspaceId));
  await tx
    .update(workspaces)
    .set({ accountId: targetAccountId, testRecipientMemberId: null, updatedAt: now })
    .where(eq(workspaces.id, workspaceId));
  return revoked;
}

/**
 * The tables whose rows of a workspace also name its account, moved by the job in batches: the
 * workspace's mail and jobs. Not `activity`: those rows are the source account's audit trail (they
 * name its staff and their addresses) and stay with it; the target's log starts with the transfer.
 */
export const historyTables = ['outbox', 'jobs'] as const;
export type HistoryTable = (typeof historyTables)[number];

export async function countHistory(
  tx: Db,
  table: HistoryTable,
  workspaceId: string,
  targetAccountId: string,
): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}
        WHERE workspace_id = ${workspaceId} AND account_id <> ${targetAccountId}`,
  );
  return row?.n ?? 0;
}

/**
 * Moves up to `limit` rows of the workspace with ids past `after` to the target account, in id
 * order; how many it moved and the last id (to page on from, without rescanning moved rows). By
 * primary key, not ctid: a job's heartbeat updating its row meanwhile would leave a ctid behind.
 */
export async function moveHistoryBatch(
  tx: Db,
  table: HistoryTable,
  input: { workspaceId: string; targetAccountId: string; after: string; limit: number },
): Promise<{ moved: number; last: string | null }> {
  const { workspaceId, targetAccountId, after, limit } = input;
  const t = sql.identifier(table);
  const [row] = await queryRows<{ n: number; last: string | null }>(
    tx,
    sql`WITH moved AS (
          UPDATE ${t} SET account_id = ${targetAccountId}
          WHERE id IN (
            SELECT id FROM ${t}
            WHERE workspace_id = ${workspaceId} AND account_id <> ${targetAccountId} AND id > ${after}
            ORDER BY id LIMIT ${limit})
          RETURNING id)
        SELECT count(*)::int AS n, max(id) AS last FROM moved`,
  );
  return { moved: row?.n ?? 0, last: row?.last ?? null };
}
