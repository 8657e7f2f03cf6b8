import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar, { type Header } from 'tar-stream';
import { Value } from 'typebox/value';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { pgErrorCode, pgErrorMessage } from '../../db/errors.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { assertWithinLimit, limitsOf } from '../accounts/plans.js';
import { countLiveWorkspaces, findAccount, lockAccount } from '../accounts/store.js';
import { recordActivity } from '../activity/record.js';
import { damaged, readLines, readSmall } from './entries.js';
import {
  ARCHIVE_FORMAT,
  CHECKSUMS_ENTRY,
  FORMAT_VERSION,
  MANIFEST_ENTRY,
  Manifest,
  parseChecksums,
  parsePartEntry,
} from './format.js';
import { insertRows, schemaVersion, workspaceIdTaken } from './store.js';
import { type ArchivedTable, archivedTables, workspaceRowCleared } from './tables.js';

/** Rows per INSERT: one statement of a few hundred kilobytes. */
const BATCH_ROWS = 500;

export interface ImportSummary {
  workspaceId: string;
  accountId: string;
  name: string;
  rows: Record<string, number>;
}

/** Who the activity log names for an import: the operator, at the command line. */
const operator = { memberId: null, name: 'Operator (atrium import-workspace)' };

/**
 * Imports an archive into `accountId` in ONE transaction: the rows are inserted as the file is
 * read, and the checksums, which come last, are compared before the commit; a damaged, tampered or
 * truncated archive, or any check failing, rolls everything back.
 */
export async function importWorkspace(
  ctx: AppContext,
  accountId: string,
  input: Readable,
): Promise<ImportSummary> {
  const extract = tar.extract();
  // The iterator must listen before any byte flows: tar-stream emits each entry once, and one
  // emitted with nobody listening (while the transaction opens) is lost and stalls the stream.
  const iterator = extract[Symbol.asyncIterator]();
  const entries = { [Symbol.asyncIterator]: () => iterator };
  const reading = pipeline(input, createGunzip(), extract);
  // A broken gzip stream destroys `extract`, which ends the loop below with the error.
  reading.catch(() => {});
  try {
    return await ctx.db.transaction(async (tx) => {
      const summary = await importEntries(ctx, tx, accountId, entries);
      await reading; // the whole file read without error (nothing after the checksums), then commit
      return summary;
    });
  } catch (error) {
    extract.destroy();
    if (error instanceof DomainError) throw error;
    if (pgErrorCode(error)) throw error;
    throw damaged(error instanceof Error ? error.message : String(error));
  }
}

/** 22xxx (a value of the wrong type) or 23xxx (a key or constraint): rows this database refuses. */
const refusesRows = (error: unknown) => /^2[23]/.test(pgErrorCode(error) ?? '');

const rowsDoNotFit = (error: unknown) =>
  new DomainError(
    'invalid',
    `The archive's rows do not fit this database (${pgErrorMessage(error) ?? pgErrorCode(error)}). Nothing was imported.`,
  );

async function importEntries(
  ctx: AppContext,
  tx: Db,
  accountId: string,
  entries: AsyncIterable<AsyncIterable<unknown> & { header: Header }>,
): Promise<ImportSummary> {
  const sums = new Map<string, string>();
  let manifest: Manifest | null = null;
  let checksums: Map<string, string> | null = null;
  const rows: Record<string, number> = {};
  let tableAt = 0;
  let lastPart = { table: '', part: 0 };
  // A row the database refuses is reported only once the whole file has proved intact: a damaged
  // file can inflate to well-formed rows of nonsense, and "damaged" is then the true answer.
  let refused: unknown = null;

  for await (const entry of entries) {
    const name = entry.header.name;
    if (checksums) throw damaged(`an entry (${name}) follows the checksums`);
    if (sums.has(name)) throw damaged(`the entry ${name} appears twice`);
    if (!manifest) {
      if (name !== MANIFEST_ENTRY) throw damaged('it does not start with its manifest');
      const { text, sha256 } = await readSmall(entry);
      sums.set(name, sha256);
      manifest = await checkManifest(tx, text);
      await insertWorkspace(ctx, tx, accountId, manifest);
      continue;
    }
    if (name === CHECKSUMS_ENTRY) {
      const { text } = await readSmall(entry);
      checksums = parseChecksums(text);
      if (!checksums) throw damaged('its checksums file is malformed');
      continue;
    }
    const part = parsePartEntry(name);
    const index = part ? archivedTables.findIndex((t) => t.name === part.table) : -1;
    const table = archivedTables[index];
    if (!part || !table) throw damaged(`it holds an entry (${name}) that no export writes`);
    const next = part.table === lastPart.table ? lastPart.part + 1 : 1;
    if (index < tableAt || part.part !== next) throw damaged(`the entry ${name} is out of order`);
    tableAt = index;
    lastPart = part;
    const workspaceId = manifest.workspace.id;
    sums.set(
      name,
      await readLines(entry, async (lines) => {
        for (let i = 0; i < lines.length; i += BATCH_ROWS) {
          const batch = lines
            .slice(i, i + BATCH_ROWS)
            .map((line) => adjustRow(table, line, workspaceId, accountId));
          if (refused) continue; // the transaction is aborted: read and check on, insert nothing
          await insertRows(tx, table.name, `[${batch.join(',')}]`).catch((error: unknown) => {
            if (!refusesRows(error)) throw error;
            refused = error;
          });
        }
        rows[table.name] = (rows[table.name] ?? 0) + lines.length;
      }),
    );
  }

  if (!manifest) throw damaged('it is empty');
  if (!checksums) throw damaged('it is truncated (its checksums, the last entry, are missing)');
  for (const [name, sha256] of sums)
    if (checksums.get(name) !== sha256) throw damaged(`the checksum of ${name} does not match its content`);
  if (checksums.size !== sums.size) throw damaged('entries listed in its checksums are missing');
  for (const table of manifest.tables)
    if ((rows[table.name] ?? 0) !== table.rows)
      throw damaged(
        `the manifest counts ${table.rows} rows of ${table.name}, the archive holds ${rows[table.name] ?? 0}`,
      );

  if (refused) throw rowsDoNotFit(refused);

  const { id, name } = manifest.workspace;
  await recordActivity(tx, ctx.clock, {
    accountId,
    workspaceId: id,
    author: operator,
    action: 'workspace.imported',
    target: { type: 'workspace', id, name },
    after: { exportedAt: manifest.exportedAt, schemaVersion: manifest.schemaVersion, rows },
  });
  return { workspaceId: id, accountId, name, rows };
}

