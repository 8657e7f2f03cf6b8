import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { restAfter } from '../../jobs/pace.js';
import { type ActivityEvent, recordActivity } from '../activity/record.js';
import { lockWorkspaceShared, type WorkspaceRow } from '../workspaces/store.js';
import { merge } from './identifier-rules.js';
import * as store from './store.js';
import { writePeople } from './writer.js';

/** How many groups of people sharing an email are looked for at once. */
const GROUPS_PER_LOOK = 100;
/**
 * Groups merged per transaction: up to 10, naming at most 64 emails and ids in all, so that the
 * transaction locks those keys one by one (db/functions/lock_person_keys.sql) and other writers
 * of people wait only for the same keys. A group naming more goes alone.
 */
const GROUPS_PER_TRANSACTION = 10;
const KEYS_PER_TRANSACTION = 64;

type Group = { email: string; cioIds: string[]; ids: string[] };

export interface MergeOptions {
  /** Whether people may still be merged in this workspace as it is now (the job is not superseded). */
  current(ws: WorkspaceRow): boolean;
  /** Stops between groups (the job's lease was lost, or this process stops). */
  signal: AbortSignal;
  /**
   * Called in each merge's transaction with the count merged away once it commits: the job
   * records there how far it got, and that it made progress, so crashes while it moves never give
   * it up.
   */
  saved(tx: Db, merged: number): Promise<void>;
}

/**
 * Merges people who share an email, as enabling email as an identifier requires: the oldest
 * survives; attributes are merged with the newest value winning; the survivor keeps its id or
 * takes the newest of the others'; events move to the survivor; each merge is logged. A few groups
 * make one short transaction (a few statements, however many groups), and the event loop runs
 * between two (on PGlite a run of transactions otherwise starves every request): a crash midway
 * leaves whole merges only, and running again finishes the rest. Returns how many people were
 * merged away; undefined when `current` stopped holding (a later change of identifiers took over).
 *
 * Groups are found outside their transaction, and console edits and imports go on meanwhile: so
 * the transaction first reads the workspace locked shared (a change of identifiers waits for it,
 * or it sees the change), then locks the groups' people as every writer of people locks them (the
 * keys of the emails and of the ids that may move to a survivor, then the rows in cio_id order),
 * and reads them again; whoever shares an email then is its group. A group whose ids changed
 * meanwhile waits for the next pass.
 */
export async function mergeSharedEmails(
  ctx: AppContext,
  workspaceId: string,
  options: MergeOptions,
): Promise<number | undefined> {
  let merged = 0;
  for (;;) {
    const groups = await store.sharedEmails(ctx.db, workspaceId, GROUPS_PER_LOOK);
    if (groups.length === 0) return merged;
    for (const batch of batches(groups)) {
      options.signal.throwIfAborted();
      const startedAt = performance.now();
      const outcome = await ctx.db.transaction(async (tx) => {
        const ws = await lockWorkspaceShared(tx, workspaceId);
        if (!ws || !options.current(ws)) return undefined;
        const count = await mergeGroups(ctx, tx, ws, batch);
        await options.saved(tx, merged + count);
        return count;
      });
      if (outcome === undefined) return undefined;
      merged += outcome;
      await restAfter(startedAt);
    }
  }
}

/** The groups in runs of at most GROUPS_PER_TRANSACTION, naming at most KEYS_PER_TRANSACTION keys (but one). */
function* batches(groups: readonly Group[]): Generator<Group[]> {
  let batch: Group[] = [];
  let keys = 0;
  for (const group of groups) {
    const named = 1 + group.ids.length;
    if (
      batch.length > 0 &&
      (batch.length === GROUPS_PER_TRANSACTION || keys + named > KEYS_PER_TRANSACTION)
    ) {
      yield batch;
      batch = [];
      keys = 0;
    }
    batch.push(group);
    keys += named;
  }
  if (batch.length > 0) yield batch;
}

/** Merges these groups in the caller's transaction, through the writer; returns how many people it merged away. */
async function mergeGroups(ctx: AppContext, tx: Db, ws: WorkspaceRow, groups: readonly Group[]) {
  const named = {
    cioIds: groups.flatMap((g) => g.cioIds),
    emails: groups.map((g) => g.email),
    ids: groups.flatMap((g) => g.ids),
  };
  const outcomes = await writePeople(tx, ws.id, groups, merge, { named }, { at: ctx.clock.now() });
  const entries: ActivityEvent[] = [];
  let count = 0;
  for (const outcome of outcomes) {
    if (!outcome) continue;
    const { survivor, merged } = outcome;
    count += merged.length;
    entries.push({
      accountId: ws.accountId,
      workspaceId: ws.id,
      author: { memberId: null, name: 'Atrium (identifiers changed)' },
      action: 'person.merged',
      target: { type: 'person', id: survivor.cioId },
      before: { merged: merged.map((r) => r.cioId) },
      after: { id: survivor.externalId, email: survivor.email, attributes: survivor.attributes },
    });
  }
  await recordActivity(tx, ctx.clock, ...entries);
  return count;
}
