import type { Db } from '../../db/connection.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError, invalid, notFound } from '../../shared/errors.js';
import { recordDeliveryMetric, reportedMetrics } from '../messaging/delivery-metrics.js';
import { findDelivery } from '../messaging/store.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import { identifyRun } from './identify.js';
import { checkUnixSeconds, orThrow } from './limits.js';
import type { DeliveryOperation } from './operations.js';

// The Track API's delivery operations, in the caller's transaction (a savepoint of the applier):
// a reported metric, and an unsubscribe through a delivery. A delivery is looked up in the key's
// workspace only, so another workspace's delivery is never touched (it reads as unknown).

/** Refuses what Customer.io refuses before anything is read: an unknown metric, a time that is none. */
export function checkDeliveryOperation(op: DeliveryOperation): void {
  if (typeof op.deliveryId !== 'string' || op.deliveryId === '') throw invalid('/delivery_id', 'is required');
  if (op.action === 'unsubscribe') return;
  if (!(reportedMetrics as readonly string[]).includes(op.metric))
    throw invalid('/metric', `must be one of ${reportedMetrics.join(', ')}`);
  if (op.timestamp !== undefined) orThrow(checkUnixSeconds(op.timestamp, 'timestamp'));
}

/**
 * While the workspace revalidates: whether a delivery operation is queued (true), or answered now
 * as it would be applied, since a delivery's existence does not wait for revalidation: a metric
 * for no delivery of this workspace is dropped (false: 200), an unsubscribe through one is a 404.
 */
export async function deliveryToQueue(tx: Db, ws: WorkspaceRow, op: DeliveryOperation): Promise<boolean> {
  if (await findDelivery(tx, ws.id, op.deliveryId)) return true;
  if (op.action === 'metric') return false;
  throw notFound(`Delivery ${op.deliveryId}`);
}

const atOf = (clock: Clock, seconds: number | undefined): Date =>
  seconds === undefined ? clock.now() : new Date(Math.floor(seconds) * 1000);

export async function applyDeliveryOperation(
  tx: Db,
  clock: Clock,
  ws: WorkspaceRow,
  op: DeliveryOperation,
): Promise<void> {
  const delivery = await findDelivery(tx, ws.id, op.deliveryId);
  if (op.action === 'metric') {
    // Customer.io answers every metric report 200 ("the request was received"), a delivery it
    // does not know included: a metric for no delivery of this workspace is dropped.
    if (!delivery) return;
    await recordDeliveryMetric(tx, delivery, op.metric, atOf(clock, op.timestamp), {
      ...(op.reason !== undefined && { reason: op.reason }),
      ...(op.href !== undefined && { href: op.href }),
    });
    return;
  }
  // An unsubscribe that silently went nowhere would keep emailing someone who asked to stop: an
  // unknown delivery is a 404, so the client's unsubscribe page can tell.
  if (!delivery) throw notFound(`Delivery ${op.deliveryId}`);
  // A test send, or a delivery of test mode, went to a team member, not to the person it was
  // rendered for: its unsubscribe link is the member's, and changes nobody.
  if (!delivery.metrics) return;
  if (delivery.cioId) {
    // Through the one people writer, as an identify by cio_id that sets the attribute. A person
    // deleted since (null), or merged into someone who got the same send, is refused: a 200 would
    // tell the unsubscribe page it worked. A suppressed person gets no email anyway.
    const [outcome] = await identifyRun(tx, clock, ws, [
      {
        key: { by: 'cioId', value: delivery.cioId },
        change: { attributes: { unsubscribed: op.unsubscribed } },
      },
    ]);
    if (outcome instanceof Error) throw outcome;
    if (outcome === null || outcome === undefined)
      throw new DomainError(
        'not_found',
        'The person this delivery went to no longer exists (deleted or merged): nobody to unsubscribe.',
      );
  }
  await recordDeliveryMetric(tx, delivery, op.unsubscribed ? 'unsubscribed' : 'resubscribed', clock.now());
}
