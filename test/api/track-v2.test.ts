import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MASK } from '../../src/access/masking.js';
import { queryRows } from '../../src/db/connection.js';
import { type Client, expectProblem } from '../support/client.js';
import { addMember } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

type Op = Record<string, unknown>;

/** A Track API v2 client of one workspace (HTTP Basic site_id:api_key). */
function v2Client(siteId: string, apiKey: string) {
  const authorization = `Basic ${Buffer.from(`${siteId}:${apiKey}`).toString('base64')}`;
  const c = service.client();
  return {
    entity: (op: unknown) => c.post('/api/v2/entity', op, { headers: { authorization } }),
    batch: (batch: unknown[]) => c.post('/api/v2/batch', { batch }, { headers: { authorization } }),
    raw: (path: string, text: string) =>
      c.post(path, undefined, { raw: text, headers: { authorization, 'content-type': 'application/json' } }),
  };
}

async function workspaceWithV2() {
  const admin = service.client();
  const { workspace } = await admin.signup();
  const key = (await admin.post(`/api/workspaces/${workspace.id}/api-keys`, { kind: 'track' })).body;
  return { admin, workspace, track: v2Client(key.siteId, key.apiKey) };
}

const identify = (id: string, attributes: Op = {}, more: Op = {}): Op => ({
  type: 'person',
  action: 'identify',
  identifiers: { id },
  attributes,
  ...more,
});

async function personById(admin: Client, workspaceId: string, id: string) {
  const items = (await admin.get(`/api/workspaces/${workspaceId}/people?id=${encodeURIComponent(id)}`)).body
    .items as { cioId: string; attributes: Record<string, unknown>; email: string | null }[];
  return items[0];
}

async function eventsOf(workspaceId: string, cioId: string) {
  return queryRows<{ name: string; data: Record<string, unknown> }>(
    service.ctx.db,
    sql`SELECT name, data FROM events WHERE workspace_id = ${workspaceId} AND cio_id = ${cioId} ORDER BY id`,
  );
}

