import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import { WORKSPACE_GATE } from '../../db/advisory-locks.js';
import { type Db, queryPreparedRows, queryRows } from '../../db/connection.js';
import { people, workspaces } from '../../db/schema.js';
import { type MergeSql, moveDeliveriesOfMerged } from '../messaging/store.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import { type PersonRow, rowOf } from './store.js';

// The queries of the one write path for people (writer.ts): lock and read the people a write
// names, then save what the identifier rules made of them.

const json = (values: string[]) => sql`${JSON.stringify(values)}::jsonb`;

/** Emails as the database folds their case (`lower()`, which JavaScript's toLowerCase does not always match). */
export type FoldEmail = (email: string) => string;

/** The people a transaction holds locked, and `fold`: the case folding of the emails it compares. */
export interface LockedPeople {
  rows: PersonRow[];
  fold: FoldEmail;
}

/** Whom to lock: the people these cio_ids, ids and emails (any case) name. */
export interface PeopleNamed {
  cioIds: string[];
  ids: string[];
  emails: string[];
}

/**
 * The FROM items that lock the people named (db/functions/lock_people.sql) and fold the emails
 * named (`lower()` of each, as a JSON object), after a first FROM item that gives `workspace`. Only
 * `when` it holds: a condition on the first item alone gates the call (a one-time filter; OFFSET 0
 * keeps the planner from turning it into a join filter applied after the call), so lock_people
 * does not run at all otherwise. Each person found is a row, numbered by `p.ordinality`.
 */
const lockedPeopleFrom = (workspace: SQL, named: PeopleNamed, when = sql`true`) => sql`
  CROSS JOIN LATERAL (SELECT coalesce(jsonb_object_agg(e, lower(e)), '{}') AS folded
                      FROM jsonb_array_elements_text(${json(named.emails)}) AS e) AS f
  LEFT JOIN LATERAL (SELECT * FROM lock_people(${workspace}, ${json(named.cioIds)}, ${json(named.ids)}, ${json(named.emails)}) WITH ORDINALITY
                     WHERE ${when} OFFSET 0) AS p ON true`;
/**
 * Whether this is the first row (the only one when nobody is found). The values that concern the whole
 * statement ride on it alone: repeated on each person's row, they were parsed again for each.
 */
const onFirstRow = (value: SQL) => sql`CASE WHEN coalesce(p.ordinality, 1) = 1 THEN ${value} END`;
// The people's columns by name, not p.*: a prepared statement whose result type changes (a column
// added to people by another process's migration) fails at every later call on its connection.
const lockedPeopleColumns = sql`${onFirstRow(sql`f.folded`)} AS folded, ${sql.raw(
  Object.values(getTableColumns(people))
    .map((column) => `p."${column.name}"`)
    .join(', '),
)}, lower(p.email) AS email_key`;

type LockedRaw = Record<string, unknown> & {
  folded: Record<string, string> | null;
  email_key: string | null;
};

function lockedPeopleOf(raws: LockedRaw[]): LockedPeople {
  const folded = new Map(Object.entries(raws.find((raw) => raw.folded)?.folded ?? {}));
  const rows: PersonRow[] = [];
  for (const raw of raws) {
    if (raw.cio_id === null) continue; // nobody found: the one row carries `folded` only
    const row = rowOf(people, raw);
    if (row.email !== null && raw.email_key !== null) folded.set(row.email, raw.email_key);
    rows.push(row);
  }
  return {
    rows,
    fold: (email) => {
      const key = folded.get(email);
      if (key === undefined) throw new Error(`${email} was not among the emails to fold`);
      return key;
    },
  };
}

/**
 * The people named, locked until the transaction ends, in cio_id order; looked up by index
 * whatever the planner's statistics say (db/functions/lock_people.sql). With them, the case folding of the
 * emails named and of theirs, as the database does it.
 */
export async function lockPeople(tx: Db, workspaceId: string, named: PeopleNamed): Promise<LockedPeople> {
  return lockedPeopleOf(
    await queryRows<LockedRaw>(
      tx,
      sql`SELECT ${lockedPeopleColumns} FROM (SELECT 1) AS one ${lockedPeopleFrom(sql`${workspaceId}`, named)}`,
    ),
  );
}

/**
 * The emails and ids named, as values about to be given: locked until the transaction ends, one
 * lock each after the workspace's key lock shared, or that lock alone, exclusive, when more than
 * 64 are named (db/functions/lock_person_keys.sql). Naming none locks nothing.
 */
async function lockKeys(tx: Db, workspaceId: string, { emails, ids }: PeopleNamed): Promise<void> {
  if (emails.length + ids.length === 0) return;
  await tx.execute(sql`SELECT lock_person_keys(${workspaceId}, ${json(emails)}, ${json(ids)})`);
}

/**
 * How every writer of people begins (the Track API does both in enterWorkspaceForTrack): the
 * emails and ids named are locked, as values about to be given; then the people named, or
 * holding those values, are locked and read (lockPeople). Always in this order, so writers cannot
 * deadlock; and a look for a value's holder comes after its lock, so two cannot both find it free.
 */
