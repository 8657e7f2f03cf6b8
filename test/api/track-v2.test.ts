import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { expectProblem } from '../support/client.js';
import { startService, type TestService } from '../support/service.js';
import {
  createObjectType,
  objectsOf,
  personById,
  relationshipsOf,
  workspaceWithV2,
} from '../support/track-v2.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

type Op = Record<string, unknown>;

const identify = (id: string, attributes: Op = {}, more: Op = {}): Op => ({
  type: 'person',
  action: 'identify',
  identifiers: { id },
  attributes,
  ...more,
});

async function eventsOf(workspaceId: string, cioId: string) {
  return queryRows<{ name: string; data: Record<string, unknown> }>(
    service.ctx.db,
    sql`SELECT name, data FROM events WHERE workspace_id = ${workspaceId} AND cio_id = ${cioId} ORDER BY id`,
  );
}

describe('Track API v2: requests', () => {
  test('needs a Track API key', async () => {
    const none = service.client();
    expect((await none.post('/api/v2/entity', identify('x'))).status).toBe(401);
    expect((await none.post('/api/v2/batch', { batch: [] })).status).toBe(401);
  });

  test('a request too large, or not a batch, is refused whole with a problem carrying meta.error', async () => {
    const { track } = await workspaceWithV2(service);
    // A batch must be smaller than 500 KB.
    const big = Array.from({ length: 100 }, (_, i) => identify(`p${i}`, { note: 'x'.repeat(5200) }));
    const tooBig = await track.batch(big);
    expectProblem(tooBig, 413, 'payload_too_large');
    expect(tooBig.body.detail).toContain(`${500 * 1024 - 1} bytes`);
    expect(tooBig.body.meta.error).toBe(tooBig.body.detail);
    // An entity request is at most 32 KB.
    const entity = await track.entity(identify('p', { a: 'x'.repeat(900), b: 'y'.repeat(32 * 1024) }));
    expectProblem(entity, 413, 'payload_too_large');
    for (const body of ['{}', '{"batch":{}}', '{"batch":"x"}', '{"batch":null}', '[]', '']) {
      const refused = await track.raw('/api/v2/batch', body);
      expectProblem(refused, 400, 'invalid');
      expect(refused.body.meta.error).toEqual(expect.any(String));
    }
    expectProblem(await track.raw('/api/v2/entity', '[1]'), 400, 'invalid');
    expectProblem(await track.raw('/api/v2/batch', '{"batch":['), 400, 'invalid_json');
  });

  test('each limit refuses its operation with Customer.io’s words, by batch_index (207)', async () => {
    const { track } = await workspaceWithV2(service);
    const attrs = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`a${i}`, i]));
    const cases: [Op | unknown, Record<string, unknown>][] = [
      [
        identify('a', attrs(301)),
        {
          reason: 'too_many',
          field: 'attributes',
          message: 'cannot identify more than 300 attributes in one request',
        },
      ],
      [
        identify('a', { ['n'.repeat(151)]: 1 }),
        { reason: 'too_long', message: 'attribute name cannot be longer than 150 bytes' },
      ],
      [
        identify('a', { plan: 'é'.repeat(501) }),
        {
          reason: 'too_long',
          field: 'attributes.plan',
          message: "value for attribute 'plan' cannot be longer than 1000 bytes",
        },
      ],
      [
        { type: 'person', action: 'event', identifiers: { id: 'a' }, name: 'e'.repeat(101) },
        { reason: 'too_long', field: 'name', message: 'event name cannot be longer than 100 bytes' },
      ],
      [
        { type: 'person', action: 'event', identifiers: { id: 'a' }, name: ' ' },
        { reason: 'required', field: 'name', message: 'event name must not be blank' },
      ],
      [
        { type: 'person', action: 'event', identifiers: { id: 'a' }, name: 'e', attributes: 'x' },
        {
          reason: 'invalid',
          field: 'attributes',
          message: expect.stringContaining('event data must be a hash'),
        },
      ],
      [
        identify('a', Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'v'.repeat(900)]))),
        { reason: 'too_large', field: '', message: 'an operation cannot be larger than 32 KB' },
      ],
      [
        { type: 'person', action: 'identify', identifiers: { id: 42 } },
        { reason: 'invalid', field: 'identifiers.id', message: 'identifiers.id must be a string value' },
      ],
      [
        { type: 'person', action: 'identify', identifiers: { id: '' } },
        { reason: 'required', field: 'identifiers.id', message: 'identifiers.id cannot be an empty string' },
      ],
      [
        { type: 'person', action: 'identify', identifiers: { id: 'a', email: 'a@example.com' } },
        { reason: 'invalid', field: 'identifiers' },
      ],
      [
        { type: 'person', action: 'identify' },
        { reason: 'required', field: 'identifiers' },
      ],
      [
        { type: 'person', action: 'fly', identifiers: { id: 'a' } },
        { reason: 'invalid', field: 'action' },
      ],
      [
        { type: 'company', action: 'identify' },
        { reason: 'invalid', field: 'type' },
      ],
      [
        { type: 'delivery', action: 'opened' },
        { reason: 'unsupported', field: 'action' },
      ],
      [
        {
          type: 'object',
          action: 'identify_anonymous',
          identifiers: { object_type_id: '1', object_id: 'o' },
        },
        { reason: 'unsupported', field: 'action' },
      ],
      ['nope', { reason: 'invalid', field: '' }],
      [
        { type: 'object', action: 'identify', identifiers: { object_type_id: '1' } },
        { reason: 'invalid', field: 'identifiers.object_id' },
      ],
      [
        { type: 'object', action: 'add_relationships', identifiers: { object_type_id: '1', object_id: 'o' } },
        { reason: 'required', field: 'cio_relationships' },
      ],
      [
        {
          type: 'person',
          action: 'add_relationships',
          identifiers: { id: 'a' },
          cio_relationships: [{ identifiers: { object_type_id: '1' } }],
        },
        { reason: 'invalid', field: 'cio_relationships[0].identifiers.object_id' },
      ],
      [
        { type: 'person', action: 'add_device', identifiers: { id: 'a' }, device: { platform: 'ios' } },
        { reason: 'invalid', field: 'device.token' },
      ],
      [
        { type: 'person', action: 'merge', primary: { id: 'a' } },
        { reason: 'required', field: 'secondary' },
      ],
    ];
    const answer = await track.batch(cases.map(([op]) => op));
    expect(answer.status).toBe(207);
    expect(answer.body.errors).toHaveLength(cases.length);
    for (const [i, [, expected]] of cases.entries())
      expect(answer.body.errors[i]).toEqual({
        batch_index: i,
        field: expect.any(String),
        message: expect.any(String),
        ...expected,
      });
  });

  test('text the database cannot store (NUL, half a surrogate pair) is never a 500', async () => {
    const { admin, workspace, track } = await workspaceWithV2(service);
    await createObjectType(admin, workspace.id, 'Things');
    for (const bad of ['a\u0000b', '\ud800']) {
      const objectOp = `{"type":"object","action":"identify","identifiers":{"object_type_id":"1","object_id":"o"},"attributes":{"k":"${bad}"}}`;
      const personOp = `{"type":"person","action":"identify","identifiers":{"id":"p"},"attributes":{"k":"${bad}"}}`;
      for (const [path, body] of [
        ['/api/v2/batch', `{"batch":[${objectOp}]}`],
        ['/api/v2/batch', `{"batch":[${personOp}]}`],
        ['/api/v2/entity', objectOp],
      ] as const) {
        const answer = await track.raw(path, body);
        expect(answer.status, `${path} ${body}`).toBeLessThan(500);
        if (bad.includes('u0000')) expect(answer.body.meta.error).toContain('NUL');
      }
    }
  });

  test('an entity refused lists its error beside the problem and meta.error', async () => {
    const { track } = await workspaceWithV2(service);
    const refused = await track.entity({
      type: 'person',
      action: 'event',
      identifiers: { id: 'a' },
      name: '',
    });
    expectProblem(refused, 400, 'invalid');
    expect(refused.body.meta).toEqual({ error: 'event name must not be blank' });
    expect(refused.body.errors).toEqual([
      { path: '/name', reason: 'required', field: 'name', message: 'event name must not be blank' },
    ]);
  });
});

