import type { Db } from '../../db/connection.js';
import type { Clock } from '../../shared/clock.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import type { ObjectOperation, PersonRelationship } from './operations.js';

// Placeholder signatures: the v2 engineer builds these (objects and relationships by the Track API).

/** Applies an object operation in the caller's transaction; throws a DomainError when refused. */
export async function applyObjectOperation(
  _tx: Db,
  _clock: Clock,
  _ws: WorkspaceRow,
  _op: ObjectOperation,
): Promise<void> {
  throw new Error('object operations are not built yet');
}

/** Adds (or removes) a person's relationships to objects, in the caller's transaction. */
export async function applyPersonRelationships(
  _tx: Db,
  _clock: Clock,
  _ws: WorkspaceRow,
  _cioId: string,
  _relationships: readonly PersonRelationship[],
  _action: 'add' | 'delete',
): Promise<void> {
  throw new Error('relationships are not built yet');
}