export async function lockToWrite(tx: Db, workspaceId: string, named: PeopleNamed): Promise<LockedPeople> {
  await lockKeys(tx, workspaceId, named);
  return lockPeople(tx, workspaceId, named);
}

/**
 * A Track API transaction's first step, in one round trip: the workspace's gate (shared), then
 * what lockToWrite does — the emails and ids named locked, then the people named — with the live
 * workspace read between the two (as a LATERAL of the workspace, lock_people runs after the
 * locks, and PL/pgSQL reads with a snapshot of its own). Undefined when the workspace is gone.
 * While it revalidates, the calls are only queued: no person is locked, as the merge of people
 * who share an email (which deletes, then updates, in its own order) must not wait on them.
 */
export async function enterWorkspaceForTrack(
  tx: Db,
  accountId: string,
  workspaceId: string,
  named: PeopleNamed,
): Promise<{ ws: WorkspaceRow; people: LockedPeople } | undefined> {
  const raws = await queryPreparedRows<LockedRaw & { workspace: Record<string, unknown> | null }>(
    tx,
    'enter_workspace_for_track',
    sql`SELECT ${onFirstRow(sql`to_jsonb(w)`)} AS workspace, ${lockedPeopleColumns}
      FROM enter_workspace_for_track(${WORKSPACE_GATE}, ${workspaceId}, ${accountId}, ${json(named.emails)}, ${json(named.ids)}) AS w
      ${lockedPeopleFrom(sql`w.id`, named, sql`w.processing_state <> 'revalidating'`)}`,
  );
  const workspace = raws.find((raw) => raw.workspace)?.workspace;
  if (!workspace) return undefined;
  return { ws: rowOf(workspaces, workspace), people: lockedPeopleOf(raws) };
}

export interface PersonWrite {
  cio_id: string;
  external_id: string | null;
  email: string | null;
  attributes: Record<string, unknown>;
}

/**
 * Inserts these people and writes the new state of those, in one round trip (db/functions/
 * write_people.sql). Only writer.ts writes people: it applies the identifier rules first.
 */
export async function savePeople(
  tx: Db,
  workspaceId: string,
  { inserts, updates }: { inserts: PersonWrite[]; updates: PersonWrite[] },
  at: Date,
): Promise<void> {
  if (inserts.length + updates.length === 0) return;
  await queryPreparedRows(
    tx,
    'write_people',
    sql`SELECT write_people(${workspaceId}, ${JSON.stringify(inserts)}::jsonb, ${JSON.stringify(updates)}::jsonb, ${at.toISOString()}::timestamptz)`,
  );
}

/** A non-empty merge (merged cio_id → survivor's) as the SQL its statements share. */
function mergeSql(merges: ReadonlyMap<string, string>): MergeSql {
  return {
    survivorOf: sql`${JSON.stringify(Object.fromEntries(merges))}::jsonb`,
    from: sql`(${sql.join(
      [...merges.keys()].map((c) => sql`${c}`),
      sql`, `,
    )})`,
  };
}

/**
 * Moves the events, devices, deliveries, relationships and segment memberships of merged people to
 * their survivors (`merges`: merged cio_id → survivor's), then deletes them: six statements, however many merges.
 */
export async function absorbPeople(tx: Db, workspaceId: string, merges: ReadonlyMap<string, string>) {
  if (merges.size === 0) return;
  const merge = mergeSql(merges);
  const { survivorOf, from } = merge;
  await tx.execute(sql`
    UPDATE events SET cio_id = ${survivorOf} ->> cio_id
    WHERE workspace_id = ${workspaceId} AND cio_id IN ${from}`);
  // A token belongs to one person: the merged person's devices become the survivor's.
  await tx.execute(sql`
    UPDATE devices SET cio_id = ${survivorOf} ->> cio_id
    WHERE workspace_id = ${workspaceId} AND cio_id IN ${from}`);
  await moveDeliveriesOfMerged(tx, workspaceId, merge);
  // The survivor's own relationships and memberships win a tie; the merged people's rows go with
  // them by ON DELETE CASCADE.
  await tx.execute(sql`
    INSERT INTO relationships (workspace_id, object_id, cio_id, attributes, created_at)
    SELECT workspace_id, object_id, ${survivorOf} ->> cio_id, attributes, created_at FROM relationships
    WHERE workspace_id = ${workspaceId} AND cio_id IN ${from}
    ON CONFLICT DO NOTHING`);
  await tx.execute(sql`
    INSERT INTO segment_members (workspace_id, segment_id, cio_id, added_at)
    SELECT workspace_id, segment_id, ${survivorOf} ->> cio_id, added_at FROM segment_members
    WHERE workspace_id = ${workspaceId} AND cio_id IN ${from}
    ON CONFLICT DO NOTHING`);
  await tx.execute(sql`DELETE FROM people WHERE workspace_id = ${workspaceId} AND cio_id IN ${from}`);
}
