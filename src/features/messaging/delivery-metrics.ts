import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { deliveries, deliveryEvents, workspaces } from '../../db/schema.js';

/**
 * The one place that records what became of a delivery: the open pixel (/t/o), a tracked link
 * (/t/c), the metrics a Track API client reports (/api/v1/metrics, /api/v1/push/events, v2's
 * delivery operations in /api/v2/entity and /api/v2/batch) and the unsubscribes attributed to a
 * delivery (/unsubscribe/{delivery_id}) all call recordDeliveryMetric.
 *
 * Opens and clicks keep their columns on the delivery (opens, clicks, first_opened_at,
 * first_clicked_at); every other metric is a row of delivery_events per delivery and metric
 * (counted, first and last time, the latest reason and link); a click also keeps its link there
 * (a row of metric `clicked`). A delivery that records no metrics (a test send, test mode) counts
 * nothing, and opens count only while the workspace tracks opens ("open metrics then always read zero").
 */

/** Customer.io's metrics of an email or webhook delivery (its Track API reference, POST /api/v1/metrics). */
export const reportedMetrics = [
  'bounced',
  'clicked',
  'converted',
  'deferred',
  'delivered',
  'dropped',
  'opened',
  'spammed',
] as const;
/** Customer.io's device-side push metrics (POST /api/v1/push/events `event`; a v2 delivery operation's `name`). */
export const pushMetrics = ['delivered', 'opened', 'converted'] as const;

export type ReportedMetric = (typeof reportedMetrics)[number];
/** An unsubscribe (or its undoing) attributed to the delivery that led to it. */
export type SubscriptionMetric = 'unsubscribed' | 'resubscribed';
export type DeliveryMetric = ReportedMetric | SubscriptionMetric;

/** The delivery a metric is recorded on: read by the caller, within its workspace. */
export interface MetricTarget {
  workspaceId: string;
  id: string;
  /** False for test sends and test mode: no metrics. */
  metrics: boolean;
}

export interface MetricDetail {
  reason?: string;
  href?: string;
}

/** The workspace of the delivery still tracks opens (turning it off stops counting at once). */
export const workspaceTracksOpens = sql`EXISTS (SELECT 1 FROM ${workspaces} w
  WHERE w.id = ${deliveries.workspaceId} AND w.open_tracking)`;

const ofDelivery = (d: MetricTarget) =>
  and(eq(deliveries.workspaceId, d.workspaceId), eq(deliveries.id, d.id));

/**
 * Records one metric on a delivery at `at` (a report's own time may be earlier than one recorded
 * before it: the first time is the earliest). Answers whether it counted.
 */
export async function recordDeliveryMetric(
  tx: Db,
  delivery: MetricTarget,
  metric: DeliveryMetric,
  at: Date,
  detail: MetricDetail = {},
): Promise<boolean> {
  if (!delivery.metrics) return false;
  if (metric === 'opened') {
    const rows = await tx
      .update(deliveries)
      .set({
        opens: sql`${deliveries.opens} + 1`,
        // least() skips a null: the first open, or an earlier one reported late.
        firstOpenedAt: sql`least(${deliveries.firstOpenedAt}, ${at})`,
      })
      .where(and(ofDelivery(delivery), workspaceTracksOpens))
      .returning({ id: deliveries.id });
    return rows.length > 0;
  }
  if (metric === 'clicked') {
    await tx
      .update(deliveries)
      .set({
        clicks: sql`${deliveries.clicks} + 1`,
        firstClickedAt: sql`least(${deliveries.firstClickedAt}, ${at})`,
      })
      .where(ofDelivery(delivery));
    // The link clicked, when known, is kept as the other metrics' reasons are (below).
  }
  const reason = detail.reason ?? null;
  const href = detail.href ?? null;
  await tx
    .insert(deliveryEvents)
    .values({
      workspaceId: delivery.workspaceId,
      deliveryId: delivery.id,
      metric,
      firstAt: at,
      lastAt: at,
      reason,
      href,
    })
    .onConflictDoUpdate({
      target: [deliveryEvents.workspaceId, deliveryEvents.deliveryId, deliveryEvents.metric],
      set: {
        count: sql`${deliveryEvents.count} + 1`,
        firstAt: sql`least(${deliveryEvents.firstAt}, ${at})`,
        lastAt: sql`greatest(${deliveryEvents.lastAt}, ${at})`,
        reason: sql`coalesce(${reason}::text, ${deliveryEvents.reason})`,
        href: sql`coalesce(${href}::text, ${deliveryEvents.href})`,
      },
    });
  return true;
}

/** Whether a delivery has a row for this metric (metricsOf's count of deliveries with it). */
export const hasEvent = (metric: DeliveryMetric) => sql`EXISTS (SELECT 1 FROM ${deliveryEvents} e
  WHERE e.workspace_id = ${deliveries.workspaceId} AND e.delivery_id = ${deliveries.id} AND e.metric = ${metric})`;
