import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { AppContext } from '../../context.js';
import { DomainError, invalid } from '../../shared/errors.js';
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
    const parser = body.pipe(
      parse({
        bom: true,
        trim: true,
        skip_empty_lines: true,
        relax_column_count: true,
        info: true,
        columns: (header: string[]) => {
          const columns = header.map((h) => h.trim());
          if (!columns.some((c) => identifierColumns.includes(c))) {
            throw invalid('/', 'the header row needs a cio_id, id or email column');
          }
          return columns;
        },
      }),
    );
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number; invalid_field_length: number };
    }>) {
      rows++;
      chunk.push({
        line: info.lines,
        cells: record,
        ...(info.invalid_field_length > 0 && {
          problem: 'the row does not have as many cells as the header',
        }),
      });
      if (chunk.length >= CHUNK_ROWS) await flush();
    }
    await flush();
    if (rows === 0) throw invalid('/', 'the file has a header but no rows');
  } catch (error) {
    await store.deleteImportChunks(ctx.db, workspaceId, jobId);
    if (error instanceof CsvError) {
      throw new DomainError('invalid', `The file is not valid CSV: ${error.message}`, {
        errors: [
          { path: `/line/${(error as CsvError & { lines?: number }).lines ?? 0}`, message: error.message },
        ],
      });
    }
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
