import { invalid } from './errors.js';

/**
 * Keyset pagination: a store reads `limit + 1` rows after the cursor; the extra row, when there is
 * one, says another page follows, whose cursor is the key of this page's last row.
 */
export function pageOf<T>(rows: readonly T[], limit: number, keyOf: (row: T) => string) {
  const last = rows[limit - 1];
  return {
    rows: rows.slice(0, limit),
    nextCursor: rows.length > limit && last !== undefined ? keyOf(last) : null,
  };
}

/**
 * How a list writes the key of a page's last row into `nextCursor`, and reads it back. Every
 * list's cursor rules are here: a cursor the list could not have given is a 400, never read as
 * "no cursor" (a client would restart at the first page, and could loop forever).
 */
export interface Cursor<K> {
  write(key: K): string;
  /** The key a `?cursor=` names, undefined without one; a 400 naming `/query/cursor` if malformed. */
  read(cursor: string | undefined): K | undefined;
}

const ULID = '[0-9a-z]{26}';

/** `parse` answers undefined for a key the pattern lets through but no row can have. */
function cursor<K>(
  pattern: RegExp,
  write: (key: K) => string,
  parse: (match: RegExpExecArray) => K | undefined,
): Cursor<K> {
  return {
    write,
    read(value) {
      if (value === undefined) return undefined;
      const match = pattern.exec(value);
      const key = match ? parse(match) : undefined;
      if (key === undefined)
        throw invalid(
          '/query/cursor',
          'not a cursor of this list: pass the nextCursor of the previous page, or no cursor for the first page',
        );
      return key;
    },
  };
}

/**
 * The last millisecond of year 9999: a later time is written `+010000-…` by toISOString, which
 * PostgreSQL refuses, so no stored row has one.
 */
const LAST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export const cursors = {
  /** Rows keyed by their prefixed id (`act_…`, `dlv_…`, a resource kind's `cmp_…`). */
  id: (prefix: string): Cursor<string> =>
    cursor(
      new RegExp(`^${prefix}_${ULID}$`),
      (id) => id,
      (m) => m[0],
    ),
  /** People, keyed by cio_id (a bare ULID). */
  person: cursor(
    new RegExp(`^${ULID}$`),
    (cioId: string) => cioId,
    (m) => m[0],
  ),
  /** Relationships, keyed by (object id, cio_id). */
  relationship: cursor(
    new RegExp(`^(obj_${ULID}) (${ULID})$`),
    ([objectId, cioId]: readonly [string, string]) => `${objectId} ${cioId}`,
    (m): [string, string] => [m[1]!, m[2]!],
  ),
  /** The message library, keyed by (the message's source id, its position there). */
  message: cursor(
    new RegExp(`^([a-z]+_${ULID})\\.(\\d{1,9})$`),
    ({ sourceId, position }: { sourceId: string; position: number }) => `${sourceId}.${position}`,
    (m) => ({ sourceId: m[1]!, position: Number(m[2]) }),
  ),
  /** Rows newest first by a time, ties by their id: a segment's members, a person's events. */
  timed: (idPattern: string): Cursor<{ at: Date; id: string }> =>
    cursor(
      new RegExp(`^(\\d{1,15})\\.(${idPattern})$`),
      ({ at, id }) => `${at.getTime()}.${id}`,
      (m) => {
        const at = Number(m[1]);
        return at <= LAST_TIME ? { at: new Date(at), id: m[2]! } : undefined;
      },
    ),
};

/** The id patterns of the lists that page with cursors.timed. */
export const idPatterns = { person: ULID, event: `evt_${ULID}` };
