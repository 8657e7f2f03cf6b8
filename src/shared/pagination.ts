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
