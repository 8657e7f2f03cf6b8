import {
  and,
  asc,
  count,
  eq,
  getTableColumns,
  gt,
  type InferSelectModel,
  inArray,
  type SQL,
  sql,
  type Table,
} from 'drizzle-orm';
import { WORKSPACE_GATE } from '../../db/advisory-locks.js';
import { type Db, queryPreparedRows, queryRows } from '../../db/connection.js';
import { events, exportChunks, importChunks, people, trackQueue, workspaces } from '../../db/schema.js';
import type { WorkspaceRow } from '../workspaces/store.js';

export type PersonRow = typeof people.$inferSelect;
export type EventRow = typeof events.$inferSelect;

/** How a request names a person: by the system's cio_id, or by one of the workspace's identifiers. */
export type PersonKey =
  | { by: 'cioId'; value: string }
  | { by: 'email'; value: string }
  | { by: 'id'; value: string };

const json = (values: string[]) => sql`${JSON.stringify(values)}::jsonb`;

/**
 * The person a key names. An email or id goes through listPeople's filter, which looks it up
 * through its own index whatever the planner's statistics say (find_people, migration 0015).
 */
export async function findPerson(
  tx: Db,
  workspaceId: string,
  key: PersonKey,
): Promise<PersonRow | undefined> {
  if (key.by === 'cioId') {
    const [row] = await tx
      .select()
      .from(people)
      .where(and(eq(people.workspaceId, workspaceId), eq(people.cioId, key.value)));
    return row;
  }
  const [row] = await listPeople(tx, workspaceId, { [key.by]: key.value, limit: 1 });
  return row;
}

export async function updatePerson(
  tx: Db,
  workspaceId: string,
  cioId: string,
  changes: Partial<Pick<PersonRow, 'email' | 'externalId' | 'attributes' | 'updatedAt'>>,
): Promise<PersonRow> {
  const [row] = await tx
    .update(people)
    .set(changes)
    .where(and(eq(people.workspaceId, workspaceId), eq(people.cioId, cioId)))
    .returning();
  return row!;
}

export async function deletePerson(tx: Db, workspaceId: string, cioId: string): Promise<boolean> {
  // The person first: writers of people wait on its row (a merge holds it, then moves its events),
  // so taking its events' rows first could deadlock with one.
  const rows = await tx
    .delete(people)
    .where(and(eq(people.workspaceId, workspaceId), eq(people.cioId, cioId)))
    .returning({ cioId: people.cioId });
  await tx.delete(events).where(and(eq(events.workspaceId, workspaceId), eq(events.cioId, cioId)));
  return rows.length > 0;
}

export interface PeopleQuery {
  /** People after this cio_id (they sort by it: by creation). */
  after?: string;
  limit: number;
  email?: string;
  id?: string;
  /** Attribute equals value (compared as text). */
  attributes?: Record<string, string>;
}

/**
 * A page of the workspace's people. Filtered by email or id, the few people holding them are
 * found first through their own index (find_people, migration 0015), then the other conditions
 * apply to them: a query of the workspace's people in cio_id order, filtering each, walked the
 * whole workspace whenever the planner believed it small.
 */
export async function listPeople(tx: Db, workspaceId: string, q: PeopleQuery): Promise<PersonRow[]> {
  const conditions: SQL[] = [eq(people.workspaceId, workspaceId)];
  if (q.after) conditions.push(gt(people.cioId, q.after));
  if (q.email !== undefined) conditions.push(sql`lower(${people.email}) = lower(${q.email})`);
  if (q.id !== undefined) conditions.push(eq(people.externalId, q.id));
  for (const [key, value] of Object.entries(q.attributes ?? {})) {
    conditions.push(sql`${people.attributes} ->> ${key} = ${value}`);
  }
  if (q.email === undefined && q.id === undefined) {
    return tx
      .select()
      .from(people)
      .where(and(...conditions))
      .orderBy(asc(people.cioId))
      .limit(q.limit);
  }
  // The conditions name the table's columns as "people"."…": the candidates go by that name.
  const ids = json(q.id === undefined ? [] : [q.id]);
  const emails = json(q.email === undefined ? [] : [q.email]);
  const raws = await queryRows<Record<string, unknown>>(
    tx,
    sql`SELECT DISTINCT ON (people.cio_id) people.*
        FROM find_people(${workspaceId}, ${ids}, ${emails}) AS people
        WHERE ${and(...conditions)} ORDER BY people.cio_id LIMIT ${q.limit}`,
  );
  return raws.map((raw) => rowOf(people, raw));
}

