import type { Db } from '../../db/connection.js';
import type { Clock } from '../../shared/clock.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import type { PersonOperation } from './operations.js';

// Placeholder signature: built with merge_customers (through the merge code of identifier revalidation).

/** Merges the secondary person into the primary, in the caller's transaction; throws a DomainError when refused. */
export async function applyMerge(
  _tx: Db,
  _clock: Clock,
  _ws: WorkspaceRow,
  _op: Extract<PersonOperation, { action: 'merge' }>,
): Promise<void> {
  throw new Error('merge is not built yet');
}
