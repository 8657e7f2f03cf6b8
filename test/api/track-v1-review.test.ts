import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { namedByOperations, refusalOf } from '../../src/features/track/apply.js';
import type { TrackOperation } from '../../src/features/track/operations.js';
import { startService, type TestService } from '../support/service.js';
import { expectTrackProblem, ok, setUpTrack } from '../support/track-v1.js';

// The v1 Track API after the review of issue #23: times PostgreSQL cannot store, idempotent
// deletes, loose input, and what a queued operation keeps of the time it was received.

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const setUp = (options: { email?: boolean } = {}) => setUpTrack(service, options);
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(service.ctx.db, query);

describe('Unix times', () => {
  test('a time in milliseconds, past year 9999 or before 1970 is a 400 naming the field, and nothing is written', async () => {
    const { workspace, track } = await setUp();
    await track.identify('ada', {});
    const ms = await track.event('ada', { name: 'a', timestamp: 1796356892244 });
    expectTrackProblem(ms, 400, 'invalid');
    expect(ms.body.detail).toMatch(/timestamp must be a Unix timestamp in seconds/);
    const device = await track.addDevice('ada', { id: 'tok', platform: 'ios', last_used: 253402300800 });
    expectTrackProblem(device, 400, 'invalid');
    expect(device.body.detail).toMatch(/device\.last_used/);
    const anonymous = await track.anonymous({ name: 'a', anonymous_id: 'x', timestamp: -62135596801 });
    expectTrackProblem(anonymous, 400, 'invalid');
    expect(await rows(sql`SELECT id FROM events WHERE workspace_id = ${workspace.id}`)).toEqual([]);
    expect(await rows(sql`SELECT token FROM devices WHERE workspace_id = ${workspace.id}`)).toEqual([]);
    // The last second of year 9999 is a time.
    ok(await track.event('ada', { name: 'late', timestamp: 253402300799 }));
  });

  test('queued while revalidating, a bad time is refused at once and the queue drains', async () => {
    const { admin, workspace, track } = await setUp();
    await track.identify('ada', {});
    await admin.patch(`/api/workspaces/${workspace.id}/settings`, {
      identifiers: { email: false, id: true },
    });
    expectTrackProblem(await track.event('ada', { name: 'a', timestamp: 1796356892244 }), 400, 'invalid');
    expect((await track.event('ada', { name: 'b' })).status).toBe(202);
    await service.worker.runUntilIdle();
    expect(await rows(sql`SELECT name FROM events WHERE workspace_id = ${workspace.id}`)).toEqual([
      { name: 'b' },
    ]);
    const [ws] = await rows<{ state: string }>(
      sql`SELECT processing_state AS state FROM workspaces WHERE id = ${workspace.id}`,
    );
    expect(ws?.state).not.toBe('revalidating');
  });

  test("PostgreSQL's data exceptions and integrity violations are one operation's refusal; other errors are not", async () => {
    const failure = async (query: ReturnType<typeof sql>) => {
      try {
        await service.ctx.db.execute(query);
      } catch (error) {
        return error;
      }
      throw new Error('expected the query to fail');
    };
    const op: TrackOperation = {
      type: 'object',
      action: 'delete',
      object: { typeId: 'ot_x', objectId: '1' },
    };
    const outOfRange = await failure(sql`SELECT 'infinity-and-beyond'::timestamptz`);
    expect(refusalOf(op, outOfRange)?.status).toBe(400);
    const divided = await failure(sql`SELECT 1/0`);
    expect(refusalOf(op, divided)?.status).toBe(400); // 22012, division by zero: a data exception
    const notNull = await failure(sql`INSERT INTO workspaces (id) VALUES (NULL)`);
    const refusal = refusalOf(op, notNull);
    expect(refusal?.status).toBe(409);
    expect(refusal?.detail).not.toMatch(/person/i); // an object's conflict names no person
    expect(refusalOf(op, await failure(sql`SELECT * FROM no_such_table`))).toBeUndefined();
  });
});

describe('what the gate locks', () => {
  test('segment operations and object relationships name no one to lock: 1,000 ids would stall the workspace', () => {
    const people = Array.from({ length: 1000 }, (_, i) => ({ id: `p${i}` }));
    const named = namedByOperations([
      { type: 'segment', action: 'add_people', segmentId: 'res_x', people },
      {
        type: 'object',
        action: 'add_relationships',
        object: { typeId: 'ot_x', objectId: '1' },
        relationships: people.map((person) => ({ person, attributes: {} })),
      },
      {
        type: 'person',
        action: 'event',
        person: { path: 'ada@example.com' },
        event: { name: 'e', type: 'event', data: {} },
      },
    ]);
    expect(named).toEqual({ emails: ['ada@example.com'], ids: ['ada@example.com'], cioIds: [] });
  });
});

