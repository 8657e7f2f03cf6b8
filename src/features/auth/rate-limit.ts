import type { AppContext } from '../../context.js';
import { DomainError } from '../../shared/errors.js';
import { hitRateLimit } from './store.js';

/** One counter: its key in `rate_limits` and the hits it allows per window. */
export interface Counter {
  key: string;
  max: number;
}

/**
 * Counts one hit against each counter in a fixed window of `windowMs`, and refuses the request
 * (429 with Retry-After) when any of them is past its max. Counted before the work is done, each
 * hit atomically in the database: a burst of parallel requests, to any process, cannot all slip
 * under the limit.
 */
export async function hitCounters(
  ctx: AppContext,
  counters: readonly Counter[],
  windowMs: number,
  refusal: string,
): Promise<void> {
  const now = ctx.clock.now();
  const counts: { max: number; hits: number; windowStartedAt: Date }[] = [];
  // One after the other: a caller's transaction would share one connection anyway.
  for (const c of counters)
    counts.push({ max: c.max, ...(await hitRateLimit(ctx.db, c.key, now, windowMs)) });
  const exceeded = counts.filter((c) => c.hits > c.max);
  if (exceeded.length === 0) return;
  const retryAfterMs = Math.max(
    ...exceeded.map((c) => c.windowStartedAt.getTime() + windowMs - now.getTime()),
  );
  const retryAfter = String(Math.max(1, Math.ceil(retryAfterMs / 1000)));
  throw new DomainError('too_many_requests', `${refusal}; try again in ${retryAfter} seconds.`, {
    headers: { 'retry-after': retryAfter },
  });
}

/**
 * What an anonymous caller may do per client address (config.anonymousLimits): `signup` is
 * POST /api/signup; `links` every request on an invitation or password-reset link, the
 * forgot-password request that emails one, and the passkey sign-in routes (each stores or uses a
 * challenge). Each request counts, before any lookup or hashing.
 */
export type AnonymousAction = keyof AppContext['config']['anonymousLimits'];

export function countAnonymousRequest(
  ctx: AppContext,
  action: AnonymousAction,
  client: { ip: string },
): Promise<void> {
  const { perIp, windowMs } = ctx.config.anonymousLimits[action];
  return hitCounters(
    ctx,
    [{ key: `${action}:ip:${client.ip}`, max: perIp }],
    windowMs,
    'Too many requests from your address',
  );
}
