import { Readable } from 'node:stream';
import { and, asc, count, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { type Db, queryRows } from '../../db/connection.js';
import { people, segmentMembers } from '../../db/schema.js';
import type { App } from '../../http/app.js';
import { problems } from '../../http/schemas.js';
import { csvRows } from '../../shared/csv.js';
import { DomainError, invalid } from '../../shared/errors.js';
import { recordActivity } from '../activity/record.js';
import { type Actor, actorOf } from '../auth/actor.js';
import type { PersonRow } from '../people/store.js';
import { type Conditions, matchesConditions } from './conditions.js';
import { kinds } from './kinds.js';
import type { Decoration } from './routes.js';
import { findItem } from './service.js';

/** Segments: how many people each holds, live, and the people a CSV adds to a manual segment. */

async function countMatching(
  tx: Db,
  workspaceId: string,
  conditions: Conditions | undefined,
): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(people)
    .where(and(eq(people.workspaceId, workspaceId), conditions ? matchesConditions(conditions) : undefined));
  return row?.n ?? 0;
}

async function countMembers(tx: Db, workspaceId: string, segmentId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(segmentMembers)
    .where(and(eq(segmentMembers.workspaceId, workspaceId), eq(segmentMembers.segmentId, segmentId)));
  return row?.n ?? 0;
}

/** One of a segment's people, and when they joined a manual segment (a data segment records no joining). */
export interface SegmentMember {
  person: PersonRow;
  addedAt: Date | null;
}

/**
 * A page of a segment's people, in one of two orders:
 * - `cio_id`: ascending, after a cio_id: a broadcast walks its audience to the end;
 * - `newest`: newest first, as the console lists them: a manual segment's by when each joined (ties
 *   by cio_id), after the last row's time and cio_id; a data segment's by cio_id (a ULID, so newest
 *   person first), after the last row's cio_id.
 */
export type SegmentPage =
  | { order: 'cio_id'; after?: string; limit: number }
  | { order: 'newest'; after?: { cioId: string; addedAt: Date | null }; limit: number };

/**
 * Who is in a segment: a manual segment's members (segment_members), a data segment's people
 * matching its conditions now (the one evaluator, conditions.ts).
 */
export async function segmentPeople(
  tx: Db,
  workspaceId: string,
  segment: { id: string; body: Record<string, unknown> },
  page: SegmentPage,
): Promise<SegmentMember[]> {
  const manual = segment.body.type === 'manual';
  const newest = page.order === 'newest';
  const byJoining = manual && newest;
  const afterId = page.order === 'newest' ? page.after?.cioId : page.after;
  const joinedAt = page.order === 'newest' ? page.after?.addedAt : undefined;
  // A manual segment's newest-first cursor always holds a time: its rows all have one.
  if (byJoining && afterId !== undefined && !joinedAt)
    throw new Error('a manual segment pages newest first after a time of joining');
  const cioId = manual ? segmentMembers.cioId : people.cioId;
  const after =
    afterId === undefined
      ? undefined
      : byJoining
        ? sql`(${segmentMembers.addedAt}, ${segmentMembers.cioId}) < (${joinedAt!.toISOString()}::timestamptz, ${afterId})`
        : newest
          ? lt(cioId, afterId)
          : gt(cioId, afterId);
  const order = byJoining
    ? [desc(segmentMembers.addedAt), desc(segmentMembers.cioId)]
    : [newest ? desc(cioId) : asc(cioId)];
  if (manual)
    return tx
      .select({ person: people, addedAt: segmentMembers.addedAt })
      .from(segmentMembers)
      .innerJoin(
        people,
        and(eq(people.workspaceId, segmentMembers.workspaceId), eq(people.cioId, segmentMembers.cioId)),
      )
      .where(
        and(eq(segmentMembers.workspaceId, workspaceId), eq(segmentMembers.segmentId, segment.id), after),
      )
      .orderBy(...order)
      .limit(page.limit);
  const conditions = segment.body.conditions as Conditions | undefined;
  const rows = await tx
    .select()
    .from(people)
    .where(
      and(eq(people.workspaceId, workspaceId), conditions ? matchesConditions(conditions) : undefined, after),
    )
    .orderBy(...order)
    .limit(page.limit);
  return rows.map((person) => ({ person, addedAt: null }));
}

