import type { AppContext } from '../../context.js';
import type { KeyHolder } from '../api-keys/service.js';
import type { OperationOutcome, TrackOperation } from './operations.js';

// Placeholder signature: the one applier of Track API operations (engineer A builds it).

/**
 * Applies operations of the key's workspace in order, in one transaction — or queues them while
 * the workspace revalidates its identifiers — each answering for itself: a refused operation
 * leaves no trace and does not stop the others.
 */
export async function applyOperations(
  _ctx: AppContext,
  _key: KeyHolder,
  _ops: readonly TrackOperation[],
): Promise<OperationOutcome[]> {
  throw new Error('the Track API applier is not built yet');
}