export async function insertEvent(tx: Db, event: typeof events.$inferInsert): Promise<EventRow> {
  const [row] = await tx.insert(events).values(event).returning();
  return row!;
}

/** Attribute names seen on the workspace's people, with how many people have each. */
export async function attributeIndex(tx: Db, workspaceId: string) {
  return tx
    .select({ name: sql<string>`k`, count: sql<number>`count(*)::int` })
    .from(sql`${people}, jsonb_object_keys(${people.attributes}) AS k`)
    .where(eq(people.workspaceId, workspaceId))
    .groupBy(sql`k`)
    .orderBy(sql`k`);
}

/** Event names seen in the workspace, with how many of each. */
export async function eventIndex(tx: Db, workspaceId: string) {
  return tx
    .select({ name: events.name, count: sql<number>`count(*)::int` })
    .from(events)
    .where(eq(events.workspaceId, workspaceId))
    .groupBy(events.name)
    .orderBy(events.name);
}

// ---- the queue of Track API calls received while the workspace revalidates ----------------------

export async function enqueueTrackCall(tx: Db, call: typeof trackQueue.$inferInsert): Promise<void> {
  await tx.insert(trackQueue).values(call);
}

export async function nextTrackCalls(tx: Db, workspaceId: string, limit: number) {
  return tx
    .select()
    .from(trackQueue)
    .where(eq(trackQueue.workspaceId, workspaceId))
    .orderBy(asc(trackQueue.seq))
    .limit(limit);
}

export async function deleteTrackCalls(tx: Db, workspaceId: string, seqs: readonly number[]): Promise<void> {
  if (seqs.length === 0) return;
  await tx
    .delete(trackQueue)
    .where(and(eq(trackQueue.workspaceId, workspaceId), inArray(trackQueue.seq, [...seqs])));
}

// ---- merging people who share an email --------------------------------------------------------------

/** Groups of people sharing an email (any case): the email as the database folds it, their cio_ids and ids. */
export async function sharedEmails(tx: Db, workspaceId: string, limit: number) {
  return tx
    .select({
      email: sql<string>`lower(${people.email})`,
      cioIds: sql<string[]>`array_agg(${people.cioId})`,
      ids: sql<string[]>`coalesce(array_agg(${people.externalId})
        FILTER (WHERE ${people.externalId} IS NOT NULL), '{}')`,
    })
    .from(people)
    .where(and(eq(people.workspaceId, workspaceId), sql`${people.email} IS NOT NULL`))
    .groupBy(sql`lower(${people.email})`)
    .having(sql`count(*) > 1`)
    .limit(limit);
}

export async function findPeople(
  tx: Db,
  workspaceId: string,
  cioIds: readonly string[],
): Promise<PersonRow[]> {
  return tx
    .select()
    .from(people)
    .where(and(eq(people.workspaceId, workspaceId), inArray(people.cioId, [...cioIds])));
}

/**
 * Moves the events, relationships and segment memberships of merged people to their survivors
 * (`merges`: merged cio_id → survivor's), then deletes them: four statements, however many merges.
 */
export async function absorbPeople(tx: Db, workspaceId: string, merges: ReadonlyMap<string, string>) {
  if (merges.size === 0) return;
  const survivorOf = sql`${JSON.stringify(Object.fromEntries(merges))}::jsonb`;
  const from = sql`(${sql.join(
    [...merges.keys()].map((c) => sql`${c}`),
    sql`, `,
  )})`;
  await tx.execute(sql`
    UPDATE events SET cio_id = ${survivorOf} ->> cio_id
    WHERE workspace_id = ${workspaceId} AND cio_id IN ${from}`);
  // The survivor's own relationships and memberships win a tie; the merged people's rows go with
  // them by ON DELETE CASCADE.
  await tx.execute(sql`
    INSERT INTO relationships (workspace_id, object_id, cio_id, attributes, created_at)
    SELECT workspace_id, object_id, ${survivorOf} ->> cio_id, attributes, created_at FROM relationships
    WHERE workspace_id = ${workspaceId} AND cio_id IN ${from}
    ON CONFLICT DO NOTHING`);
  await tx.execute(sql`
    INSERT INTO segment_members (workspace_id, segment_id, cio_id)
    SELECT workspace_id, segment_id, ${survivorOf} ->> cio_id FROM segment_members
    WHERE workspace_id = ${workspaceId} AND cio_id IN ${from}
    ON CONFLICT DO NOTHING`);
  await tx.execute(sql`DELETE FROM people WHERE workspace_id = ${workspaceId} AND cio_id IN ${from}`);
}

