import { and, asc, count, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { events, exportChunks, importChunks, people, trackQueue } from '../../db/schema.js';

export type PersonRow = typeof people.$inferSelect;
export type EventRow = typeof events.$inferSelect;

/** How a request names a person: by the system's cio_id, or by one of the workspace's identifiers. */
export type PersonKey =
  | { by: 'cioId'; value: string }
  | { by: 'email'; value: string }
  | { by: 'id'; value: string };

const matches = (key: PersonKey): SQL =>
  key.by === 'cioId'
    ? eq(people.cioId, key.value)
    : key.by === 'email'
      ? sql`lower(${people.email}) = lower(${key.value})`
      : eq(people.externalId, key.value);

export async function findPerson(
  tx: Db,
  workspaceId: string,
  key: PersonKey,
): Promise<PersonRow | undefined> {
  const [row] = await tx
    .select()
    .from(people)
    .where(and(eq(people.workspaceId, workspaceId), matches(key)));
  return row;
}

/** The same, locked until the transaction ends: concurrent updates of one person apply one after the other. */
export async function lockPerson(
  tx: Db,
  workspaceId: string,
  key: PersonKey,
): Promise<PersonRow | undefined> {
  const [row] = await tx
    .select()
    .from(people)
    .where(and(eq(people.workspaceId, workspaceId), matches(key)))
    .for('no key update');
  return row;
}

export async function insertPerson(tx: Db, person: typeof people.$inferInsert): Promise<PersonRow> {
  const [row] = await tx.insert(people).values(person).returning();
  return row!;
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
  await tx.delete(events).where(and(eq(events.workspaceId, workspaceId), eq(events.cioId, cioId)));
  const rows = await tx
    .delete(people)
    .where(and(eq(people.workspaceId, workspaceId), eq(people.cioId, cioId)))
    .returning({ cioId: people.cioId });
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

export async function listPeople(tx: Db, workspaceId: string, q: PeopleQuery): Promise<PersonRow[]> {
  const conditions: SQL[] = [eq(people.workspaceId, workspaceId)];
  if (q.after) conditions.push(gt(people.cioId, q.after));
  if (q.email !== undefined) conditions.push(sql`lower(${people.email}) = lower(${q.email})`);
  if (q.id !== undefined) conditions.push(eq(people.externalId, q.id));
  for (const [key, value] of Object.entries(q.attributes ?? {})) {
    conditions.push(sql`${people.attributes} ->> ${key} = ${value}`);
  }
  return tx
    .select()
    .from(people)
    .where(and(...conditions))
    .orderBy(asc(people.cioId))
    .limit(q.limit);
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

export async function deleteTrackCall(tx: Db, workspaceId: string, seq: number): Promise<void> {
  await tx.delete(trackQueue).where(and(eq(trackQueue.workspaceId, workspaceId), eq(trackQueue.seq, seq)));
}

export async function countTrackCalls(tx: Db, workspaceId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(trackQueue)
    .where(eq(trackQueue.workspaceId, workspaceId));
  return row?.n ?? 0;
}

// ---- merging people who share an email --------------------------------------------------------------

/** Groups of people sharing an email (any case), each oldest first. */
export async function sharedEmails(tx: Db, workspaceId: string, limit: number) {
  return tx
    .select({
      cioIds: sql<string[]>`array_agg(${people.cioId} ORDER BY ${people.createdAt}, ${people.cioId})`,
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

/** Moves events (and later, relationships) of merged people to the survivor, then deletes them. */
export async function absorbPeople(tx: Db, workspaceId: string, survivor: string, merged: readonly string[]) {
  if (merged.length === 0) return;
  await tx
    .update(events)
    .set({ cioId: survivor })
    .where(and(eq(events.workspaceId, workspaceId), inArray(events.cioId, [...merged])));
  // Relationships and segment memberships follow too (the survivor's own win a tie); the merged
  // people's rows go with them by ON DELETE CASCADE.
  const from = sql`(${sql.join(
    merged.map((c) => sql`${c}`),
    sql`, `,
  )})`;
  await tx.execute(sql`
    INSERT INTO relationships (workspace_id, object_id, cio_id, attributes, created_at)
    SELECT workspace_id, object_id, ${survivor}, attributes, created_at FROM relationships
    WHERE workspace_id = ${workspaceId} AND cio_id IN ${from}
    ON CONFLICT DO NOTHING`);
  await tx.execute(sql`
    INSERT INTO segment_members (workspace_id, segment_id, cio_id)
    SELECT workspace_id, segment_id, ${survivor} FROM segment_members
    WHERE workspace_id = ${workspaceId} AND cio_id IN ${from}
    ON CONFLICT DO NOTHING`);
  await tx.delete(people).where(and(eq(people.workspaceId, workspaceId), inArray(people.cioId, [...merged])));
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

/** The people among these cio_ids, ids and emails (any case), in one query. */
export async function findByAnyKey(
  tx: Db,
  workspaceId: string,
  keys: { cioIds: string[]; ids: string[]; emails: string[] },
): Promise<PersonRow[]> {
  const or: SQL[] = [];
  if (keys.cioIds.length) or.push(inArray(people.cioId, keys.cioIds));
  if (keys.ids.length) or.push(inArray(people.externalId, keys.ids));
  if (keys.emails.length)
    or.push(
      inArray(
        sql`lower(${people.email})`,
        keys.emails.map((e) => e.toLowerCase()),
      ),
    );
  if (or.length === 0) return [];
  return tx
    .select()
    .from(people)
    .where(and(eq(people.workspaceId, workspaceId), sql`(${sql.join(or, sql` OR `)})`));
}

export interface PersonWrite {
  cio_id: string;
  external_id: string | null;
  email: string | null;
  attributes: Record<string, unknown>;
}

// Many rows in one statement: the rows travel as one JSON parameter, which both PostgreSQL and
// PGlite take, rather than thousands of placeholders.
export async function insertPeople(
  tx: Db,
  workspaceId: string,
  rows: PersonWrite[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    INSERT INTO people (workspace_id, cio_id, external_id, email, attributes, created_at, updated_at)
    SELECT ${workspaceId}, r.cio_id, r.external_id, r.email, r.attributes, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(cio_id text, external_id text, email text, attributes jsonb)`);
}

export async function updatePeople(
  tx: Db,
  workspaceId: string,
  rows: PersonWrite[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    UPDATE people AS p
    SET external_id = r.external_id, email = r.email, attributes = r.attributes, updated_at = ${at.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(cio_id text, external_id text, email text, attributes jsonb)
    WHERE p.workspace_id = ${workspaceId} AND p.cio_id = r.cio_id`);
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
