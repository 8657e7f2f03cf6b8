import { and, asc, count, eq, getTableColumns, gt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { type DeliveryState, deliveries, deliveryEvents, deliveryLinks } from '../../db/schema.js';
import { hashToken } from '../../shared/secrets.js';
import {
  type DeliveryMetric,
  hasEvent,
  recordDeliveryMetric,
  workspaceTracksOpens,
} from './delivery-metrics.js';

/** The SQL of deliveries, their tracked links, opens, clicks and metrics. */

export type DeliveryRow = typeof deliveries.$inferSelect;
export type NewDelivery = typeof deliveries.$inferInsert;

/** Inserts a delivery; within a send, a person's second delivery of a message is not written (undefined). */
export async function insertDelivery(tx: Db, row: NewDelivery): Promise<DeliveryRow | undefined> {
  const [inserted] = await tx.insert(deliveries).values(row).onConflictDoNothing().returning();
  return inserted;
}

/** A merge as SQL (people/write-store.ts mergeSql): the survivor of each merged cio_id, and the merged ids. */
export interface MergeSql {
  /** `merged cio_id → survivor's` as jsonb: `${survivorOf} ->> cio_id` is a row's survivor. */
  survivorOf: SQL;
  /** The merged cio_ids, as a parenthesised list for `IN`. */
  from: SQL;
}

/**
 * Gives merged people's deliveries to their survivors, so that an unsubscribe through one reaches
 * the person it went to. When both got the same send, the survivor keeps theirs
 * (deliveries_send_key) and the merged person's stays behind, naming nobody.
 */
export async function moveDeliveriesOfMerged(
  tx: Db,
  workspaceId: string,
  { survivorOf, from }: MergeSql,
): Promise<void> {
  // Of two merged people's deliveries of one send going to one survivor, the first (by id) moves.
  await tx.execute(sql`
    UPDATE deliveries d SET cio_id = ${survivorOf} ->> d.cio_id
    WHERE d.workspace_id = ${workspaceId} AND d.cio_id IN ${from}
      AND NOT EXISTS (SELECT 1 FROM deliveries s
        WHERE s.workspace_id = d.workspace_id AND s.send_id = d.send_id
          AND s.message_id = d.message_id AND s.cio_id = ${survivorOf} ->> d.cio_id)
      AND NOT EXISTS (SELECT 1 FROM deliveries o
        WHERE o.workspace_id = d.workspace_id AND o.send_id = d.send_id
          AND o.message_id = d.message_id AND o.cio_id IN ${from} AND o.id < d.id
          AND ${survivorOf} ->> o.cio_id = ${survivorOf} ->> d.cio_id)`);
}

export async function setOutbox(
  tx: Db,
  workspaceId: string,
  id: string,
  outboxId: string,
  state: DeliveryState,
) {
  await tx
    .update(deliveries)
    .set({ outboxId, state })
    .where(and(eq(deliveries.workspaceId, workspaceId), eq(deliveries.id, id)));
}

export async function insertLinks(tx: Db, workspaceId: string, deliveryId: string, urls: readonly string[]) {
  if (urls.length === 0) return;
  await tx
    .insert(deliveryLinks)
    .values(urls.map((url, position) => ({ workspaceId, deliveryId, position, url })));
}

/** A listed delivery: its row, and what was reported of it besides its opens and clicks. */
export type ListedDelivery = DeliveryRow & {
  /** Its person unsubscribed through it (still true after a resubscribe, as metricsOf counts). */
  unsubscribed: boolean;
  /** The metrics a Track API client reported for it, other than opened and clicked. */
  reported: ReportedOutcome[];
};

/** The outcomes a Track API client reports that a delivery's row keeps no column for. */
export const reportedOutcomes = [
  'delivered',
  'converted',
  'bounced',
  'deferred',
  'dropped',
  'spammed',
] as const;
export type ReportedOutcome = (typeof reportedOutcomes)[number];

export async function listDeliveries(
  tx: Db,
  workspaceId: string,
  q: { state?: DeliveryState; messageId?: string; sourceId?: string; after?: string; limit: number },
): Promise<ListedDelivery[]> {
  const outcomes = sql.join(
    reportedOutcomes.map((m) => sql`${m}`),
    sql`, `,
  );
  return tx
    .select({
      ...getTableColumns(deliveries),
      unsubscribed: sql<boolean>`${hasEvent('unsubscribed')}`,
      reported: sql<ReportedOutcome[]>`array(SELECT e.metric FROM ${deliveryEvents} e
        WHERE e.workspace_id = ${deliveries.workspaceId} AND e.delivery_id = ${deliveries.id}
          AND e.metric IN (${outcomes}) ORDER BY e.metric)`,
    })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.workspaceId, workspaceId),
        q.state ? eq(deliveries.state, q.state) : undefined,
        q.messageId ? eq(deliveries.messageId, q.messageId) : undefined,
        q.sourceId ? eq(deliveries.sourceId, q.sourceId) : undefined,
        q.after ? gt(deliveries.id, q.after) : undefined,
      ),
    )
    .orderBy(asc(deliveries.id))
    .limit(q.limit);
}

/** What became of an outbox email becomes the state of the deliveries that sent it. */
export async function settleDeliveries(
  tx: Db,
  workspaceId: string,
  outboxId: string,
  state: 'sent' | 'failed' | 'suppressed',
  at: Date,
  reason: string | null = null,
) {
  await tx
    .update(deliveries)
    .set({ state, reason, updatedAt: at })
    .where(and(eq(deliveries.workspaceId, workspaceId), eq(deliveries.outboxId, outboxId)));
}