// ---- CSV import: chunks of parsed rows, and bulk writes -------------------------------------------

/** A row of an uploaded file: its line number, its cells by column, and why it is unusable, if it is. */
export type ImportRow = { line: number; cells: Record<string, string>; problem?: string };

export async function insertImportChunk(tx: Db, chunk: typeof importChunks.$inferInsert): Promise<void> {
  await tx.insert(importChunks).values(chunk);
}

export async function nextImportChunk(tx: Db, workspaceId: string, jobId: string) {
  const [row] = await tx
    .select()
    .from(importChunks)
    .where(and(eq(importChunks.workspaceId, workspaceId), eq(importChunks.jobId, jobId)))
    .orderBy(asc(importChunks.seq))
    .limit(1);
  return row;
}

export async function deleteImportChunk(
  tx: Db,
  workspaceId: string,
  jobId: string,
  seq: number,
): Promise<void> {
  await tx
    .delete(importChunks)
    .where(
      and(
        eq(importChunks.workspaceId, workspaceId),
        eq(importChunks.jobId, jobId),
        eq(importChunks.seq, seq),
      ),
    );
}

export async function deleteImportChunks(tx: Db, workspaceId: string, jobId: string): Promise<void> {
  await tx
    .delete(importChunks)
    .where(and(eq(importChunks.workspaceId, workspaceId), eq(importChunks.jobId, jobId)));
}

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
 * whatever the planner's statistics say (migrations 0014 and 0015). With them, the case folding of the
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
 * 64 are named (migration 0017). Naming none locks nothing.
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

/** A row read by hand (from a function, which Drizzle cannot select from) decoded as the table's own columns do. */
function rowOf<T extends Table>(table: T, raw: Record<string, unknown>): InferSelectModel<T> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as InferSelectModel<T>;
}

export interface PersonWrite {
  cio_id: string;
  external_id: string | null;
  email: string | null;
  attributes: Record<string, unknown>;
}

/** Inserts these people and writes the new state of those, in one round trip (migration 0014). */
export async function writePeople(
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

/** People in cio_id order after `after`, a page at a time (exports). */
export async function peoplePage(tx: Db, workspaceId: string, after: string | null, limit: number) {
  return tx
    .select()
    .from(people)
    .where(and(eq(people.workspaceId, workspaceId), after ? gt(people.cioId, after) : undefined))
    .orderBy(asc(people.cioId))
    .limit(limit);
}

export async function countPeople(tx: Db, workspaceId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(people).where(eq(people.workspaceId, workspaceId));
  return row?.n ?? 0;
}

// ---- exports written by a job, downloaded from their chunks --------------------------------------

export async function deleteExportChunks(tx: Db, workspaceId: string, jobId: string): Promise<void> {
  await tx
    .delete(exportChunks)
    .where(and(eq(exportChunks.workspaceId, workspaceId), eq(exportChunks.jobId, jobId)));
}

export async function insertExportChunk(tx: Db, chunk: typeof exportChunks.$inferInsert): Promise<void> {
  await tx.insert(exportChunks).values(chunk);
}

export async function exportChunksAfter(
  tx: Db,
  workspaceId: string,
  jobId: string,
  after: number,
  limit: number,
) {
  return tx
    .select({ seq: exportChunks.seq, data: exportChunks.data })
    .from(exportChunks)
    .where(
      and(
        eq(exportChunks.workspaceId, workspaceId),
        eq(exportChunks.jobId, jobId),
        gt(exportChunks.seq, after),
      ),
    )
    .orderBy(asc(exportChunks.seq))
    .limit(limit);
}
