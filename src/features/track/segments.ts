import type { Db } from '../../db/connection.js';
import type { Clock } from '../../shared/clock.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import type { SegmentOperation } from './operations.js';

// Placeholder signature: built with segments/{id}/add_customers|remove_customers.

/** Adds people to (or removes them from) a manual segment, in the caller's transaction. */
export async function applySegmentOperation(
  _tx: Db,
  _clock: Clock,
  _ws: WorkspaceRow,
  _op: SegmentOperation,
): Promise<void> {
  throw new Error('segment operations are not built yet');
}
