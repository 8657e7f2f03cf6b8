import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import type { AppContext } from '../../context.js';
import { MAX_ATTEMPTS } from '../../jobs/queue.js';
import type { JobHandler } from '../../jobs/worker.js';
import * as store from './store.js';

export const WEBHOOK_JOB = 'webhook.deliver';
const TIMEOUT_MS = 10_000;

/** Why the service will not post to this URL, or null: no calls into its own network (SSRF). */
async function refusal(url: string, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  const { hostname } = new URL(url);
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  const inside = addresses.find((a) => ipaddr.process(a).range() !== 'unicast');
  return inside
    ? `${hostname} is a ${ipaddr.process(inside).range()} address; webhooks go to public ones`
    : null;
}

/**
 * Posts one webhook delivery's payload to its URL. A 2xx answer sends it; anything else is
 * retried with the queue's backoff, and fails for good after the last attempt.
 */
export function deliverWebhook(ctx: AppContext): JobHandler {
  return async (job) => {
    const workspaceId = String(job.payload.workspaceId);
    const delivery = await store.findDelivery(ctx.db, workspaceId, String(job.payload.deliveryId));
    if (delivery?.state !== 'queued' || !delivery.targetUrl) return;
    const settle = (state: 'sent' | 'failed', reason: string | null = null) =>
      store.setDeliveryState(ctx.db, workspaceId, delivery.id, state, ctx.clock.now(), reason);
    let refused: string | null;
    try {
      refused = await refusal(delivery.targetUrl, ctx.config.webhookAllowPrivateNetworks);
    } catch (error) {
      refused = `cannot resolve the host: ${(error as Error).message}`;
    }
    if (refused) return settle('failed', refused);
    try {
      const response = await fetch(delivery.targetUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Atrium-Webhook/1',
          'x-atrium-delivery': delivery.id,
        },
        body: delivery.payload ?? '',
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`the endpoint answered HTTP ${response.status}`);
    } catch (error) {
      if (job.attempts >= MAX_ATTEMPTS) await settle('failed', (error as Error).message);
      throw error;
    }
    await settle('sent');
  };
}