async function objectType(admin: Client, workspaceId: string, name: string): Promise<string> {
  const created = await admin.post(`/api/workspaces/${workspaceId}/object-types`, { name });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

async function objectsOf(admin: Client, workspaceId: string, typeId: string) {
  return (await admin.get(`/api/workspaces/${workspaceId}/objects?typeId=${typeId}`)).body.items as {
    id: string;
    objectId: string;
    attributes: Record<string, unknown>;
    createdBy: string;
  }[];
}

const relationshipsOf = async (admin: Client, workspaceId: string, query: string) =>
  (await admin.get(`/api/workspaces/${workspaceId}/relationships?${query}`)).body.items as {
    objectId: string;
    cioId: string;
    attributes: Record<string, unknown>;
  }[];

describe('Track API v2: requests', () => {
  test('needs a Track API key', async () => {
    const none = service.client();
    expect((await none.post('/api/v2/entity', identify('x'))).status).toBe(401);
    expect((await none.post('/api/v2/batch', { batch: [] })).status).toBe(401);
  });

  test('a request too large, or not a batch, is refused whole with a problem carrying meta.error', async () => {
    const { track } = await workspaceWithV2();
    // A batch must be smaller than 500 KB.
    const big = Array.from({ length: 100 }, (_, i) => identify(`p${i}`, { note: 'x'.repeat(5200) }));
    const tooBig = await track.batch(big);
    expectProblem(tooBig, 413, 'payload_too_large');
    expect(tooBig.body.detail).toContain(`${500 * 1024 - 1} bytes`);
    expect(tooBig.body.meta.error).toBe(tooBig.body.detail);
    // An entity request is at most 32 KB.
    const entity = await track.entity(identify('p', { a: 'x'.repeat(900), b: 'y'.repeat(32 * 1024) }));
    expectProblem(entity, 413, 'payload_too_large');
    for (const body of ['{}', '{"batch":{}}', '[]']) {
      const refused = await track.raw('/api/v2/batch', body);
      expectProblem(refused, 400, 'invalid');
      expect(refused.body.meta.error).toEqual(expect.any(String));
    }
    expectProblem(await track.raw('/api/v2/entity', '[1]'), 400, 'invalid');
    expectProblem(await track.raw('/api/v2/batch', '{"batch":['), 400, 'invalid_json');
  });

  test('each limit refuses its operation with Customer.io’s words, by batch_index (207)', async () => {
    const { track } = await workspaceWithV2();
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
        { reason: 'unsupported', field: 'type' },
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
    const { admin, workspace, track } = await workspaceWithV2();
    await objectType(admin, workspace.id, 'Things');
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
    const { track } = await workspaceWithV2();
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
    const { admin, workspace, track } = await workspaceWithV2();
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
    const { admin, workspace, track } = await workspaceWithV2();
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
    const { admin, workspace, track } = await workspaceWithV2();
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
    const { admin, workspace, track } = await workspaceWithV2();
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
    const { admin, workspace, track } = await workspaceWithV2();
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
    const { admin, workspace, track } = await workspaceWithV2();
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
    const { admin, workspace, track } = await workspaceWithV2();
    const changed = await admin.patch(`/api/workspaces/${workspace.id}/settings`, {
      identifiers: { email: false, id: true },
    });
    expect(changed.body.processingState).toBe('revalidating');
    const teams = await objectType(admin, workspace.id, 'Teams');
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

describe('Track API v2: objects and relationships', () => {
  test('identify creates or merges an object by its type’s number or id; relationships both ways; delete', async () => {
    const { admin, workspace, track } = await workspaceWithV2();
    const companies = await objectType(admin, workspace.id, 'Companies');
    const courses = await objectType(admin, workspace.id, 'Courses');
    await track.batch([identify('ada'), identify('grace')]);
    const ada = (await personById(admin, workspace.id, 'ada'))!;
    const grace = (await personById(admin, workspace.id, 'grace'))!;

    const answer = await track.batch([
      {
        type: 'object',
        action: 'identify',
        identifiers: { object_type_id: '1', object_id: 'acme' },
        attributes: { name: 'Acme', plan: 'pro' },
        cio_relationships: [{ identifiers: { id: 'ada' }, relationship_attributes: { role: 'admin' } }],
        created_at: 1_700_000_000,
      },
      {
        type: 'object',
        action: 'identify',
        identifiers: { object_type_id: companies, object_id: 'acme' },
        attributes: { plan: null, size: 10 },
      },
      { type: 'object', action: 'identify', identifiers: { object_type_id: 2, object_id: 'math' } },
      {
        type: 'person',
        action: 'add_relationships',
        identifiers: { id: 'grace' },
        cio_relationships: [
          { identifiers: { object_type_id: '1', object_id: 'acme' } },
          {
            identifiers: { object_type_id: '2', object_id: 'physics' },
            relationship_attributes: { grade: 'A' },
          },
        ],
      },
      identify(
        'ada',
        {},
        {
          cio_relationships: [{ identifiers: { object_type_id: '2', object_id: 'math' } }],
        },
      ),
    ]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const [acme] = await objectsOf(admin, workspace.id, companies);
    expect(acme).toMatchObject({
      objectId: 'acme',
      attributes: { name: 'Acme', size: 10 },
      createdBy: 'Track API',
    });
    expect(acme!.attributes).not.toHaveProperty('plan');
    const courseObjects = await objectsOf(admin, workspace.id, courses);
    expect(courseObjects.map((o) => o.objectId).sort()).toEqual(['math', 'physics']);
    const physics = courseObjects.find((o) => o.objectId === 'physics')!;
    const math = courseObjects.find((o) => o.objectId === 'math')!;

    expect(await relationshipsOf(admin, workspace.id, `objectId=${acme!.id}`)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ cioId: ada.cioId, attributes: { role: 'admin' } }),
        expect.objectContaining({ cioId: grace.cioId, attributes: {} }),
      ]),
    );
    expect(await relationshipsOf(admin, workspace.id, `cioId=${grace.cioId}`)).toHaveLength(2);
    expect(
      (await relationshipsOf(admin, workspace.id, `cioId=${ada.cioId}`)).map((r) => r.objectId).sort(),
    ).toEqual([acme!.id, math.id].sort());

    // Removing relationships, from either side; deleting the object takes its relationships.
    const removed = await track.batch([
      {
        type: 'person',
        action: 'delete_relationships',
        identifiers: { id: 'grace' },
        cio_relationships: [{ identifiers: { object_type_id: '2', object_id: 'physics' } }],
      },
      {
        type: 'object',
        action: 'delete_relationships',
        identifiers: { object_type_id: '1', object_id: 'acme' },
        cio_relationships: [{ identifiers: { id: 'ada' } }],
      },
      { type: 'object', action: 'delete', identifiers: { object_type_id: '2', object_id: 'math' } },
      { type: 'object', action: 'delete', identifiers: { object_type_id: '2', object_id: 'never-was' } },
    ]);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(await relationshipsOf(admin, workspace.id, `objectId=${physics.id}`)).toEqual([]);
    expect((await relationshipsOf(admin, workspace.id, `objectId=${acme!.id}`)).map((r) => r.cioId)).toEqual([
      grace.cioId,
    ]);
    expect((await objectsOf(admin, workspace.id, courses)).map((o) => o.objectId)).toEqual(['physics']);
    expect(await relationshipsOf(admin, workspace.id, `cioId=${ada.cioId}`)).toEqual([]);

    // The console's log shows what the Track API did, in the same entries as the console's own.
    const log = (await admin.get(`/api/workspaces/${workspace.id}/activity`)).body.items as {
      action: string;
    }[];
    for (const action of [
      'object.created',
      'object.updated',
      'object.deleted',
      'relationship.created',
      'relationship.deleted',
    ])
      expect(log.map((e) => e.action)).toContain(action);
  });

  test('object type numbers: creation order, kept for good; unknown types and people refused clearly', async () => {
    const { admin, workspace, track } = await workspaceWithV2();
    const first = await objectType(admin, workspace.id, 'First');
    const second = await objectType(admin, workspace.id, 'Second');
    expect(
      (
        await track.entity({
          type: 'object',
          action: 'identify',
          identifiers: { object_type_id: '2', object_id: 'x' },
        })
      ).status,
    ).toBe(200);
    expect((await objectsOf(admin, workspace.id, second)).map((o) => o.objectId)).toEqual(['x']);
    // The first type goes; a third comes: it is number 3, and 1 names nothing.
    expect((await admin.delete(`/api/workspaces/${workspace.id}/object-types/${first}`)).status).toBe(204);
    const third = await objectType(admin, workspace.id, 'Third');
    const answer = await track.batch([
      { type: 'object', action: 'identify', identifiers: { object_type_id: '3', object_id: 'y' } },
      { type: 'object', action: 'identify', identifiers: { object_type_id: '1', object_id: 'z' } },
      { type: 'object', action: 'identify', identifiers: { object_type_id: 'ot_nope', object_id: 'z' } },
      { type: 'object', action: 'identify', identifiers: { object_type_id: 'companies', object_id: 'z' } },
      {
        type: 'object',
        action: 'add_relationships',
        identifiers: { object_type_id: '2', object_id: 'x' },
        cio_relationships: [{ identifiers: { id: 'nobody' } }],
      },
      {
        type: 'person',
        action: 'add_relationships',
        identifiers: { id: 'nobody' },
        cio_relationships: [{ identifiers: { object_type_id: '9', object_id: 'x' } }],
      },
    ]);
    expect(answer.status).toBe(207);
    expect(answer.body.errors).toEqual([
      {
        batch_index: 1,
        reason: 'not_found',
        field: 'identifiers.object_type_id',
        message: expect.stringContaining('no object type number 1'),
      },
      {
        batch_index: 2,
        reason: 'not_found',
        field: 'identifiers.object_type_id',
        message: expect.stringContaining('ot_nope'),
      },
      {
        batch_index: 3,
        reason: 'not_found',
        field: 'identifiers.object_type_id',
        message: expect.stringContaining('"companies"'),
      },
      {
        batch_index: 4,
        reason: 'not_found',
        field: 'cio_relationships',
        message: expect.stringContaining('id nobody'),
      },
      { batch_index: 5, reason: expect.any(String), field: expect.any(String), message: expect.any(String) },
    ]);
    expect((await objectsOf(admin, workspace.id, third)).map((o) => o.objectId)).toEqual(['y']);
    // The numbers, as the console and the API show them: a type created since is numbered on sight.
    const fourth = await objectType(admin, workspace.id, 'Fourth');
    const viewer = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer' }],
    });
    const numbers = await viewer.client.get(`/api/workspaces/${workspace.id}/object-type-numbers`);
    expect(numbers.status).toBe(200);
    expect(numbers.body.items).toEqual([
      { number: 2, typeId: second, name: 'Second' },
      { number: 3, typeId: third, name: 'Third' },
      { number: 4, typeId: fourth, name: 'Fourth' },
    ]);
    const entity = await track.entity({
      type: 'object',
      action: 'delete',
      identifiers: { object_type_id: '7', object_id: 'x' },
    });
    expectProblem(entity, 404, 'not_found');
    expect(entity.body.errors).toEqual([
      {
        path: '/identifiers/object_type_id',
        reason: 'not_found',
        field: 'identifiers.object_type_id',
        message: entity.body.detail,
      },
    ]);
  });

  test('concurrent requests creating the same object make one object, every change kept', async () => {
    const { admin, workspace, track } = await workspaceWithV2();
    const shops = await objectType(admin, workspace.id, 'Shops');
    await track.batch([identify('c0'), identify('c1'), identify('c2'), identify('c3'), identify('c4')]);
    const answers = await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        track.entity({
          type: 'object',
          action: 'identify',
          identifiers: { object_type_id: '1', object_id: 'corner' },
          attributes: { [`by${i}`]: true },
          cio_relationships: [{ identifiers: { id: `c${i}` } }],
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const all = await objectsOf(admin, workspace.id, shops);
    expect(all).toHaveLength(1);
    expect(all[0]!.attributes).toEqual({ by0: true, by1: true, by2: true, by3: true, by4: true });
    expect(await relationshipsOf(admin, workspace.id, `objectId=${all[0]!.id}`)).toHaveLength(5);
  });

  test('a member with hidden attributes sees objects and relationships written this way masked', async () => {
    const { admin, workspace, track } = await workspaceWithV2();
    const accounts = await objectType(admin, workspace.id, 'Accounts');
    await track.batch([
      identify('ada'),
      {
        type: 'object',
        action: 'identify',
        identifiers: { object_type_id: '1', object_id: 'secret-account' },
        attributes: { owner: 'Zelda' },
        cio_relationships: [{ identifiers: { id: 'ada' }, relationship_attributes: { role: 'treasurer' } }],
      },
    ]);
    const masked = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'author', hideAttributes: true }],
    });
    const [seen] = await objectsOf(masked.client, workspace.id, accounts);
    expect(seen).toMatchObject({ objectId: MASK, attributes: { owner: MASK } });
    const rels = await relationshipsOf(masked.client, workspace.id, `objectId=${seen!.id}`);
    expect(rels[0]!.attributes).toEqual({ role: MASK });
    const log = (await masked.client.get(`/api/workspaces/${workspace.id}/activity`)).body.items;
    expect(JSON.stringify(log)).not.toMatch(/Zelda|treasurer/);
  });
});
