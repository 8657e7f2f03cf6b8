import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { DomainError } from '../../shared/errors.js';
import type { PersonKey } from './store.js';

// Suppressed identifiers (the Track API's suppress, table suppressions) as the writers of people
// see them: a suppressed id or email is given to nobody until it is unsuppressed (Customer.io's rule).

export const keyText = (key: PersonKey) => `${key.by}:${key.value}`;

/** The keys among these that a suppression covers, each as keyText gives it (emails compared folded). */
export async function suppressedAmong(
  tx: Db,
  workspaceId: string,
  keys: readonly PersonKey[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await queryRows<{ by: PersonKey['by']; value: string }>(
    tx,
    // The workspace's flag first (a one-time filter): where nobody was ever suppressed, the keys are
    // not even looked at. It is set in the transaction of the first suppression, so never stale.
    sql`SELECT k.by, k.value FROM jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) AS k(by text, value text)
        WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = ${workspaceId} AND w.suppresses)
        AND EXISTS (SELECT 1 FROM suppressions s WHERE s.workspace_id = ${workspaceId} AND (
          (k.by = 'cioId' AND s.cio_id = k.value) OR (k.by = 'id' AND s.external_id = k.value)
          OR (k.by = 'email' AND s.email = lower(k.value))))`,
  );
  return new Set(rows.map(keyText));
}

/** The refusal of a write that would give a suppressed id or email to a person (409). */
export function suppressedRefusal(field: 'email' | 'id', value: string): DomainError {
  return new DomainError('identifier_suppressed', suppressedMessage(field, value), {
    errors: [
      { path: `/${field}`, message: 'is suppressed: unsuppress it (Track API) to add this person again' },
    ],
  });
}

/** What to tell whoever gave a suppressed id or email, and how to lift the suppression. */
export const suppressedMessage = (field: 'email' | 'id', value: string) =>
  `${field} ${value} is suppressed: unsuppress it (Track API POST /api/v1/customers/${encodeURIComponent(value)}/unsuppress) to add this person again.`;
