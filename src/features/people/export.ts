import { Readable } from 'node:stream';
import type { AppContext } from '../../context.js';
import { toCsv } from '../../shared/csv.js';
import type { PersonRow } from './store.js';
import * as store from './store.js';

export type ExportFormat = 'csv' | 'ndjson';

const PAGE = 1000;

/**
 * Every person of the workspace as CSV (cio_id, id, email, then one column per attribute seen) or
 * NDJSON, produced a page at a time as the client reads: memory stays flat whatever the size.
 */
export async function exportPeople(
  ctx: AppContext,
  workspaceId: string,
  format: ExportFormat,
): Promise<Readable> {
  async function* texts() {
    for await (const piece of await exportPages(ctx, workspaceId, format)) yield piece.text;
  }
  return Readable.from(texts());
}

/** A piece of the export: its text, and how many people it holds (none in the CSV header). */
export interface ExportPiece {
  text: string;
  people: number;
}

/** The export as pieces: the CSV header, then one piece per page of 1,000 people. */
export async function exportPages(
  ctx: AppContext,
  workspaceId: string,
  format: ExportFormat,
): Promise<AsyncGenerator<ExportPiece>> {
  const attributes = (await store.attributeIndex(ctx.db, workspaceId)).map((a) => a.name);
  const line = (p: PersonRow): string =>
    format === 'ndjson'
      ? `${JSON.stringify({ cioId: p.cioId, id: p.externalId, email: p.email, attributes: p.attributes, createdAt: p.createdAt.toISOString() })}\n`
      : toCsv([
          [p.cioId, p.externalId ?? '', p.email ?? '', ...attributes.map((a) => cell(p.attributes[a]))],
        ]);
  async function* pages() {
    if (format === 'csv') yield { text: toCsv([['cio_id', 'id', 'email', ...attributes]]), people: 0 };
    let after: string | null = null;
    for (;;) {
      const rows = await store.peoplePage(ctx.db, workspaceId, after, PAGE);
      if (rows.length === 0) return;
      yield { text: rows.map(line).join(''), people: rows.length };
      after = rows.at(-1)!.cioId;
    }
  }
  return pages();
}

/** A CSV cell: strings as they are, everything else as JSON. */
function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