describe('loose input', () => {
  test('an event name blank or over 100 bytes, an anonymous event without anonymous_id nor recipient: 400', async () => {
    const { workspace, track } = await setUp();
    await track.identify('ada', {});
    expectTrackProblem(await track.event('ada', { name: '   ' }), 400, 'invalid');
    expectTrackProblem(await track.event('ada', { name: 7 }), 400);
    const long = await track.event('ada', { name: 'é'.repeat(51) }); // 102 bytes
    expectTrackProblem(long, 400, 'invalid');
    expect(long.body.detail).toMatch(/100 bytes/);
    const nobody = await track.anonymous({ name: 'invited' });
    expectTrackProblem(nobody, 400, 'invalid');
    expect(nobody.body.detail).toMatch(/recipient/);
    ok(await track.anonymous({ name: 'invited', data: { recipient: 'bo@example.com' } }));
    expect(await rows(sql`SELECT name FROM events WHERE workspace_id = ${workspace.id}`)).toEqual([]);
  });

  test('identify takes at most 300 attributes, names of 150 bytes and values of 1000, as v2', async () => {
    const { track } = await setUp();
    const many = Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`a${i}`, i]));
    expectTrackProblem(await track.identify('ada', many), 400, 'invalid');
    const value = await track.identify('ada', { plan: 'x'.repeat(1001) });
    expectTrackProblem(value, 400, 'invalid');
    expect(value.body.detail).toMatch(/1000 bytes/);
    expect((await track.identify('ada', { plan: 'x'.repeat(1000) })).status).toBe(200);
  });

  test('add_customers: a bogus id_type names the types; ids as a string is no list', async () => {
    const { admin, workspace, headers } = await setUp();
    const segment = await admin.post(`/api/workspaces/${workspace.id}/resources`, {
      kind: 'segment',
      name: 'Manual',
      body: { type: 'manual' },
    });
    const c = service.client();
    const add = (query: string, body: unknown) =>
      c.post(`/api/v1/segments/${segment.body.id}/add_customers${query}`, body, { headers });
    const bogus = await add('?id_type=bogus', { ids: ['a'] });
    expectTrackProblem(bogus, 400);
    expect(bogus.body.detail).toMatch(/id, email, cio_id/);
    expectTrackProblem(await add('', { ids: 'f5' }), 400, 'invalid');
  });
});

describe('queued operations', () => {
  test('are applied as at the time they were received: an event without timestamp, a device', async () => {
    const { admin, workspace, track } = await setUp();
    await track.identify('ada', {});
    await admin.patch(`/api/workspaces/${workspace.id}/settings`, {
      identifiers: { email: false, id: true },
    });
    const received = Date.now();
    expect((await track.event('ada', { name: 'then' })).status).toBe(202);
    expect((await track.addDevice('ada', { id: 'tok', platform: 'ios' })).status).toBe(202);
    service.clock.advance(86_400_000); // revalidation ends a day later
    await service.worker.runUntilIdle();
    const [event] = await rows<{ at: Date }>(
      sql`SELECT created_at AS at FROM events WHERE workspace_id = ${workspace.id}`,
    );
    const [device] = await rows<{ at: Date }>(
      sql`SELECT created_at AS at FROM devices WHERE workspace_id = ${workspace.id}`,
    );
    for (const at of [event?.at, device?.at])
      expect(Math.abs(new Date(at!).getTime() - received)).toBeLessThan(60_000);
  });
});

describe('the queue’s stored operations', () => {
  test('carry a version; rows without one (queued before) still drain as version 1', async () => {
    const { admin, workspace, track } = await setUp();
    await track.identify('ada', {});
    await admin.patch(`/api/workspaces/${workspace.id}/settings`, {
      identifiers: { email: false, id: true },
    });
    expect((await track.event('ada', { name: 'versioned' })).status).toBe(202);
    const [stored] = await rows<{ op: { version: number; operation: { type: string } } }>(
      sql`SELECT op FROM track_queue WHERE workspace_id = ${workspace.id}`,
    );
    expect(stored?.op).toMatchObject({ version: 1, operation: { type: 'person', action: 'event' } });
    const unversioned = {
      type: 'person',
      action: 'event',
      person: { path: 'ada' },
      event: { name: 'old', type: 'event', data: {} },
    };
    await service.ctx.db.execute(
      sql`INSERT INTO track_queue (workspace_id, op, received_at) VALUES (${workspace.id}, ${JSON.stringify(unversioned)}::jsonb, now())`,
    );
    await service.worker.runUntilIdle();
    const names = await rows<{ name: string }>(
      sql`SELECT name FROM events WHERE workspace_id = ${workspace.id} ORDER BY name`,
    );
    expect(names).toEqual([{ name: 'old' }, { name: 'versioned' }]);
  });
});
