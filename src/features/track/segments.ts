import type { Db } from '../../db/connection.js';
import { DomainError } from '../../shared/errors.js';
import { kinds } from '../content/kinds.js';
import { addSegmentMembers, type IdentifierColumn, removeSegmentMembers } from '../content/segments.js';
import { findItem } from '../content/service.js';
import { rulesOf } from '../people/identifier-rules.js';
import type { PersonKey } from '../people/store.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import type { SegmentOperation } from './operations.js';
import { keyOf } from './person-ref.js';

const columnOf: Record<PersonKey['by'], IdentifierColumn> = { cioId: 'cio_id', id: 'id', email: 'email' };

/**
 * Adds people to (or removes them from) a manual segment, in the caller's transaction, through
 * the one writer of segment_members (content/segments.ts), as Customer.io's add_customers and
 * remove_customers do: people named who do not exist are ignored; the segment must be a manual
 * one of the workspace (404 otherwise, 400 for a data segment, whose conditions choose its
 * people). The segment is locked as an edit locks it, so it cannot be deleted meanwhile.
 * Naming people by an identifier the workspace does not use is refused (400), as everywhere.
 */
export async function applySegmentOperation(tx: Db, ws: WorkspaceRow, op: SegmentOperation): Promise<void> {
  const rules = rulesOf(ws);
  const byColumn = new Map<IdentifierColumn, string[]>();
  for (const ref of op.people) {
    const key = keyOf(ref, rules);
    const values = byColumn.get(columnOf[key.by]) ?? [];
    values.push(key.value);
    byColumn.set(columnOf[key.by], values);
  }
  const segment = await findItem(tx, ws.id, kinds.segments, op.segmentId, 'edit');
  if (segment.body.type !== 'manual')
    throw new DomainError(
      'invalid',
      `"${segment.name}" is a data segment: its conditions choose its people. Add and remove people only in manual segments.`,
      { errors: [{ path: '/segmentId', message: 'is a data segment, not a manual one' }] },
    );
  const write = op.action === 'add_people' ? addSegmentMembers : removeSegmentMembers;
  for (const [column, values] of byColumn) await write(tx, ws.id, op.segmentId, column, values);
}
