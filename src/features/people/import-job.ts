import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation, isUnstorableText, pgErrorCode } from '../../db/errors.js';
import { restAfter } from '../../jobs/pace.js';
import type { JobHandler } from '../../jobs/worker.js';
import { recordActivity } from '../activity/record.js';
import { findLiveWorkspaceById, type WorkspaceRow } from '../workspaces/store.js';
import { type ImportWrite, importRows, rulesOf } from './identifier-rules.js';
import type { ImportMode } from './import.js';
import type { ImportRow } from './store.js';
import * as store from './store.js';
import { writePeople } from './writer.js';

const MAX_REPORTED_ERRORS = 1000;

interface Outcome {
  created: number;
  updated: number;
  failed: number;
  errors: { line: number; message: string }[];
}

const empty = (s: string | undefined) => s === undefined || s === '';
const cell = (s: string | undefined) => (empty(s) ? null : s!);

/** Cells other than the identifiers are attributes; an empty cell sets nothing. */
function attributesOf(cells: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(cells))
    if (!['cio_id', 'id', 'email'].includes(k) && !empty(v)) out[k] = v;
  return out;
}

/**
 * Applies one chunk of rows through the writer (three queries, however many rows), in the caller's
 * transaction, by the import's identifier rules (identifier-rules.ts importRow). Rows that cannot
 * be applied are reported by line; the others are kept.
 */
async function applyChunk(
  tx: Db,
  ws: WorkspaceRow,
  mode: ImportMode,
  rows: ImportRow[],
  at: Date,
): Promise<Outcome> {
  const outcome: Outcome = { created: 0, updated: 0, failed: 0, errors: [] };
  const fail = (line: number, message: string) => {
    outcome.failed++;
    if (outcome.errors.length < MAX_REPORTED_ERRORS) outcome.errors.push({ line, message });
  };
  const writes: ImportWrite[] = [];
  for (const { line, cells, problem } of rows) {
    if (problem) fail(line, problem);
    else
      writes.push({
        mode,
        line,
        cioId: cell(cells.cio_id),
        id: cell(cells.id),
        email: cell(cells.email),
        attributes: attributesOf(cells),
      });
  }
  const named = {
    cioIds: writes.flatMap((w) => (w.cioId === null ? [] : [w.cioId])),
    ids: writes.flatMap((w) => (w.id === null ? [] : [w.id])),
    emails: writes.flatMap((w) => (w.email === null ? [] : [w.email])),
  };
  const outcomes = await writePeople(tx, ws.id, writes, importRows(rulesOf(ws)), { named }, { at });
  for (const [i, result] of outcomes.entries()) {
    if (result === 'created') outcome.created++;
    else if (result === 'updated') outcome.updated++;
    else fail(writes[i]!.line, result.refused);
  }
  outcome.errors.sort((a, b) => a.line - b.line);
  return outcome;
}

/** What the import has done so far, saved on the job with each chunk (JobQueue.saveResult). */
function merged(report: Outcome, outcome: Outcome): Outcome {
  return {
    created: report.created + outcome.created,
    updated: report.updated + outcome.updated,
    failed: report.failed + outcome.failed,
    errors: [...report.errors, ...outcome.errors].slice(0, MAX_REPORTED_ERRORS),
  };
}

/**
 * Why the database refused a row, in plain words; undefined when the error is not the row's doing
 * (a lost connection, a deadlock, a bug), which must fail the run instead: it is retried.
 */
function refusal(error: unknown): string | undefined {
  const code = pgErrorCode(error);
  if (code === undefined) return undefined;
  if (isUnstorableText(error))
    return 'a cell holds text that cannot be stored (a NUL byte or an invalid sequence)';
  if (code === '54000')
    return 'a value is too long to store (an id or email must stay under about 2,700 bytes)';
  if (isUniqueViolation(error)) return 'its id or email was taken by another person meanwhile';
  if (code.startsWith('22') || code.startsWith('23') || code.startsWith('54'))
    return `the database refused the row (${error instanceof Error ? error.message : code})`;
  return undefined;
}

/**
 * Rows in the caller's transaction, in a savepoint. When the database refuses them for something a
 * row holds, that savepoint is rolled back and each half is applied again the same way, down to
 * the row at fault, which is reported with the reason (a handful of savepoints per bad row, not
 * one per row). The other rows are kept, in file order, and the import goes on.
 */
async function applyRows(
  tx: Db,
  ws: WorkspaceRow,
  mode: ImportMode,
  rows: ImportRow[],
  at: Date,
): Promise<Outcome> {
  let reason: string | undefined;
  try {
    return await tx.transaction((sp) => applyChunk(sp, ws, mode, rows, at));
  } catch (error) {
    reason = refusal(error);
    if (reason === undefined) throw error;
  }
  if (rows.length === 1)
    return { created: 0, updated: 0, failed: 1, errors: [{ line: rows[0]!.line, message: reason }] };
  const half = Math.ceil(rows.length / 2);
  const first = await applyRows(tx, ws, mode, rows.slice(0, half), at);
  return merged(first, await applyRows(tx, ws, mode, rows.slice(half), at));
}

/**
 * The import job: chunk after chunk, each applied and removed in one transaction together with the
 * job's report and progress, so a crash midway resumes with the next chunk and counts every row
 * once; a run that applied a chunk made progress, so an import is not given up on for crashes as
 * long as it moves (see JobQueue.saveResult).
 */
export function importPeople(ctx: AppContext): JobHandler {
  return async (job, control) => {
    const ws = job.workspaceId ? await findLiveWorkspaceById(ctx.db, job.workspaceId) : undefined;
    if (!ws) return;
    const mode = job.payload.mode as ImportMode;
    let report = (job.result as Outcome | null) ?? { created: 0, updated: 0, failed: 0, errors: [] };
    let done = job.progressDone;
    for (;;) {
      if (control.signal.aborted) throw control.signal.reason;
      const startedAt = performance.now();
      const chunk = await store.nextImportChunk(ctx.db, ws.id, job.id);
      if (!chunk) break;
      const after = done + chunk.rows.length;
      // The chunk in one go; if the database refuses a row of it, again with that row set apart.
      const apply = (rowByRow: boolean) =>
        ctx.db.transaction(async (tx) => {
          const at = ctx.clock.now();
          const outcome = rowByRow
            ? await applyRows(tx, ws, mode, chunk.rows, at)
            : await applyChunk(tx, ws, mode, chunk.rows, at);
          const next = merged(report, outcome);
          await store.deleteImportChunk(tx, ws.id, job.id, chunk.seq);
          await ctx.jobs.saveResult(tx, job, { ...next }, after);
          return next;
        });
      report = await apply(false).catch((error: unknown) => {
        if (refusal(error) === undefined) throw error;
        return apply(true);
      });
      done = after;
      await control.progress(done);
      await restAfter(startedAt);
    }
    await ctx.db.transaction((tx) =>
      recordActivity(tx, ctx.clock, {
        accountId: ws.accountId,
        workspaceId: ws.id,
        author: {
          memberId: String(job.payload.startedBy ?? '') || null,
          // Jobs queued before the starter's name was carried read as before.
          name: String(job.payload.startedByName ?? '') || 'CSV import',
        },
        action: 'people.imported',
        target: { type: 'job', id: job.id },
        after: { mode, created: report.created, updated: report.updated, failed: report.failed },
      }),
    );
  };
}
