import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import type { Db } from '../../db/connection.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError, notFound } from '../../shared/errors.js';
import {
  ARCHIVE_FORMAT,
  CHECKSUMS_ENTRY,
  checksumLine,
  FORMAT_VERSION,
  MANIFEST_ENTRY,
  type Manifest,
  PART_BYTES,
  partEntry,
} from './format.js';
import { countRows, pendingWork, readPage, schemaVersion, walkByIndex, workspaceRow } from './store.js';
import { archivedTables } from './tables.js';

export interface ExportSummary {
  workspaceId: string;
  schemaVersion: string;
  rows: Record<string, number>;
  entries: number;
}

/**
 * Writes the workspace's archive to `output`, reading every table in one repeatable-read,
 * read-only transaction (one consistent snapshot, nothing locked against writers on PostgreSQL).
 */
export async function exportWorkspace(
  db: Db,
  clock: Clock,
  workspaceId: string,
  output: Writable,
): Promise<ExportSummary> {
  return db.transaction(
    async (tx) => {
      await walkByIndex(tx);
      const ws = await workspaceRow(tx, workspaceId);
      if (!ws || ws.deleted) throw notFound('Workspace');
      const pending = await pendingWork(tx, workspaceId);
      if (ws.processing_state !== 'ready' || pending.queued > 0 || pending.jobs > 0)
        throw new DomainError(
          'conflict',
          'The workspace has work in progress (Track calls waiting, a revalidation or a job), which an ' +
            'archive would not carry. Export it once that work has finished.',
          { trackQueue: pending.queued, jobs: pending.jobs, processingState: ws.processing_state },
        );
      const counts = new Map<string, number>();
      for (const table of archivedTables)
        counts.set(table.name, await countRows(tx, table.name, workspaceId));
      const manifest: Manifest = {
        format: ARCHIVE_FORMAT,
        formatVersion: FORMAT_VERSION,
        schemaVersion: await schemaVersion(tx),
        exportedAt: clock.now().toISOString(),
        workspace: JSON.parse(ws.row),
        // Counted in the same snapshot as the rows are read, so they match what the parts hold.
        tables: archivedTables.map((t) => ({ name: t.name, rows: counts.get(t.name) ?? 0 })),
      };

      return writeArchive(tx, workspaceId, manifest, output);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The entries, one at a time: each waits for the one before to be taken by gzip and the file. */
async function writeArchive(
  tx: Db,
  workspaceId: string,
  manifest: Manifest,
  output: Writable,
): Promise<ExportSummary> {
  const pack = tar.pack();
  const written = pipeline(pack, createGzip(), output);
  // pipeline rejects when the output fails; until then the writer below awaits each entry.
  written.catch(() => {});
  const sums: string[] = [];
  const add = (name: string, data: Buffer) =>
    new Promise<void>((resolve, reject) => {
      sums.push(checksumLine(name, createHash('sha256').update(data).digest('hex')));
      pack.entry({ name, size: data.length, mtime: new Date(manifest.exportedAt) }, data, (error) =>
        error ? reject(error) : resolve(),
      );
    });

  // How many parts a table fills is known only once it is read: each part's name says its
  // table and number (data/<table>/NNNNN.ndjson), so the manifest, first, need not list them.
  try {
    await add(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest)));
    const rows: Record<string, number> = {};
    for (const table of archivedTables) {
      let part = 0;
      let pending: string[] = [];
      let size = 0;
      let seen = 0;
      const flush = async () => {
        if (pending.length === 0) return;
        part += 1;
        await add(partEntry(table.name, part), Buffer.from(pending.join('')));
        pending = [];
        size = 0;
      };
      let after: unknown[] | null = null;
      do {
        const page = await readPage(tx, table, workspaceId, after);
        for (const line of page.lines) {
          pending.push(`${line}\n`);
          size += Buffer.byteLength(line) + 1;
          seen += 1;
          if (size >= PART_BYTES) await flush();
        }
        after = page.lines.length === table.pageRows ? page.last : null;
      } while (after);
      await flush();
      rows[table.name] = seen;
    }
    await add(CHECKSUMS_ENTRY, Buffer.from(sums.join('')));
    pack.finalize();
    await written;
    return { workspaceId, schemaVersion: manifest.schemaVersion, rows, entries: sums.length + 1 };
  } catch (error) {
    // The output gets no end of tar: a reader sees a truncated archive, never a complete-looking one.
    pack.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}
