import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { MAX_ATTEMPTS } from '../../src/jobs/queue.js';
import type { Client } from '../support/client.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

/** A Track API key of the workspace, and a client of it on `on` (this service, or a sibling process). */
async function trackKey(admin: Client, workspaceId: string) {
  const key = (await admin.post(`/api/workspaces/${workspaceId}/api-keys`, { kind: 'track' })).body;
  return `Basic ${Buffer.from(`${key.siteId}:${key.apiKey}`).toString('base64')}`;
}
function trackOn(on: TestService, authorization: string) {
  const c = on.client();
  return {
    identify: (identifier: string, body: Record<string, unknown>) =>
      c.put(`/api/v1/customers/${encodeURIComponent(identifier)}`, body, { headers: { authorization } }),
    event: (identifier: string, body: Record<string, unknown>) =>
      c.post(`/api/v1/customers/${encodeURIComponent(identifier)}/events`, body, {
        headers: { authorization },
      }),
  };
}

/** A new account's workspace with email not an identifier, so that people may share one. */
async function workspaceIdentifiedById() {
  const admin = service.client();
  const { workspace } = await admin.signup();
  await changeIdentifiers(admin, workspace.id, { email: false, id: true });
  await service.worker.runUntilIdle();
  return { admin, workspace };
}

async function changeIdentifiers(
  admin: Client,
  workspaceId: string,
  identifiers: { email: boolean; id: boolean },
) {
  const changed = await admin.patch(`/api/workspaces/${workspaceId}/settings`, { identifiers });
  expect(changed.status).toBe(202);
  expect(changed.body.processingState).toBe('revalidating');
}

const processingState = async (admin: Client, workspaceId: string) =>
  (await admin.get(`/api/workspaces/${workspaceId}`)).body.processingState as string;

/** The `i` of each event of the workspace, in the order they were stored. */
async function eventOrder(workspaceId: string): Promise<number[]> {
  const rows = await queryRows<{ i: number }>(
    service.ctx.db,
    sql`SELECT (data->>'i')::int AS i FROM events WHERE workspace_id = ${workspaceId} ORDER BY id`,
  );
  return rows.map((r) => r.i);
}

const queued = { status: 202, body: { queued: true } };
const answer = (reply: { status: number; body: unknown }) => ({ status: reply.status, body: reply.body });
const range = (n: number) => [...Array(n).keys()];

describe('a long revalidation lets the service answer meanwhile', () => {
  test('1,500 merges of 3,000 people: the settings change answers 202 at once, and requests keep answering while the job runs', async () => {
    const { admin, workspace } = await workspaceIdentifiedById();
    const track = trackOn(service, await trackKey(admin, workspace.id));
    const groups = 1500;
    // In bulk: two people for each email, in one statement.
    await service.ctx.db.execute(sql`
      INSERT INTO people (workspace_id, cio_id, external_id, email, attributes, created_at, updated_at)
      SELECT ${workspace.id}, 'bulk' || lpad(g::text, 6, '0'), 'bulk-' || g,
             'shared-' || (g / 2) || '@example.com', jsonb_build_object('n', g), now(), now()
      FROM generate_series(0, ${2 * groups - 1}) AS g`);

    const started = Date.now();
    await changeIdentifiers(admin, workspace.id, { email: true, id: true });
    expect(Date.now() - started).toBeLessThan(2000);

    // The job runs in this process, as the worker would run it, while requests come in.
    let running = true;
    const job = service.worker.runUntilIdle().finally(() => {
      running = false;
    });
    const latencies: number[] = [];
    const timed = async <T>(request: () => Promise<T>) => {
      const at = Date.now();
      const result = await request();
      latencies.push(Date.now() - at);
      return result;
    };
    const rounds: { status: number; body: unknown }[][] = [];
    while (running) {
      const i = rounds.length;
      rounds.push([
        answer(await timed(() => service.client().get('/healthz'))),
        answer(await timed(() => admin.get(`/api/workspaces/${workspace.id}`))),
        answer(await timed(() => track.event(`bulk-${2 * i}`, { name: 'seen', data: { i } }))),
      ]);
      await new Promise((r) => setTimeout(r, 5));
    }
    await job;
    // Many requests were answered while the job ran, each within a liveness bound (before: none
    // until the job ended, a minute later). Generous, for a slow shared machine: a request takes
    // several turns of the event loop, in this process for both the client and the service.
    expect(Math.max(...latencies)).toBeLessThan(2000);
    // Queued while the workspace revalidated; once it is ready (the job may have ended a round or
    // two before the loop saw it), applied at once.
    const queuedRounds = rounds.findIndex(([, , event]) => event!.status !== 202);
    expect(queuedRounds === -1 ? rounds.length : queuedRounds).toBeGreaterThan(5);
    for (const [i, [health, ws, event]] of rounds.entries()) {
      expect(health).toEqual({ status: 200, body: { status: 'ok' } });
      expect(ws!.status).toBe(200);
      if (queuedRounds === -1 || i < queuedRounds) expect(event).toEqual(queued);
      else expect(event!.status).toBe(200); // Customer.io's 200 {} (issue #23; was 201)
    }
    expect(await processingState(admin, workspace.id)).toBe('ready');
    const [row] = await queryRows<{ people: number; emails: number }>(
      service.ctx.db,
      sql`SELECT count(*)::int AS people, count(DISTINCT lower(email))::int AS emails
          FROM people WHERE workspace_id = ${workspace.id}`,
    );
    expect(row).toEqual({ people: groups, emails: groups });
    // The calls queued meanwhile were applied, in order, to the survivors.
    expect(await eventOrder(workspace.id)).toEqual(range(rounds.length));
  }, 180_000);
});

