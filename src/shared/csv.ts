import { pipeline, type Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { DomainError, invalid } from './errors.js';

/** One row of an uploaded CSV: its line number, its cells by column, and whether it was ragged. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
  /** It has not as many cells as the header. */
  ragged: boolean;
}

/**
 * Reads a CSV upload row by row as it streams in (memory stays flat whatever the file's size). The
 * header row names the columns, and must name at least one of `identifiers`. A file that is not CSV
 * is a 400 naming the line.
 */
export async function* csvRows(body: Readable, identifiers: readonly string[]): AsyncGenerator<CsvRow> {
  // csv-parse counts a CR LF inside a quoted cell as two lines: the excess so far. Counted as the
  // parser reads (on_record), not as the loop below takes rows, so that a syntax error's line,
  // met ahead of the loop, is corrected too.
  let excess = 0;
  // csv-parse counts ragged rows over the whole file: a row is ragged when the count moves.
  let raggedSoFar = 0;
  const parser = parse({
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    raw: true,
    columns: (header: string[]) => {
      excess += crlfCount(header.join(''));
      const columns = header.map((h) => h.trim());
      if (!columns.some((c) => identifiers.includes(c)))
        throw invalid(
          '/',
          `the header row needs a ${identifiers.join(', ').replace(/, (\w+)$/, ' or $1')} column`,
        );
      return columns;
    },
    on_record: ({ record }: { record: Record<string, string> }, info): CsvRow => {
      const ragged = info.invalid_field_length > raggedSoFar;
      raggedSoFar = info.invalid_field_length;
      const breaks = lineBreaksWithin(info.raw ?? '');
      excess += breaks.crlf;
      // info.lines is where the row ends; a row is named by the line it starts on.
      return { line: info.lines - excess - breaks.all, cells: record, ragged };
    },
  });
  // pipeline, not pipe: a client that goes away mid-upload must end the parse (with an error)
  // rather than leave it waiting forever for the rest of the body.
  pipeline(body, parser, () => {}); // its error reaches the loop below, through the parser
  try {
    for await (const row of parser as AsyncIterable<CsvRow>) yield row;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = ((error as CsvError & { lines?: number }).lines ?? 0) - excess;
    // csv-parse's own words name its uncorrected line.
    const message = error.message.replace(/\b(at|on) line \d+/, `$1 line ${line}`);
    throw new DomainError('invalid', `The file is not valid CSV: ${message}`, {
      errors: [{ path: `/line/${line}`, message }],
    });
  }
}

/**
 * The line breaks inside a row's quoted cells, all of them and the CR LFs among them, read from the
 * row's raw text: csv-parse gives the skipped blank (or blank but for spaces) lines before it and
 * the first character of the row's own line break with it, which are no part of the row.
 */
function lineBreaksWithin(raw: string): { all: number; crlf: number } {
  const inner = raw.replace(/^(?:[ \t]*(?:\r\n|\r|\n))+/, '').replace(/[\r\n]$/, '');
  return { all: inner.match(/\r\n|\r|\n/g)?.length ?? 0, crlf: crlfCount(inner) };
}

const crlfCount = (text: string) => text.match(/\r\n/g)?.length ?? 0;

/** Characters that make a spreadsheet read a cell as a formula (OWASP, CSV Injection). */
const formulaStart = /^[=+\-@\t\r]/;
/** A cell that is exactly a number (-12.5, +3, 1e-7) is no formula: it keeps its sign. */
const plainNumber = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A text cell as a spreadsheet may safely open it: one that begins with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading `'` (OWASP's recommendation), unless it is exactly a number.
 */
export function neutraliseCell(value: string): string {
  return formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value;
}

/**
 * Rows as CSV text (RFC 4180 quoting by csv-stringify), every text cell neutralised: the one CSV
 * writer of the service, so that no export can carry a formula into a spreadsheet.
 */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return stringify(rows as (string | number | null | undefined)[][], {
    cast: { string: neutraliseCell },
  });
}
