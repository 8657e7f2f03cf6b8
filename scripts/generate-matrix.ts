/**
 * Generates src/access/matrix.generated.ts from src/access/permissions.csv, the permission matrix
 * (a byte-identical copy of ../shared/spec/permissions.csv). Run `npm run generate:matrix` after the
 * CSV changes; a test fails while the generated file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export const csvPath = new URL('../src/access/permissions.csv', import.meta.url);
export const generatedPath = new URL('../src/access/matrix.generated.ts', import.meta.url);

const columns = ['workspace_admin', 'author', 'author_hidden_attributes', 'viewer'] as const;

/** Stable key prefixes by the CSV's resource name; a new resource must be named here. */
const resources: Record<string, string> = {
  Campaigns: 'campaigns',
  'Newsletters and API-triggered Broadcasts': 'broadcasts',
  'Transactional email or push': 'transactional',
  'Deliveries & Drafts': 'deliveries',
  People: 'people',
  'Object Types': 'object_types',
  'Objects and Relationships': 'objects',
  Segments: 'segments',
  'Activity Logs': 'activity_logs',
  'Data Index': 'data_index',
  Integrations: 'integrations',
  'Message Library': 'message_library',
  Assets: 'assets',
  'Email Layouts': 'layouts',
  'In-app Message Library': 'in_app_messages',
  Snippets: 'snippets',
  Collections: 'collections',
  'Sources & Destinations': 'pipelines',
};

/** Rows whose resource is itself the action. */
const actionless: Record<string, string> = {
  'Send messages': 'messages.send',
  'Data import': 'data.import',
  'Data export': 'data.export',
};

function keyOf(resource: string, action: string): string {
  if (!action) {
    const key = actionless[resource];
    if (!key) throw new Error(`permissions.csv: no key for the action-less row "${resource}"`);
    return key;
  }
  const prefix = resources[resource];
  if (!prefix)
    throw new Error(
      `permissions.csv: no key prefix for resource "${resource}"; add it to scripts/generate-matrix.ts`,
    );
  const adAudience = action.match(/^(\w+) Ad Audience$/);
  const verb = adAudience
    ? `ad_audience.${adAudience[1]!.toLowerCase()}`
    : action === 'import CSV'
      ? 'import'
      : action;
  if (!/^[a-z_.]+$/.test(verb)) throw new Error(`permissions.csv: cannot make a key of action "${action}"`);
  return `${prefix}.${verb}`;
}

/** "yes", "no", "yes [2]", "yes [2, 3]" → allowed and footnotes. */
function cell(value: string, where: string): { allowed: boolean; footnotes: number[] } {
  const m = value.trim().match(/^(yes|no)(?:\s*\[([\d,\s]+)\])?$/);
  if (!m) throw new Error(`permissions.csv ${where}: cannot read cell "${value}"`);
  return { allowed: m[1] === 'yes', footnotes: m[2] ? m[2].split(',').map((n) => Number(n.trim())) : [] };
}

/** The CSV's rows with their keys and what each column may do. */
export function readMatrix(csv: string) {
  const records: Record<string, string>[] = parse(csv, { columns: true, skip_empty_lines: true });
  const seen = new Set<string>();
  return records.map((r, i) => {
    const row = i + 1;
    const key = keyOf(r.resource!, r.action!);
    if (seen.has(key)) throw new Error(`permissions.csv row ${row}: key ${key} twice`);
    seen.add(key);
    const cells = columns.map((c) => cell(r[c]!, `row ${row}, ${c}`));
    const mask = cells.reduce((m, c, bit) => (c.allowed ? m | (1 << bit) : m), 0);
    const footnotes = [
      ...new Set([
        ...cells.flatMap((c) => c.footnotes),
        ...(r.footnote_on_name ? [Number(r.footnote_on_name)] : []),
      ]),
    ];
    return {
      key,
      row,
      product: r.product!,
      category: r.category!,
      resource: r.resource!,
      action: r.action!,
      label: r.action ? `${r.resource} - ${r.action}` : r.resource!,
      allowed: Object.fromEntries(columns.map((c, j) => [c, cells[j]!.allowed])),
      mask,
      footnotes: footnotes.sort((a, b) => a - b),
    };
  });
}

export function renderMatrix(csv: string): string {
  const rows = readMatrix(csv);
  const body = rows.map((r) => `  ${JSON.stringify(r)},`).join('\n');
  return `// Generated from src/access/permissions.csv by scripts/generate-matrix.ts. Do not edit by hand.
// "row" is the row's number among the CSV's data rows (1 = the first after the header).
// "mask" has bit 0 = Workspace Admin, 1 = Author, 2 = Author with hide attributes, 3 = Viewer.

export const matrixColumns = ${JSON.stringify(columns)} as const;

export const matrix = [
${body}
] as const;
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(generatedPath, renderMatrix(readFileSync(csvPath, 'utf8')));
  console.log(`wrote ${generatedPath.pathname}`);
}
