/**
 * `npm run bench:track`: Track API identify calls (PUT /api/v1/customers/{id}) per second on one
 * service process, PGlite in a fresh data dir and, when DATABASE_URL is set, PostgreSQL; load from
 * autocannon over loopback. Printed against a Fastify hello-world PUT measured in the same run, and
 * as a multiple of Customer.io's published Track API fair-use limit (100 requests/s per workspace).
 * BENCH_SECONDS sets the length of each run (default 5).
 *
 * A fresh process runs its first seconds of calls at a third to a half of its later speed while V8
 * compiles the hot path (in the service and in autocannon alike). So each server first takes one
 * run of the same load: the service's is printed apart ("first 5 s"), the hello-world's is not,
 * and the verdict is the steady state of a service that has been up more than a few seconds.
 *
 * The v2 line: people identified per second through POST /api/v2/batch in batches of 100 new
 * people (Customer.io's v2 shapes), against the same baseline and against v1's one-call identify.
 */
import type autocannon from 'autocannon';
import { load, perSecond, post, seconds, signUp, spawnServer, spawnService, stop } from './http.js';

const FAIR_USE_PER_SECOND = 100;
const EXISTING = 1_000; // people that the "existing person" run updates, round-robin

/** A request generator: PUT {prefix}/{id} with a body of Track API attributes. */
function identifyRequests(prefix: string, id: (n: number) => string): autocannon.Request[] {
  let n = 0;
  return [
    {
      method: 'PUT',
      setupRequest: (request) => {
        const i = n++;
        const body = {
          email: `${id(i)}@example.com`,
          first_name: 'Ada',
          plan: i % 2 ? 'premium' : 'free',
          logins: i,
        };
        return { ...request, path: `${prefix}/${id(i)}`, body: JSON.stringify(body) };
      },
    },
  ];
}

const BATCH = 100;

/** A request generator: POST /api/v2/batch of BATCH identify operations for new people. */
function batchRequests(id: (n: number) => string): autocannon.Request[] {
  let n = 0;
  return [
    {
      method: 'POST',
      setupRequest: (request) => {
        const first = n;
        n += BATCH;
        const batch = Array.from({ length: BATCH }, (_, k) => ({
          type: 'person',
          action: 'identify',
          identifiers: { id: id(first + k) },
          attributes: { email: `${id(first + k)}@example.com`, first_name: 'Ada', plan: 'free', logins: k },
        }));
        return { ...request, path: '/api/v2/batch', body: JSON.stringify({ batch }) };
      },
    },
  ];
}

async function benchOn(database: 'PGlite' | 'PostgreSQL', hello: { url: string }) {
  const atrium = await spawnService(database);
  try {
    const { workspace, session } = await signUp(atrium.url);
    const created = await post(
      `${atrium.url}/api/workspaces/${workspace.id}/api-keys`,
      { kind: 'track' },
      session,
    );
    const { siteId, apiKey } = (await created.json()) as { siteId: string; apiKey: string };
    const headers = {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${siteId}:${apiKey}`).toString('base64')}`,
    };
    const track = `${atrium.url}/api/v1/customers`;
    const run = Date.now().toString(36);
    const existing = (i: number) => `${run}-old-${i % EXISTING}`;
    // The people that the update run finds.
    await load({
      url: track,
      headers,
      amount: EXISTING,
      requests: identifyRequests('/api/v1/customers', existing),
    });

    const cold = await load({
      url: track,
      headers,
      requests: identifyRequests('/api/v1/customers', (i) => `${run}-cold-${i}`),
    });
    const baseline = await load({ url: hello.url, headers, requests: identifyRequests('/hello', existing) });
    const creates = await load({
      url: track,
      headers,
      requests: identifyRequests('/api/v1/customers', (i) => `${run}-new-${i}`),
    });
    const updates = await load({
      url: track,
      headers,
      requests: identifyRequests('/api/v1/customers', existing),
    });
    // One batch first: every operation must be taken (a 207 would pass autocannon's 2xx check).
    const check = await fetch(`${atrium.url}/api/v2/batch`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        batch: [{ type: 'person', action: 'identify', identifiers: { id: `${run}-check` }, attributes: {} }],
      }),
    });
    if (check.status !== 200) throw new Error(`v2 batch answered ${check.status}: ${await check.text()}`);
    const batches = await load({
      url: `${atrium.url}/api/v2/batch`,
      headers,
      requests: batchRequests((i) => `${run}-batch-${i}`),
    });
    const row = (label: string, rps: number) =>
      console.log(
        `  ${label.padEnd(36)} ${perSecond(rps)} req/s  ${((rps / baseline) * 100).toFixed(1).padStart(5)}% of hello-world  ${(rps / FAIR_USE_PER_SECOND).toFixed(0).padStart(4)}× fair use`,
      );
    console.log(`Track API identify on ${database} (${seconds} s each, 20 connections, one service process)`);
    row('PUT hello-world (baseline)', baseline);
    row(`identify, new person, first ${seconds} s`, cold);
    row('identify, new person', creates);
    row('identify, existing person', updates);
    const people = batches * BATCH;
    console.log(
      `  ${'v2 batch of 100 new people'.padEnd(36)} ${perSecond(people)} people/s ${(people / baseline).toFixed(1).padStart(5)}× hello-world req/s  ${(people / creates).toFixed(1).padStart(4)}× v1 identify (${perSecond(batches).trim()} batches/s)`,
    );
    const slower = Math.min(creates, updates);
    console.log(
      `${database}: ${perSecond(slower).trim()} identify calls/s at worst = ${(slower / FAIR_USE_PER_SECOND).toFixed(0)}× Customer.io's fair-use 100 requests/s per workspace`,
    );
  } finally {
    await atrium.close();
  }
}

const hello = await spawnServer(['--import', 'tsx', 'bench/hello-world.ts'], {}, '/hello');
try {
  await load({
    url: hello.url,
    headers: { 'content-type': 'application/json' },
    requests: identifyRequests('/hello', (i) => `warm-${i}`),
  });
  await benchOn('PGlite', hello);
  if (process.env.DATABASE_URL) await benchOn('PostgreSQL', hello);
  else console.log('PostgreSQL: skipped; set DATABASE_URL=postgres://… to measure it too');
} finally {
  await stop(hello);
}