describe('Track API calls queued during revalidation are applied exactly once, in arrival order', () => {
  test('across several changes of identifiers, with two processes draining at once', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const sibling = await service.sibling();
    try {
      const key = await trackKey(admin, workspace.id);
      const tracks = [trackOn(service, key), trackOn(sibling, key)];
      expect((await tracks[0]!.identify('counter', { email: 'counter@example.com' })).status).toBe(200);
      let i = 0;
      for (const email of [false, true, false, true]) {
        await changeIdentifiers(admin, workspace.id, { email, id: true });
        for (let k = 0; k < 40; k++, i++) {
          // Arriving through either process.
          const track = tracks[i % 2]!;
          expect(answer(await track.event('counter', { name: 'tick', data: { i } }))).toEqual(queued);
          expect(answer(await track.identify('counter', { n: i }))).toEqual(queued);
        }
      }
      // Each process's worker takes a revalidation job: four jobs, two at a time.
      await Promise.all([service.worker.runUntilIdle(), sibling.worker.runUntilIdle()]);
      expect(await processingState(admin, workspace.id)).toBe('ready');
      expect(await eventOrder(workspace.id)).toEqual(range(i));
      const counter = (await admin.get(`/api/workspaces/${workspace.id}/people?id=counter`)).body.items;
      expect(counter).toHaveLength(1);
      expect(counter[0].attributes.n).toBe(i - 1);
      const [left] = await queryRows<{ n: number }>(
        service.ctx.db,
        sql`SELECT count(*)::int AS n FROM track_queue WHERE workspace_id = ${workspace.id}`,
      );
      expect(left!.n).toBe(0);
    } finally {
      await sibling.app.close();
    }
  }, 120_000);

  test('a drainer killed mid-transaction, and one whose lease ran out while another took over, apply each call once', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const sibling = await service.sibling();
    const db = service.ctx.db;
    try {
      const track = trackOn(service, await trackKey(admin, workspace.id));
      expect((await track.identify('counter', {})).status).toBe(200);
      await changeIdentifiers(admin, workspace.id, { email: false, id: true });
      const calls = 400;
      for (let i = 0; i < calls; i++) {
        const name = i === 75 ? 'boom' : 'tick';
        expect(answer(await track.event('counter', { name, data: { i } }))).toEqual(queued);
      }
      // The first 'boom' event stored fails its transaction, as a process killed there would: after
      // some calls were committed, and others applied in that transaction.
      await db.execute(sql`CREATE SEQUENCE boom_once`);
      await db.execute(sql`CREATE FUNCTION boom_once() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF nextval('boom_once') = 1 THEN RAISE EXCEPTION 'killed mid-drain'; END IF;
          RETURN NEW;
        END $$`);
      await db.execute(sql`CREATE TRIGGER boom_once BEFORE INSERT ON events
        FOR EACH ROW WHEN (NEW.name = 'boom') EXECUTE FUNCTION boom_once()`);
      try {
        await service.worker.runUntilIdle();
      } finally {
        await db.execute(sql`DROP TRIGGER boom_once ON events`);
        await db.execute(sql`DROP FUNCTION boom_once()`);
        await db.execute(sql`DROP SEQUENCE boom_once`);
      }
      // Whole transactions before the one killed are kept, each call once; none after.
      const kept = await eventOrder(workspace.id);
      expect(kept).toEqual(range(kept.length));
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length).toBeLessThanOrEqual(75);
      const [left] = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM track_queue WHERE workspace_id = ${workspace.id}`,
      );
      expect(left!.n).toBe(calls - kept.length);
      expect(await processingState(admin, workspace.id)).toBe('revalidating');

      // The job is retried (after its backoff) by this process's worker; once it has applied some
      // calls its lease runs out, and the other process's worker takes the job over while the
      // first is still draining.
      service.clock.advance(5_000);
      const first = service.worker.runOne();
      for (const deadline = Date.now() + 60_000; (await eventOrder(workspace.id)).length <= kept.length; ) {
        if (Date.now() > deadline) throw new Error('the first drainer never applied a call');
        await new Promise((r) => setTimeout(r, 5));
      }
      // (Should the first renew its lease just before, the lease runs out again.)
      let tookOver = false;
      for (let tries = 0; !tookOver && tries < 10; tries++) {
        service.clock.advance(61_000);
        tookOver = await sibling.worker.runOne();
      }
      expect(tookOver).toBe(true);
      expect(await first).toBe(true);
      expect(await processingState(admin, workspace.id)).toBe('ready');
      expect(await eventOrder(workspace.id)).toEqual(range(calls));
    } finally {
      await sibling.app.close();
    }
  }, 120_000);

  test(`a drain that dies after each of its transactions still finishes: a job that moves is not given up after ${MAX_ATTEMPTS} deaths`, async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const db = service.ctx.db;
    const track = trackOn(service, await trackKey(admin, workspace.id));
    expect((await track.identify('counter', {})).status).toBe(200);
    await changeIdentifiers(admin, workspace.id, { email: false, id: true });
    const calls = 200; // 10 transactions of 20, so 10 runs
    for (let i = 0; i < calls; i++)
      expect(answer(await track.event('counter', { name: 'tick', data: { i } }))).toEqual(queued);
    // A sequence is not rolled back: every 21st event stored fails its transaction, so each run
    // commits one transaction of 20 calls and dies in the next.
    await db.execute(sql`CREATE SEQUENCE die_every_21`);
    await db.execute(sql`CREATE FUNCTION die_every_21() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF nextval('die_every_21') % 21 = 0 THEN RAISE EXCEPTION 'killed after a transaction'; END IF;
        RETURN NEW;
      END $$`);
    await db.execute(sql`CREATE TRIGGER die_every_21 BEFORE INSERT ON events
      FOR EACH ROW EXECUTE FUNCTION die_every_21()`);
    try {
      for (
        let run = 0;
        run < 3 * MAX_ATTEMPTS && (await processingState(admin, workspace.id)) !== 'ready';
        run++
      ) {
        service.clock.advance(10 * 60_000); // past the retry's backoff
        await service.worker.runOne();
      }
    } finally {
      await db.execute(sql`DROP TRIGGER die_every_21 ON events`);
      await db.execute(sql`DROP FUNCTION die_every_21()`);
      await db.execute(sql`DROP SEQUENCE die_every_21`);
    }
    expect(await processingState(admin, workspace.id)).toBe('ready');
    expect(await eventOrder(workspace.id)).toEqual(range(calls));
  }, 120_000);
});
