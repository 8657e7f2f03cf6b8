import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation, isUnstorableText, pgErrorCode } from '../../db/errors.js';
import { restAfter } from '../../jobs/pace.js';
import type { JobHandler } from '../../jobs/worker.js';
import { recordActivity } from '../activity/record.js';
import { findLiveWorkspaceById, type WorkspaceRow } from '../workspaces/store.js';
import { newPersonId } from './ids.js';
import type { ImportMode } from './import.js';
import type { ImportRow, PersonRow, PersonWrite } from './store.js';
import * as store from './store.js';

const MAX_REPORTED_ERRORS = 1000;

interface Outcome {
  created: number;
  updated: number;
  failed: number;
  errors: { line: number; message: string }[];
}

const empty = (s: string | undefined) => s === undefined || s === '';

/** Cells other than the identifiers are attributes; an empty cell sets nothing. */
function attributesOf(cells: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(cells))
    if (!['cio_id', 'id', 'email'].includes(k) && !empty(v)) out[k] = v;
  return out;
}

/**
 * Applies one chunk of rows with a handful of queries (a lookup of every key the rows name, then
 * one insert and one update for all of them), in the caller's transaction. Rows that cannot be
 * applied are reported by line; the others are kept.
 *
 * create: each row is a new person, named by id and/or email (no cio_id: that is the system's).
 * update: each row names a person by cio_id, else id, else email; as the seed says, only a row
 *         that names the cio_id may change the email (and the id).
 */
async function applyChunk(
  tx: Db,
  ws: WorkspaceRow,
  mode: ImportMode,
  rows: ImportRow[],
  at: Date,
): Promise<Outcome> {
  const outcome: Outcome = { created: 0, updated: 0, failed: 0, errors: [] };
  const fail = (row: ImportRow, message: string) => {
    outcome.failed++;
    if (outcome.errors.length < MAX_REPORTED_ERRORS) outcome.errors.push({ line: row.line, message });
  };
  const usable: ImportRow[] = [];
  for (const row of rows) {
    if (row.problem) fail(row, row.problem);
    // The Track API's rule: an email is a string with an @.
    else if (!empty(row.cells.email) && !row.cells.email!.includes('@'))
      fail(row, `email "${row.cells.email}" is not an email address`);
    else usable.push(row);
  }
  // Locked as every writer of people locks (so an identify call cannot slip in between this
  // chunk's look and write); emails compared as the database folds their case.
  const emails = usable.flatMap((r) => (empty(r.cells.email) ? [] : [r.cells.email!]));
  const ids = usable.flatMap((r) => (empty(r.cells.id) ? [] : [r.cells.id!]));
  const { fold, rows: existing } = await store.lockToWrite(tx, ws.id, {
    cioIds: usable.flatMap((r) => (empty(r.cells.cio_id) ? [] : [r.cells.cio_id!])),
    ids,
    emails,
  });
  const email = (r: ImportRow) =>
    ws.identifyByEmail && !empty(r.cells.email) ? fold(r.cells.email!) : undefined;
  const byCio = new Map(existing.map((p) => [p.cioId, p]));
  const byId = new Map(existing.filter((p) => p.externalId).map((p) => [p.externalId!, p]));
  const byEmail = new Map(existing.filter((p) => p.email).map((p) => [fold(p.email!), p]));
  // Identifiers claimed by earlier rows of this chunk, to refuse a second claim.
  const claimedIds = new Map<string, number>();
  const claimedEmails = new Map<string, number>();
  const claim = (
    row: ImportRow,
    cioId: string | null,
    id: string | null,
    mail: string | null | undefined,
  ): boolean => {
    if (id !== null) {
      const holder = byId.get(id);
      if ((holder && holder.cioId !== cioId) || claimedIds.has(id)) {
        fail(
          row,
          claimedIds.has(id)
            ? `id ${id} is also on line ${claimedIds.get(id)}`
            : `id ${id} belongs to another person`,
        );
        return false;
      }
    }
    if (mail) {
      const holder = byEmail.get(mail);
      if ((holder && holder.cioId !== cioId) || claimedEmails.has(mail)) {
        fail(
          row,
          claimedEmails.has(mail)
            ? `email ${mail} is also on line ${claimedEmails.get(mail)}`
            : `email ${mail} belongs to another person`,
        );
        return false;
      }
    }
    if (id !== null) claimedIds.set(id, row.line);
    if (mail) claimedEmails.set(mail, row.line);
    return true;
  };

  const inserts: PersonWrite[] = [];
  const updates: PersonWrite[] = [];
  for (const row of usable) {
    const { cells } = row;
    const id = empty(cells.id) ? null : cells.id!;
    const mail = empty(cells.email) ? null : cells.email!;
    if (mode === 'create') {
      if (!empty(cells.cio_id))
        fail(row, 'cio_id is given by the system; leave it empty to create, or import in update mode');
      else if (id === null && (mail === null || !ws.identifyByEmail))
        fail(row, 'a new person needs an id or (with email as an identifier) an email');
      else if (id !== null && !ws.identifyById && mail === null)
        fail(row, 'id is not an identifier in this workspace');
      else if (claim(row, null, id, email(row) ?? null)) {
        inserts.push({
          cio_id: newPersonId(),
          external_id: id,
          email: mail,
          attributes: attributesOf(cells),
        });
      }
      continue;
    }
    const byCioId = !empty(cells.cio_id);
    const person: PersonRow | undefined = byCioId
      ? byCio.get(cells.cio_id!)
      : id !== null && ws.identifyById
        ? byId.get(id)
        : email(row)
          ? byEmail.get(email(row)!)
          : undefined;
    if (!person) {
      fail(
        row,
        byCioId || id !== null || mail !== null
          ? 'no person matches this row'
          : 'the row names nobody (cio_id, id or email)',
      );
      continue;
    }
    const newEmail = mail ?? person.email;
    const newId = id ?? person.externalId;
    if (
      !byCioId &&
      (newEmail === null ? '' : fold(newEmail)) !== (person.email === null ? '' : fold(person.email)) &&
      person.email !== null
    ) {
      fail(row, "an import changes a person's email only in update mode on rows that name the cio_id");
      continue;
    }
    if (!byCioId && newId !== person.externalId && person.externalId !== null) {
      fail(row, "an import changes a person's id only on rows that name the cio_id");
      continue;
    }
    if (
      !claim(
        row,
        person.cioId,
        newId === person.externalId ? null : newId,
        ws.identifyByEmail && newEmail !== person.email && newEmail !== null ? fold(newEmail) : null,
      )
    )
      continue;
    const merged = { ...person.attributes, ...attributesOf(cells) };
    updates.push({ cio_id: person.cioId, external_id: newId, email: newEmail, attributes: merged });
    // Later rows of the chunk see this row's result.
    const after = { ...person, externalId: newId, email: newEmail, attributes: merged };
    byCio.set(person.cioId, after);
    if (newId) byId.set(newId, after);
    if (newEmail) byEmail.set(fold(newEmail), after);
  }
  // One write per person: a person named on several rows gets the last one's result.
  await store.writePeople(
    tx,
    ws.id,
    { inserts, updates: [...new Map(updates.map((u) => [u.cio_id, u])).values()] },
    at,
  );
  outcome.created = inserts.length;
  outcome.updated = updates.length;
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
        author: { memberId: String(job.payload.startedBy ?? '') || null, name: 'CSV import' },
        action: 'people.imported',
        target: { type: 'job', id: job.id },
        after: { mode, created: report.created, updated: report.updated, failed: report.failed },
      }),
    );
  };
}