/** How many people a segment holds now. */
export async function segmentSize(
  tx: Db,
  workspaceId: string,
  segment: { id: string; body: Record<string, unknown> },
) {
  return segment.body.type === 'manual'
    ? countMembers(tx, workspaceId, segment.id)
    : countMatching(tx, workspaceId, segment.body.conditions as Conditions | undefined);
}

/** A segment's live count: the people matching its conditions, or those imported into it. */
export const segmentDecoration: Decoration = {
  properties: { count: Type.Integer({ description: 'How many people are in the segment now' }) },
  decorate: async (tx, workspaceId, row) => ({ count: await segmentSize(tx, workspaceId, row) }),
};

const BATCH = 1000;
const MAX_ROWS = 1_000_000;
const identifierColumns = ['cio_id', 'id', 'email'] as const;
export type IdentifierColumn = (typeof identifierColumns)[number];

export interface SegmentImportResult {
  rows: number;
  added: number;
  /** Rows that named nobody in the workspace, by line (the first 100). */
  unmatched: { line: number; value: string }[];
  unmatchedCount: number;
}

/**
 * Adds the people a CSV names (one column: cio_id, id or email) to a manual segment, all or
 * nothing, in one transaction, a batch of 1,000 rows at a time.
 */
export async function importSegmentMembers(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  segmentId: string,
  body: Readable,
): Promise<SegmentImportResult> {
  // The whole file is read before the transaction begins: a slow upload holds no lock or connection.
  let column: IdentifierColumn | undefined;
  const rows: { line: number; value: string }[] = [];
  for await (const row of csvRows(body, identifierColumns)) {
    column ??= identifierColumns.find((c) => c in row.cells);
    if (rows.length === MAX_ROWS)
      throw new DomainError('payload_too_large', `A segment import takes at most ${MAX_ROWS} rows`);
    rows.push({ line: row.line, value: row.cells[column!] ?? '' });
  }
  if (rows.length === 0 || !column) throw invalid('/', 'the file has a header but no rows');
  const by = column;
  return ctx.db.transaction(async (tx) => {
    const segment = await findItem(tx, workspaceId, kinds.segments, segmentId, 'edit');
    if (segment.body.type !== 'manual')
      throw new DomainError(
        'conflict',
        `"${segment.name}" is a data segment: its conditions choose its people`,
      );
    const result: SegmentImportResult = { rows: rows.length, added: 0, unmatched: [], unmatchedCount: 0 };
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const found = await resolvePeople(
        tx,
        workspaceId,
        by,
        batch.map((b) => b.value),
      );
      if (found.size > 0)
        result.added += await addSegmentMembers(tx, workspaceId, segmentId, 'cio_id', [
          ...new Set(found.values()),
        ]);
      for (const row of batch) {
        if (found.has(by === 'email' ? row.value.toLowerCase() : row.value)) continue;
        result.unmatchedCount++;
        if (result.unmatched.length < 100) result.unmatched.push(row);
      }
    }
    await recordActivity(tx, ctx.clock, {
      accountId: actor.subject.accountId,
      workspaceId,
      author: actor,
      action: 'segment.imported',
      target: { type: 'segment', id: segmentId, name: segment.name },
      after: { rows: result.rows, added: result.added, unmatched: result.unmatchedCount },
    });
    return result;
  });
}

/** The people's column a value names them by, as segment imports and the Track API name them (emails folded). */
function identifierField(column: IdentifierColumn) {
  return column === 'cio_id'
    ? sql<string>`${people.cioId}`
    : column === 'id'
      ? sql<string>`${people.externalId}`
      : sql<string>`lower(${people.email})`;
}