describe('Track API v2: people', () => {
  test('every person action, applied in order; entity and batch answer 200 {}', async () => {
    const { admin, workspace, track } = await workspaceWithV2(service);
    const ok = await track.entity(identify('ada', { email: 'ada@example.com', plan: 'free' }));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({});
    const done = await track.batch([
      identify('ada', { plan: 'pro', city: 'London' }),
      identify('ada', { city: null }),
      { type: 'person', action: 'event', identifiers: { id: 'ada' }, name: 'purchase', attributes: { n: 1 } },
      {
        type: 'person',
        action: 'page',
        identifiers: { email: 'ada@example.com' },
        name: 'https://example.com/a',
      },
      {
        type: 'person',
        action: 'screen',
        identifiers: { id: 'ada' },
        name: 'Home',
        timestamp: 1_700_000_000,
      },
      {
        type: 'person',
        action: 'add_device',
        identifiers: { id: 'ada' },
        device: { token: 'tok-1', platform: 'ios', last_used: 1_700_000_000, attributes: { app: '1.0' } },
      },
      { type: 'person', action: 'delete_device', identifiers: { id: 'ada' }, device: { token: 'tok-1' } },
      identify('grace', { plan: 'team' }),
      identify('gone'),
      { type: 'person', action: 'delete', identifiers: { id: 'gone' } },
    ]);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toEqual({});
    const ada = await personById(admin, workspace.id, 'ada');
    expect(ada?.attributes).toMatchObject({ plan: 'pro' });
    expect(ada?.attributes).not.toHaveProperty('city');
    expect((await eventsOf(workspace.id, ada!.cioId)).map((e) => e.name)).toEqual(
      expect.arrayContaining(['purchase', 'https://example.com/a', 'Home']),
    );
    expect(await personById(admin, workspace.id, 'grace')).toBeDefined();
    expect(await personById(admin, workspace.id, 'gone')).toBeUndefined();
  });

  test('devices and anonymous events', async () => {
    const { admin, workspace, track } = await workspaceWithV2(service);
    const answer = await track.batch([
      { type: 'person', action: 'event', identifiers: { anonymous_id: 'anon-1' }, name: 'visited' },
      {
        type: 'person',
        action: 'page',
        identifiers: { anonymous_id: 'anon-1' },
        name: 'https://example.com/',
      },
      identify('dev', { anonymous_id: 'anon-1' }),
      {
        type: 'person',
        action: 'add_device',
        identifiers: { id: 'dev' },
        device: { token: 'tok-a', platform: 'android', attributes: { app_version: '2.1' } },
      },
      {
        type: 'person',
        action: 'add_device',
        identifiers: { id: 'dev' },
        device: { token: 'tok-b', platform: 'ios' },
      },
      { type: 'person', action: 'delete_device', identifiers: { id: 'dev' }, device: { token: 'tok-b' } },
    ]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const dev = (await personById(admin, workspace.id, 'dev'))!;
    expect((await eventsOf(workspace.id, dev.cioId)).map((e) => e.name).sort()).toEqual([
      'https://example.com/',
      'visited',
    ]);
    const devices = await queryRows<{ token: string; platform: string; attributes: Record<string, unknown> }>(
      service.ctx.db,
      sql`SELECT token, platform, attributes FROM devices WHERE workspace_id = ${workspace.id} AND cio_id = ${dev.cioId}`,
    );
    expect(devices).toEqual([{ token: 'tok-a', platform: 'android', attributes: { app_version: '2.1' } }]);
  });

  test('suppress deletes and ignores identify until unsuppress', async () => {
    const { admin, workspace, track } = await workspaceWithV2(service);
    const answer = await track.batch([
      identify('sam'),
      { type: 'person', action: 'suppress', identifiers: { id: 'sam' } },
      identify('sam', { back: true }),
    ]);
    expect(answer.status).toBe(200);
    expect((await track.batch([identify('sam', { again: true })])).status).toBe(200);
    expect(await personById(admin, workspace.id, 'sam')).toBeUndefined();
    await track.batch([
      { type: 'person', action: 'unsuppress', identifiers: { id: 'sam' } },
      identify('sam'),
    ]);
    expect(await personById(admin, workspace.id, 'sam')).toBeDefined();
  });

  test('order within a batch: later operations see earlier ones', async () => {
    const { admin, workspace, track } = await workspaceWithV2(service);
    await track.batch([
      identify('o1', { step: 1 }),
      identify('o1', { step: 2 }),
      { type: 'person', action: 'delete', identifiers: { id: 'o1' } },
      identify('o1', { step: 3 }),
      identify('o2', { step: 1 }),
      { type: 'person', action: 'delete', identifiers: { id: 'o2' } },
    ]);
    expect((await personById(admin, workspace.id, 'o1'))?.attributes).toEqual({ step: 3 });
    expect(await personById(admin, workspace.id, 'o2')).toBeUndefined();
  });

  test('partial failure keeps the good operations and reports the bad ones by batch_index', async () => {
    const { admin, workspace, track } = await workspaceWithV2(service);
    const answer = await track.batch([
      identify('p1', { email: 'taken@example.com' }),
      { type: 'person', action: 'event', identifiers: { id: 'p1' }, name: '' },
      identify('p2', { ok: true }),
      // The email belongs to p1: the identifier rules refuse it (409 identifier_taken).
      identify('p3', { email: 'taken@example.com' }),
      identify('p4'),
    ]);
    expect(answer.status).toBe(207);
    expect(answer.body.errors.map((e: { batch_index: number }) => e.batch_index)).toEqual([1, 3]);
    expect(answer.body.errors[1]).toEqual({
      batch_index: 3,
      reason: 'identifier_taken',
      field: 'identifiers',
      message: expect.any(String),
    });
    for (const id of ['p1', 'p2', 'p4']) expect(await personById(admin, workspace.id, id)).toBeDefined();
    expect(await personById(admin, workspace.id, 'p3')).toBeUndefined();
  });

  test('identifier rules: an identifier the workspace does not use is refused', async () => {
    const { admin, workspace, track } = await workspaceWithV2(service);
    await admin.patch(`/api/workspaces/${workspace.id}/settings`, {
      identifiers: { email: false, id: true },
    });
    await service.worker.runUntilIdle();
    const answer = await track.batch([
      { type: 'person', action: 'identify', identifiers: { email: 'e@example.com' }, attributes: {} },
      identify('fine'),
    ]);
    expect(answer.status).toBe(207);
    expect(answer.body.errors).toEqual([
      {
        batch_index: 0,
        reason: 'not_an_identifier',
        field: 'identifiers',
        message: expect.stringContaining('email'),
      },
    ]);
    const entity = await track.entity({
      type: 'person',
      action: 'delete',
      identifiers: { email: 'e@example.com' },
    });
    expectProblem(entity, 400, 'not_an_identifier');
    expect(entity.body.errors[0]).toMatchObject({ reason: 'not_an_identifier', field: 'identifiers' });
    expect(entity.body.meta.error).toContain('email');
  });

  test('queued while the workspace revalidates: accepted (200 {}), applied after, in order', async () => {
    const { admin, workspace, track } = await workspaceWithV2(service);
    const changed = await admin.patch(`/api/workspaces/${workspace.id}/settings`, {
      identifiers: { email: false, id: true },
    });
    expect(changed.body.processingState).toBe('revalidating');
    const teams = await createObjectType(admin, workspace.id, 'Teams');
    const answer = await track.batch([
      identify('q', { n: 1 }),
      identify('q', { n: 2 }),
      {
        type: 'object',
        action: 'identify',
        identifiers: { object_type_id: '1', object_id: 'red' },
        cio_relationships: [{ identifiers: { id: 'q' } }],
      },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({});
    expect(await personById(admin, workspace.id, 'q')).toBeUndefined();
    expect(await objectsOf(admin, workspace.id, teams)).toEqual([]);
    await service.worker.runUntilIdle();
    const q = (await personById(admin, workspace.id, 'q'))!;
    expect(q.attributes).toEqual({ n: 2 });
    const [red] = await objectsOf(admin, workspace.id, teams);
    expect(red?.objectId).toBe('red');
    expect((await relationshipsOf(admin, workspace.id, `cioId=${q.cioId}`)).map((r) => r.objectId)).toEqual([
      red!.id,
    ]);
  });
});
