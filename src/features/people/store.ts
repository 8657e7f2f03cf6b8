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
import { type Db, queryRows } from '../../db/connection.js';
import { events, exportChunks, importChunks, people } from '../../db/schema.js';

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
 * through its own index whatever the planner's statistics say (db/functions/find_people.sql).
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
 * found first through their own index (db/functions/find_people.sql), then the other conditions
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

/** A row read by hand (from a function, which Drizzle cannot select from) decoded as the table's own columns do. */
export function rowOf<T extends Table>(table: T, raw: Record<string, unknown>): InferSelectModel<T> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as InferSelectModel<T>;
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
