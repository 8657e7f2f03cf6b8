import type { Readable } from 'node:stream';
import type { AppContext } from '../../context.js';
import { csvRows } from '../../shared/csv.js';
import { invalid } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { Actor } from '../auth/actor.js';
import type { ImportRow } from './store.js';
import * as store from './store.js';

export const IMPORT_JOB = 'people.import';
export type ImportMode = 'create' | 'update';

const CHUNK_ROWS = 1000;
const identifierColumns = ['cio_id', 'id', 'email'];

/**
 * Takes a CSV upload (header row: cio_id, id, email, and any attributes) as it streams in — parsed
 * row by row and stored in chunks, so memory stays flat whatever the file's size — then enqueues
 * the job that applies it. Answers the job's id; progress and the refused rows are on the job.
 */
export async function startImport(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  mode: ImportMode,
  body: Readable,
): Promise<{ jobId: string; rows: number }> {
  const jobId = newId('job');
  let seq = 0;
  let rows = 0;
  let chunk: ImportRow[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    await store.insertImportChunk(ctx.db, { workspaceId, jobId, seq: seq++, rows: chunk });
    chunk = [];
  };
  try {
    for await (const row of csvRows(body, identifierColumns)) {
      rows++;
      chunk.push({
        line: row.line,
        cells: row.cells,
        ...(row.ragged && { problem: 'the row does not have as many cells as the header' }),
      });
      if (chunk.length >= CHUNK_ROWS) await flush();
    }
    await flush();
    if (rows === 0) throw invalid('/', 'the file has a header but no rows');
  } catch (error) {
    await store.deleteImportChunks(ctx.db, workspaceId, jobId);
    throw error;
  }
  await ctx.db.transaction(async (tx) => {
    await ctx.jobs.enqueue(tx, {
      id: jobId,
      accountId: actor.subject.accountId,
      workspaceId,
      kind: IMPORT_JOB,
      payload: { mode, rows, startedBy: actor.member.id },
      total: rows,
    });
  });
  ctx.jobs.notify();
  return { jobId, rows };
}
