import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import type { ArchivedTable } from './tables.js';

/**
 * Rows travel as PostgreSQL writes them (`to_jsonb(row)::text`) and come back through
 * `jsonb_populate_recordset(NULL::<table>, …)`: every type round-trips exactly (timestamps keep
 * their microseconds, bytea its bytes as hex, jsonb as itself) and no row is decoded in JavaScript
 * on the way out.
 */

/** The latest migration applied to this database: the archive's schema version. */
export async function schemaVersion(db: Db): Promise<string> {
  const [row] = await queryRows<{ name: string | null }>(
    db,
    sql`SELECT max(name) AS name FROM schema_migrations`,
  );
  return row?.name ?? 'none';
}

export async function workspaceRow(db: Db, workspaceId: string) {
  const [row] = await queryRows<{ row: string; deleted: boolean; processing_state: string }>(
    db,
    sql`SELECT to_jsonb(w)::text AS row, w.deleted_at IS NOT NULL AS deleted, w.processing_state
        FROM workspaces w WHERE w.id = ${workspaceId}`,
  );
  return row;
}

/** Work that would not travel: Track calls waiting in the queue, jobs queued or running. */
export async function pendingWork(db: Db, workspaceId: string) {
  const [row] = await queryRows<{ queued: number; jobs: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM track_queue WHERE workspace_id = ${workspaceId}) AS queued,
               (SELECT count(*)::int FROM jobs WHERE workspace_id = ${workspaceId}
                  AND state IN ('queued', 'running')) AS jobs`,
  );
  return row ?? { queued: 0, jobs: 0 };
}

export async function countRows(db: Db, table: string, workspaceId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE workspace_id = ${workspaceId}`,
  );
  return row?.n ?? 0;
}

/**
 * Pages must walk the primary key's index. Without fresh statistics (PGlite runs no autovacuum
 * between a bulk load and the export; a PostgreSQL table just restored) the planner believes a
 * workspace has a few rows, bitmap-scans everything after the cursor and sorts it for each page:
 * 78 s instead of seconds for 100,000 people. For this transaction only.
 */
export async function walkByIndex(tx: Db): Promise<void> {
  await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
  await tx.execute(sql`SET LOCAL enable_seqscan = off`);
}

export interface Page {
  lines: string[];
  /** The key of the last row: where the next page starts. */
  last: unknown[] | null;
}

/** One page of a table, in primary-key order after `after` (keyset: no OFFSET, no whole table). */
export async function readPage(
  db: Db,
  table: ArchivedTable,
  workspaceId: string,
  after: unknown[] | null,
): Promise<Page> {
  const keys = table.key.map((k) => sql.identifier(k));
  const keyList = sql.join(keys, sql`, `);
  const from: SQL = after
    ? sql`AND (${keyList}) > (${sql.join(
        after.map((v) => sql`${v}`),
        sql`, `,
      )})`
    : sql``;
  const rows = await queryRows<Record<string, unknown> & { line: string }>(
    db,
    sql`SELECT to_jsonb(t)::text AS line, ${keyList} FROM ${sql.identifier(table.name)} t
        WHERE workspace_id = ${workspaceId} ${from}
        ORDER BY ${keyList} LIMIT ${table.pageRows}`,
  );
  const tail = rows.at(-1);
  return { lines: rows.map((r) => r.line), last: tail ? table.key.map((k) => tail[k]) : null };
}

export async function workspaceIdTaken(db: Db, workspaceId: string): Promise<boolean> {
  const rows = await queryRows(db, sql`SELECT 1 FROM workspaces WHERE id = ${workspaceId}`);
  return rows.length > 0;
}

/** Inserts rows given as a JSON array of objects keyed by column name. */
export async function insertRows(tx: Db, table: string, rowsJson: string): Promise<void> {
  const t = sql.identifier(table);
  await tx.execute(
    sql`INSERT INTO ${t} SELECT * FROM jsonb_populate_recordset(NULL::${t}, ${rowsJson}::jsonb)`,
  );
}
