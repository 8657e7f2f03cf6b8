import { Readable } from 'node:stream';
import type { AppContext } from '../../context.js';
import { restAfter } from '../../jobs/pace.js';
import type { JobHandler } from '../../jobs/worker.js';
import { DomainError, missing } from '../../shared/errors.js';
import { recordActivity } from '../activity/record.js';
import type { Actor } from '../auth/actor.js';
import { type ExportFormat, exportPages } from './export.js';
import * as store from './store.js';

export const EXPORT_JOB = 'people.export';

/** Starts an export job; the file is at …/people/exports/{jobId} once the job has succeeded. */
export async function startExport(ctx: AppContext, actor: Actor, workspaceId: string, format: ExportFormat) {
  const job = await ctx.db.transaction(async (tx) => {
    const total = await store.countPeople(tx, workspaceId);
    const row = await ctx.jobs.enqueue(tx, {
      accountId: actor.subject.accountId,
      workspaceId,
      kind: EXPORT_JOB,
      payload: { format },
      total,
    });
    await recordActivity(tx, ctx.clock, {
      accountId: actor.subject.accountId,
      workspaceId,
      author: actor,
      action: 'people.exported',
      target: { type: 'job', id: row.id },
      after: { format, people: total },
    });
    return row;
  });
  ctx.jobs.notify();
  return { jobId: job.id, people: job.progressTotal ?? 0 };
}

/**
 * The job: page after page into export_chunks, with progress. A run that resumes after a crash
 * starts the file over (its pages are cheap to write again; a half file is never served).
 */
export function writeExport(ctx: AppContext): JobHandler {
  return async (job, control) => {
    const workspaceId = job.workspaceId;
    if (!workspaceId) return;
    await store.deleteExportChunks(ctx.db, workspaceId, job.id);
    const format = job.payload.format as ExportFormat;
    let seq = 0;
    let done = 0;
    for await (const piece of await exportPages(ctx, workspaceId, format)) {
      if (control.signal.aborted) throw control.signal.reason;
      const startedAt = performance.now();
      await store.insertExportChunk(ctx.db, { workspaceId, jobId: job.id, seq: seq++, data: piece.text });
      done += piece.people;
      await control.progress(done, Math.max(done, job.progressTotal ?? 0));
      await restAfter(startedAt);
    }
  };
}

/** The finished file, streamed from its chunks a few at a time. */
export async function downloadExport(ctx: AppContext, actor: Actor, workspaceId: string, jobId: string) {
  const job = await ctx.jobs.find(ctx.db, actor.subject.accountId, jobId);
  if (!job || job.workspaceId !== workspaceId || job.kind !== EXPORT_JOB) missing('Export');
  if (job.state !== 'succeeded')
    throw new DomainError(
      'conflict',
      `The export is ${job.state} (${job.progressDone} of ${job.progressTotal ?? '?'} people); download it when it has succeeded`,
    );
  async function* chunks() {
    let after = -1;
    for (;;) {
      const rows = await store.exportChunksAfter(ctx.db, workspaceId, jobId, after, 8);
      if (rows.length === 0) return;
      for (const row of rows) yield row.data;
      after = rows.at(-1)!.seq;
    }
  }
  return { format: job.payload.format as ExportFormat, stream: Readable.from(chunks()) };
}
