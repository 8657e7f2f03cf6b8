import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { trackQueue } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { DomainError } from '../../shared/errors.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import { applyOperation, refusalOf, workspaceAfter } from './apply.js';
import type { TrackOperation } from './operations.js';
import { describeRef } from './person-ref.js';

/**
 * The version of the operations the queue stores (operations.ts). A change to their shape that an
 * older process could misread takes the next number, and the reader learns the one before.
 */
const OPERATION_VERSION = 1;
const OPERATION_TYPES: readonly string[] = ['person', 'anonymous', 'segment', 'object', 'delivery'];

interface StoredOperation {
  version: number;
  operation: TrackOperation;
}

/** While the workspace revalidates its identifiers, operations wait in arrival order ("no data is dropped"). */
export async function enqueueOperation(
  tx: Db,
  clock: Clock,
  ws: WorkspaceRow,
  op: TrackOperation,
): Promise<void> {
  await tx.insert(trackQueue).values({
    workspaceId: ws.id,
    op: { version: OPERATION_VERSION, operation: op } satisfies StoredOperation as unknown as Record<
      string,
      unknown
    >,
    receivedAt: clock.now(),
  });
}

type QueuedRow = typeof trackQueue.$inferSelect;

/**
 * The stored operation, checked: rows queued before versions hold the operation itself (version 1's
 * shape). One of a version this process does not know fails the drain, to be retried by a process
 * that does, rather than be misread.
 */
function storedOperation(stored: Record<string, unknown>): TrackOperation {
  const { version, operation } =
    'version' in stored ? (stored as Partial<StoredOperation>) : { version: 1, operation: stored };
  if (version !== OPERATION_VERSION)
    throw new Error(
      `A queued operation of version ${String(version)}; this process reads ${OPERATION_VERSION}`,
    );
  const type = (operation as { type?: unknown } | undefined)?.type;
  if (typeof type !== 'string' || !OPERATION_TYPES.includes(type))
    throw new Error(`A queued operation of unknown type ${String(type)}`);
  return operation as TrackOperation;
}

/** A queued row as an operation: rows queued before migration 0030 hold v1's call instead. */
function operationOf(row: QueuedRow): TrackOperation {
  if (row.op) return storedOperation(row.op);
  const person = { path: row.identifier ?? '' };
  const body = row.body ?? {};
  if (row.operation === 'delete') return { type: 'person', action: 'delete', person };
  if (row.operation === 'event') {
    const data = (body.data as Record<string, unknown> | undefined) ?? {};
    return {
      type: 'person',
      action: 'event',
      person,
      event: { name: String(body.name), type: 'event', data },
    };
  }
  return { type: 'person', action: 'identify', person, attributes: body };
}

/** How a queued operation is named in the activity log: what it did, and to whom. */
function describe(op: TrackOperation): { operation: string; identifier: string } {
  switch (op.type) {
    case 'person':
      return {
        operation: op.action === 'submit_form' ? 'form submission' : op.action,
        identifier: op.action === 'merge' ? describeRef(op.primary) : describeRef(op.person),
      };
    case 'anonymous':
      return { operation: 'anonymous event', identifier: op.anonymousId };
    case 'segment':
      return { operation: op.action, identifier: op.segmentId };
    case 'object':
      return { operation: `object ${op.action}`, identifier: `${op.object.typeId}/${op.object.objectId}` };
    case 'delivery':
      return {
        operation: op.action === 'metric' ? `${op.metric} metric` : op.action,
        identifier: op.deliveryId,
      };
  }
}

/**
 * Applies the next operations queued during revalidation, up to `limit`, oldest first, each with
 * its removal from the queue, in the caller's transaction, which holds the workspace's gate
 * exclusively (lockWorkspace, read as `ws`): so none is being queued meanwhile, and two drainers
 * (a job whose lease ran out and the worker that took it over, in two processes) take turns, each
 * reading what the other left. Each is applied exactly once, in arrival order, whoever drains, and
 * a crash midway rolls back the operations with their removal. One the data refuses (a conflict, a
 * person deleted meanwhile) is recorded (`onRejected`), not retried forever. Returns how many it
 * applied, and whether the queue may hold more.
 */
export async function applyQueuedOperations(
  tx: Db,
  ws: WorkspaceRow,
  limit: number,
  onRejected: (tx: Db, call: { identifier: string; operation: string }, error: DomainError) => Promise<void>,
): Promise<{ applied: number; more: boolean }> {
  const rows = await tx
    .select()
    .from(trackQueue)
    .where(eq(trackQueue.workspaceId, ws.id))
    .orderBy(asc(trackQueue.seq))
    .limit(limit);
  let current = ws;
  for (const row of rows) {
    const op = operationOf(row);
    // Applied as at the time it was received: an event without a timestamp, a device, a change
    // happened then, not when revalidation ended.
    const received: Clock = { now: () => new Date(row.receivedAt) };
    try {
      const before = current;
      await tx.transaction((inner) => applyOperation(inner, received, before, op));
      current = workspaceAfter(current, op);
    } catch (error) {
      // The operation's own failure (its savepoint rolled back) is its rejection; any other fails
      // the job, to be retried: a queue stuck on one operation would keep the workspace revalidating.
      const refusal = refusalOf(op, error);
      if (!refusal) throw error;
      await onRejected(tx, describe(op), refusal);
    }
  }
  if (rows.length > 0)
    await tx.delete(trackQueue).where(
      and(
        eq(trackQueue.workspaceId, ws.id),
        inArray(
          trackQueue.seq,
          rows.map((r) => r.seq),
        ),
      ),
    );
  return { applied: rows.length, more: rows.length === limit };
}
