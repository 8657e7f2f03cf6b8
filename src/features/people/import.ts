import type { Readable } from 'node:stream';
import type { AppContext } from '../../context.js';
import { csvRows } from '../../shared/csv.js';
import { DomainError, invalid } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { type Actor, actorName } from '../auth/actor.js';
import * as importStore from './import-store.js';
import type { ImportRow } from './store.js';
import * as store from './store.js';

export const IMPORT_JOB = 'people.import';
export type ImportMode = 'create' | 'update';

const CHUNK_ROWS = 1000;
const identifierColumns = ['cio_id', 'id', 'email'];

/** A live upload says so at least this often, even when the client sends nothing for a while. */
const UPLOAD_HEARTBEAT_MS = 60_000;
/** An upload not heard from for this long is dead (its request or its process is gone). */
export const UPLOAD_GRACE_MS = 15 * 60_000;
/** How often a worker sweeps the chunks of dead uploads and of imports that will not run again. */
export const IMPORT_SWEEP_MS = 5 * 60_000;

const discarded = () =>
  new DomainError(
    'conflict',
    `The upload was silent for more than ${UPLOAD_GRACE_MS / 60_000} minutes and was discarded; send the file again`,
  );

/**
 * Takes a CSV upload (header row: cio_id, id, email, and any attributes) as it streams in — parsed
 * row by row and stored in chunks, so memory stays flat whatever the file's size — then enqueues
 * the job that applies it. Answers the job's id; progress and the refused rows are on the job.
 *
 * Each chunk is stored as it fills (a file is not held in one transaction), so the upload is
 * registered first and touched as it goes: if the request or the process dies, the sweep deletes
 * its chunks once the upload has been silent for UPLOAD_GRACE_MS (sweepImportUploads).
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
  let touched = ctx.clock.now();
  const touch = async () => {
    touched = ctx.clock.now();
    if (!(await importStore.touchUpload(ctx.db, workspaceId, jobId, touched))) throw discarded();
  };
  const flush = async () => {
    if (chunk.length === 0) return;
    await store.insertImportChunk(ctx.db, { workspaceId, jobId, seq: seq++, rows: chunk });
    chunk = [];
    if (ctx.clock.now().getTime() - touched.getTime() >= UPLOAD_HEARTBEAT_MS) await touch();
  };
  await importStore.registerUpload(ctx.db, workspaceId, jobId, touched);
  // A slow client keeps its upload alive; a discarded one is noticed at the next chunk or the end.
  const heartbeat = setInterval(() => touch().catch(() => {}), UPLOAD_HEARTBEAT_MS);
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
    await ctx.db.transaction(async (tx) => {
      if (!(await importStore.endUpload(tx, workspaceId, jobId))) throw discarded();
      await ctx.jobs.enqueue(tx, {
        id: jobId,
        accountId: actor.subject.accountId,
        workspaceId,
        kind: IMPORT_JOB,
        // A support caller is no member (src/features/support): no member id in the log, but its
        // name ("Support (agent) via grant …") is, so the entry says who.
        payload: {
          mode,
          rows,
          startedBy: actor.support ? null : actor.member.id,
          startedByName: actorName(actor),
        },
        total: rows,
      });
    });
  } catch (error) {
    // Whatever this leaves (the database is gone too) is for the sweep.
    await ctx.db
      .transaction(async (tx) => {
        await store.deleteImportChunks(tx, workspaceId, jobId);
        await importStore.endUpload(tx, workspaceId, jobId);
      })
      .catch(() => {});
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
  ctx.jobs.notify();
  return { jobId, rows };
}

/**
 * The sweep, run by the worker at start and then every IMPORT_SWEEP_MS when idle: deletes the
 * uploads silent for UPLOAD_GRACE_MS and every chunk no upload or runnable job holds.
 */
export async function sweepImportUploads(ctx: AppContext): Promise<{ uploads: number; chunks: number }> {
  const before = new Date(ctx.clock.now().getTime() - UPLOAD_GRACE_MS);
  return ctx.db.transaction((tx) => importStore.sweepImportChunks(tx, before));
}