const wantedValues = (column: IdentifierColumn, values: readonly string[]) =>
  sql`(SELECT jsonb_array_elements_text(${JSON.stringify(
    column === 'email' ? values.map((v) => v.toLowerCase()) : values,
  )}::jsonb))`;

/**
 * The one writer of segment_members, with removeSegmentMembers: adds the people these values name
 * (by cio_id, id or email) to the segment, ignoring values that name nobody and people already in
 * it; returns how many it added. The people are locked FOR KEY SHARE as they are read, so one
 * deleted meanwhile is skipped rather than failing the transaction on the foreign key.
 */
export async function addSegmentMembers(
  tx: Db,
  workspaceId: string,
  segmentId: string,
  column: IdentifierColumn,
  values: readonly string[],
): Promise<number> {
  if (values.length === 0) return 0;
  const added = await queryRows<{ cio_id: string }>(
    tx,
    sql`WITH found AS (
          SELECT ${people.cioId} AS cio_id FROM ${people}
          WHERE ${people.workspaceId} = ${workspaceId}
            AND ${identifierField(column)} IN ${wantedValues(column, values)}
          FOR KEY SHARE)
        INSERT INTO ${segmentMembers} (workspace_id, segment_id, cio_id)
        SELECT ${workspaceId}, ${segmentId}, cio_id FROM found
        ON CONFLICT DO NOTHING RETURNING cio_id`,
  );
  return added.length;
}

/** Removes the people these values name from the segment; returns how many it removed. */
export async function removeSegmentMembers(
  tx: Db,
  workspaceId: string,
  segmentId: string,
  column: IdentifierColumn,
  values: readonly string[],
): Promise<number> {
  if (values.length === 0) return 0;
  const removed = await queryRows<{ cio_id: string }>(
    tx,
    sql`WITH found AS (
          SELECT ${people.cioId} AS cio_id FROM ${people}
          WHERE ${people.workspaceId} = ${workspaceId}
            AND ${identifierField(column)} IN ${wantedValues(column, values)})
        DELETE FROM ${segmentMembers} AS m USING found
        WHERE m.workspace_id = ${workspaceId} AND m.segment_id = ${segmentId} AND m.cio_id = found.cio_id
        RETURNING m.cio_id`,
  );
  return removed.length;
}

/** The cio_id of each value that names a person, keyed by the value (emails lower-cased). */
async function resolvePeople(
  tx: Db,
  workspaceId: string,
  column: IdentifierColumn,
  values: string[],
): Promise<Map<string, string>> {
  const field = identifierField(column);
  const wanted = column === 'email' ? values.map((v) => v.toLowerCase()) : values;
  const rows = await tx
    .select({ key: sql<string>`${field}`, cioId: people.cioId })
    .from(people)
    .where(and(eq(people.workspaceId, workspaceId), inArray(field, wanted)));
  return new Map(rows.map((r) => [r.key, r.cioId]));
}

export function segmentRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/workspaces/:workspaceId/segments/:id/import',
    {
      config: { access: 'segments.import', uploads: ['text/csv'] },
      schema: {
        tags: [kinds.segments.label],
        summary:
          'Add people to a manual segment from a CSV (Content-Type: text/csv) with a cio_id, id or email column',
        params: Type.Object({ workspaceId: Type.String(), id: Type.String() }),
        response: {
          200: Type.Object({
            rows: Type.Integer(),
            added: Type.Integer(),
            unmatched: Type.Array(Type.Object({ line: Type.Integer(), value: Type.String() })),
            unmatchedCount: Type.Integer(),
          }),
          ...problems(400, 401, 403, 404, 409, 415),
        },
      },
    },
    async (req) => {
      if (!(req.body instanceof Readable))
        throw invalid('/', 'send the CSV file as the body, with Content-Type: text/csv');
      return importSegmentMembers(ctx, actorOf(req), req.params.workspaceId, req.params.id, req.body);
    },
  );
}