/**
 * Counts an open of a delivery that carried a pixel, records metrics, and whose workspace still
 * tracks opens (recordDeliveryMetric); false when there is none.
 */
export async function recordOpen(tx: Db, token: string, at: Date): Promise<boolean> {
  const [delivery] = await tx
    .select({ workspaceId: deliveries.workspaceId, id: deliveries.id, metrics: deliveries.metrics })
    .from(deliveries)
    .where(and(eq(deliveries.trackTokenHash, hashToken(token)), eq(deliveries.tracksOpens, true)));
  return delivery ? recordDeliveryMetric(tx, delivery, 'opened', at) : false;
}

/** Counts a click on a delivery's link and answers where it leads, or undefined for an unknown link. */
export async function recordClick(
  tx: Db,
  token: string,
  position: number,
  at: Date,
): Promise<string | undefined> {
  const [delivery] = await tx
    .select({ workspaceId: deliveries.workspaceId, id: deliveries.id, metrics: deliveries.metrics })
    .from(deliveries)
    .where(eq(deliveries.trackTokenHash, hashToken(token)));
  if (!delivery) return undefined;
  const [link] = await tx
    .select({ url: deliveryLinks.url })
    .from(deliveryLinks)
    .where(
      and(
        eq(deliveryLinks.workspaceId, delivery.workspaceId),
        eq(deliveryLinks.deliveryId, delivery.id),
        eq(deliveryLinks.position, position),
      ),
    );
  if (!link) return undefined;
  await recordDeliveryMetric(tx, delivery, 'clicked', at, { href: link.url });
  return link.url;
}

export interface Metrics {
  deliveries: number;
  /** Deliveries of test sends and of test mode, which record no metrics. */
  test: number;
  queued: number;
  sent: number;
  captured: number;
  failed: number;
  suppressed: number;
  opened: number;
  clicked: number;
  /** Reported by the Track API (delivery-metrics.ts): deliveries with each metric. */
  delivered: number;
  converted: number;
  bounced: number;
  deferred: number;
  dropped: number;
  spammed: number;
  /** Deliveries whose person unsubscribed through them (still counted after a resubscribe). */
  unsubscribed: number;
}

/** The metrics of a broadcast, campaign or transactional message (by source) or of one message. */
export async function metricsOf(
  tx: Db,
  workspaceId: string,
  of: { sourceId: string } | { messageId: string },
): Promise<Metrics> {
  const counted = eq(deliveries.metrics, true);
  const stateIs = (state: DeliveryState) => sql`${deliveries.state} = ${state} AND ${counted}`;
  const withEvent = (metric: DeliveryMetric) =>
    sql<number>`count(*) FILTER (WHERE ${counted} AND ${hasEvent(metric)})::int`;
  const [row] = await tx
    .select({
      deliveries: count(),
      test: sql<number>`count(*) FILTER (WHERE NOT ${deliveries.metrics})::int`,
      queued: sql<number>`count(*) FILTER (WHERE ${stateIs('queued')})::int`,
      sent: sql<number>`count(*) FILTER (WHERE ${stateIs('sent')})::int`,
      captured: sql<number>`count(*) FILTER (WHERE ${stateIs('captured')})::int`,
      failed: sql<number>`count(*) FILTER (WHERE ${stateIs('failed')})::int`,
      suppressed: sql<number>`count(*) FILTER (WHERE ${stateIs('suppressed')})::int`,
      // "Open metrics then always read zero" while the workspace tracks no opens.
      // Opens are counted only while the workspace tracks them (recordDeliveryMetric). Not only
      // the pixel's: an open a client reports counts without one (push, in-app), as Customer.io's.
      opened: sql<number>`count(*) FILTER (WHERE ${deliveries.opens} > 0 AND ${counted} AND ${workspaceTracksOpens})::int`,
      clicked: sql<number>`count(*) FILTER (WHERE ${deliveries.clicks} > 0 AND ${counted})::int`,
      delivered: withEvent('delivered'),
      converted: withEvent('converted'),
      bounced: withEvent('bounced'),
      deferred: withEvent('deferred'),
      dropped: withEvent('dropped'),
      spammed: withEvent('spammed'),
      unsubscribed: withEvent('unsubscribed'),
    })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.workspaceId, workspaceId),
        'sourceId' in of ? eq(deliveries.sourceId, of.sourceId) : eq(deliveries.messageId, of.messageId),
      ),
    );
  return row!;
}

export async function findDelivery(
  tx: Db,
  workspaceId: string,
  id: string,
): Promise<DeliveryRow | undefined> {
  const [row] = await tx
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.workspaceId, workspaceId), eq(deliveries.id, id)));
  return row;
}

export async function setDeliveryState(
  tx: Db,
  workspaceId: string,
  id: string,
  state: DeliveryState,
  at: Date,
  reason: string | null = null,
) {
  await tx
    .update(deliveries)
    .set({ state, reason, updatedAt: at })
    .where(and(eq(deliveries.workspaceId, workspaceId), eq(deliveries.id, id)));
}

/** The deliveries an outbox email carries (one, or none for the service's own emails). */
export async function deliveriesOfOutbox(
  tx: Db,
  workspaceId: string,
  outboxId: string,
): Promise<DeliveryRow[]> {
  return tx
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.workspaceId, workspaceId), eq(deliveries.outboxId, outboxId)));
}
