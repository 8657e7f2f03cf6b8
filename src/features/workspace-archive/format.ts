import { type Static, Type } from 'typebox';

/**
 * The archive's layout, shared by export and import. A gzip'd tar of:
 *   manifest.json                    first: format, schema version, the workspace row, the tables
 *   data/<table>/<00001>.ndjson      each table's rows (PostgreSQL's to_jsonb of the row), in parts
 *   checksums.sha256                 last: the SHA-256 of every entry before it (`sha256sum -c` reads it)
 * A tar header carries its entry's size, so a table is cut into parts of at most PART_BYTES that
 * are held in memory one at a time: memory stays bounded whatever the table's size.
 */
export const ARCHIVE_FORMAT = 'atrium-workspace-archive';
export const FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';
export const CHECKSUMS_ENTRY = 'checksums.sha256';
export const PART_BYTES = 4 * 1024 * 1024;
/** The import refuses a manifest or one line (a row) bigger than this rather than hold it. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

export const partEntry = (table: string, part: number) =>
  `data/${table}/${String(part).padStart(5, '0')}.ndjson`;

/** The table and part number an entry's name says, or null for a name no export writes. */
export function parsePartEntry(name: string): { table: string; part: number } | null {
  const match = /^data\/([a-z_]+)\/([0-9]{5})\.ndjson$/.exec(name);
  return match ? { table: match[1]!, part: Number(match[2]) } : null;
}

/** The manifest's shape: the import checks it before it reads anything else. */
export const Manifest = Type.Object({
  format: Type.Literal(ARCHIVE_FORMAT),
  formatVersion: Type.Integer(),
  /** The source's latest applied migration: rows fit a database at exactly that version. */
  schemaVersion: Type.String(),
  exportedAt: Type.String(),
  /** The workspace row as PostgreSQL's to_jsonb wrote it. */
  workspace: Type.Object({ id: Type.String({ pattern: '^ws_' }), name: Type.String() }),
  /** Each table's rows in the archive, over all its parts (data/<name>/00001.ndjson, 00002…). */
  tables: Type.Array(Type.Object({ name: Type.String(), rows: Type.Integer({ minimum: 0 }) })),
});
export type Manifest = Static<typeof Manifest>;

/** `sha256sum`'s line format: the hex digest, two spaces, the name. */
export const checksumLine = (name: string, hex: string) => `${hex}  ${name}\n`;

export function parseChecksums(text: string): Map<string, string> | null {
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const match = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line);
    if (!match || sums.has(match[2]!)) return null;
    sums.set(match[2]!, match[1]!);
  }
  return sums;
}
