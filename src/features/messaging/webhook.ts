import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, fetch } from 'undici';
import type { AppContext } from '../../context.js';
import { MAX_ATTEMPTS } from '../../jobs/queue.js';
import type { JobHandler } from '../../jobs/worker.js';
import * as store from './store.js';

export const WEBHOOK_JOB = 'webhook.deliver';
const TIMEOUT_MS = 10_000;

/** Why the service will not connect to this address, or null: no calls into its own network (SSRF). */
function refusal(address: string): string | null {
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? null : `${address} is a ${range} address; webhooks go to public ones`;
}

/**
 * The connection pool of webhook calls. Addresses are checked where the connection is made — on
 * the very answer the DNS gave for it — so a name cannot resolve to a public address for a check
 * and to a private one for the call (DNS rebinding).
 */
function webhookAgent(allowPrivate: boolean): Agent {
  if (allowPrivate) return new Agent();
  const lookup: LookupFunction = (hostname, options, callback) =>
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      const refused = list.map((a) => refusal(a.address)).find((r) => r !== null);
      if (refused) return callback(Object.assign(new Error(refused), { code: 'ATRIUM_REFUSED' }), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  return new Agent({ connect: { lookup } });
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
    // An address given as an IP is checked here; a name, when it is resolved for the connection.
    const host = new URL(delivery.targetUrl).hostname.replace(/^\[|\]$/g, '');
    const literal = ipaddr.isValid(host) && !ctx.config.webhookAllowPrivateNetworks ? refusal(host) : null;
    if (literal) return settle('failed', literal);
    try {
      const response = await fetch(delivery.targetUrl, {
        dispatcher: agentFor(ctx.config.webhookAllowPrivateNetworks),
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
      // The answer's body is not wanted; reading none of it frees the connection for the next call.
      await response.body?.cancel();
      if (!response.ok) throw new Error(`the endpoint answered HTTP ${response.status}`);
    } catch (error) {
      const refused = causeOf(error);
      // A refused address stays refused: no retry.
      if (refused?.code === 'ATRIUM_REFUSED') return settle('failed', refused.message);
      if (job.attempts >= MAX_ATTEMPTS) await settle('failed', (error as Error).message);
      throw error;
    }
    await settle('sent');
  };
}

const agents = new Map<boolean, Agent>();
function agentFor(allowPrivate: boolean): Agent {
  const agent = agents.get(allowPrivate) ?? webhookAgent(allowPrivate);
  agents.set(allowPrivate, agent);
  return agent;
}

/** The error under fetch's "fetch failed", where the connection's own error is. */
function causeOf(error: unknown): (Error & { code?: string }) | undefined {
  let e = error as (Error & { cause?: unknown; code?: string }) | undefined;
  while (e && e.code !== 'ATRIUM_REFUSED' && e.cause) e = e.cause as typeof e;
  return e?.code === 'ATRIUM_REFUSED' ? e : undefined;
}