/** The manifest's shape, format and schema version: checked before anything is written. */
async function checkManifest(tx: Db, text: string): Promise<Manifest> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw damaged('its manifest is not JSON');
  }
  if (!Value.Check(Manifest, parsed)) {
    const format = (parsed as { format?: unknown } | null)?.format;
    throw damaged(
      format === ARCHIVE_FORMAT ? 'its manifest is malformed' : 'its manifest names another format',
    );
  }
  if (parsed.formatVersion !== FORMAT_VERSION)
    throw new DomainError(
      'invalid',
      `The archive is in format version ${parsed.formatVersion}; this installation reads version ${FORMAT_VERSION}. Nothing was imported.`,
    );
  const here = await schemaVersion(tx);
  if (parsed.schemaVersion !== here)
    throw new DomainError(
      'invalid',
      `The archive was exported at schema version ${parsed.schemaVersion}; this installation is at ${here}. ` +
        'Import it into an installation at the same version (upgrade the older one first, then export again).',
      { archiveSchemaVersion: parsed.schemaVersion, schemaVersion: here },
    );
  const known = new Set(archivedTables.map((t) => t.name as string));
  const unknown = parsed.tables.find((t) => !known.has(t.name));
  if (unknown)
    throw damaged(`its manifest lists a table this installation does not import (${unknown.name})`);
  return parsed;
}

/** The workspace row, under the target account's lock: it exists, has room, and the id is free. */
async function insertWorkspace(
  ctx: AppContext,
  tx: Db,
  accountId: string,
  manifest: Manifest,
): Promise<void> {
  if (!(await findAccount(tx, accountId))) throw notFound('Account');
  const account = await lockAccount(tx, accountId);
  assertWithinLimit(account.plan, limitsOf(account), 'workspaces', await countLiveWorkspaces(tx, accountId));
  const { id } = manifest.workspace;
  if (await workspaceIdTaken(tx, id))
    throw new DomainError(
      'conflict',
      `A workspace with the id ${id} already exists in this installation (it may be deleted and not yet purged). Nothing was imported.`,
      { workspaceId: id },
    );
  const row: Record<string, unknown> = { ...manifest.workspace, account_id: accountId, deleted_at: null };
  for (const column of workspaceRowCleared) row[column] = null;
  row.processing_state = 'ready';
  row.updated_at = ctx.clock.now().toISOString();
  await insertRows(tx, 'workspaces', JSON.stringify([row]));
}

/**
 * One archived row as this installation stores it: in the workspace being imported (an archive
 * cannot write into another), members and rows that did not travel cleared, the target account's id.
 */
function adjustRow(table: ArchivedTable, line: string, workspaceId: string, accountId: string): string {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    throw damaged(`a row of ${table.name} is not JSON`);
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row))
    throw damaged(`a row of ${table.name} is not an object`);
  const record = row as Record<string, unknown>;
  if (record.workspace_id !== workspaceId)
    throw damaged(`a row of ${table.name} belongs to another workspace`);
  if (table.clear.length === 0 && !table.account) return line;
  for (const column of table.clear) record[column] = null;
  for (const column of table.account ?? []) record[column] = accountId;
  return JSON.stringify(record);
}
