import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { type Client, expectProblem, type Reply } from '../support/client.js';
import { addMember } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';

// Customer.io's v1 merge_customers and segments/{id}/add_customers|remove_customers, over HTTP,
// one rule at a time (test/api/customerio-client.test.ts drives them with Customer.io's own client).

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

interface Workspace {
  admin: Client;
  workspaceId: string;
  track: ReturnType<typeof trackClient>;
}

/** A Track API client of one workspace (HTTP Basic site_id:api_key), sending what Customer.io's clients send. */
function trackClient(siteId: string, apiKey: string) {
  const authorization = `Basic ${Buffer.from(`${siteId}:${apiKey}`).toString('base64')}`;
  const c = service.client();
  const headers = { authorization };
  return {
    identify: (identifier: string, body: Record<string, unknown>) =>
      c.put(`/api/v1/customers/${encodeURIComponent(identifier)}`, body, { headers }),
    event: (identifier: string, body: Record<string, unknown>) =>
      c.post(`/api/v1/customers/${encodeURIComponent(identifier)}/events`, body, { headers }),
    device: (identifier: string, body: unknown) =>
      c.put(`/api/v1/customers/${encodeURIComponent(identifier)}/devices`, body, { headers }),
    v2: (path: 'entity' | 'batch', body: unknown) => c.post(`/api/v2/${path}`, body, { headers }),
    merge: (body: unknown) => c.post('/api/v1/merge_customers', body, { headers }),
    segment: (segmentId: string, verb: 'add' | 'remove', body: unknown, idType?: string) =>
      c.post(
        `/api/v1/segments/${encodeURIComponent(segmentId)}/${verb}_customers${idType ? `?id_type=${idType}` : ''}`,
        body,
        { headers },
      ),
  };
}

async function newWorkspace(): Promise<Workspace> {
  const admin = service.client();
  const { workspace } = await admin.signup();
  const key = (await admin.post(`/api/workspaces/${workspace.id}/api-keys`, { kind: 'track' })).body;
  return { admin, workspaceId: workspace.id, track: trackClient(key.siteId, key.apiKey) };
}

async function identify(w: Workspace, identifier: string, body: Record<string, unknown>) {
  const reply = await w.track.identify(identifier, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as {
    cioId: string;
    id: string | null;
    email: string | null;
    attributes: Record<string, unknown>;
  };
}

const person = (w: Workspace, cioId: string) =>
  w.admin.get(`/api/workspaces/${w.workspaceId}/people/${cioId}`);

/** Customer.io's answer to an invalid request carries meta.error: the same words as our detail. */
function expectCioProblem(reply: Reply, status: number, code: string, words: RegExp) {
  expectProblem(reply, status, code);
  expect(reply.body.detail).toMatch(words);
  expect(reply.body.meta).toEqual({ error: reply.body.detail });
}

const eventsOf = async (workspaceId: string, cioId: string) =>
  (
    await queryRows<{ name: string }>(
      service.ctx.db,
      sql`SELECT name FROM events WHERE workspace_id = ${workspaceId} AND cio_id = ${cioId} ORDER BY name`,
    )
  ).map((r) => r.name);

const membersOf = async (workspaceId: string, segmentId: string) =>
  (
    await queryRows<{ cio_id: string }>(
      service.ctx.db,
      sql`SELECT cio_id FROM segment_members WHERE workspace_id = ${workspaceId} AND segment_id = ${segmentId} ORDER BY cio_id`,
    )
  ).map((r) => r.cio_id);

async function segment(w: Workspace, type: 'manual' | 'data') {
  const reply = await w.admin.post(`/api/workspaces/${w.workspaceId}/segments`, {
    name: `${type} ${Math.random().toString(36).slice(2)}`,
    ...(type === 'manual'
      ? { type: 'manual' }
      : { conditions: { match: 'all', rules: [{ attribute: 'plan', operator: 'eq', value: 'pro' }] } }),
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { id: string; name: string };
}

describe('POST /api/v1/merge_customers', () => {
  test('the primary survives, keeps its values, fills the rest from the secondary, which is deleted; its events and memberships move', async () => {
    const w = await newWorkspace();
    const primary = await identify(w, 'p@example.com', { plan: 'pro', nickname: '', city: 'Oslo' });
    const secondary = await identify(w, 'sec-1', {
      email: 's@example.com',
      plan: 'free',
      nickname: 'Sam',
      age: 40,
    });
    for (const name of ['opened', 'clicked'])
      expect((await w.track.event('sec-1', { name })).status).toBeLessThan(300);
    const manual = await segment(w, 'manual');
    expect((await w.track.segment(manual.id, 'add', { ids: ['sec-1'] })).status).toBe(200);

    const merged = await w.track.merge({ primary: { email: 'p@example.com' }, secondary: { id: 'sec-1' } });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body).toEqual({});

    const after = (await person(w, primary.cioId)).body;
    // Set on the primary: kept. Empty or not set: the secondary's. The primary had no id: the secondary's.
    expect(after.attributes).toEqual({ plan: 'pro', nickname: 'Sam', city: 'Oslo', age: 40 });
    expect(after.email).toBe('p@example.com');
    expect(after.id).toBe('sec-1');
    expectProblem(await person(w, secondary.cioId), 404, 'not_found');
    expect(await eventsOf(w.workspaceId, primary.cioId)).toEqual(['clicked', 'opened']);
    expect(await membersOf(w.workspaceId, manual.id)).toEqual([primary.cioId]);
    // The survivor answers to the id it took.
    expect((await w.track.identify('sec-1', { seen: true })).body.cioId).toBe(primary.cioId);

    const activity = `/api/workspaces/${w.workspaceId}/activity?action=person.merged`;
    const log = (await w.admin.get(activity)).body.items;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor: { name: 'Track API' }, target: { id: primary.cioId } });
    expect(log[0].summary).toBe('Track API merged 2 people into p@example.com');
    // A member with hidden attributes reads it without the values, and still not as an email merge.
    const masked = await addMember(service, w.admin, {
      roles: [{ workspaceId: w.workspaceId, role: 'viewer', hideAttributes: true }],
    });
    const [seen] = (await masked.client.get(activity)).body.items;
    expect(seen.summary).toMatch(/^Track API merged/);
    expect(JSON.stringify(seen)).not.toMatch(/share an email|p@example\.com|Sam|Oslo/);
  });

  test('the secondary’s devices move to the primary; v2’s merge action is the same merge', async () => {
    const w = await newWorkspace();
    const primary = await identify(w, 'dp', {});
    await identify(w, 'ds', {});
    expect((await w.track.device('ds', { device: { id: 'tok-1', platform: 'android' } })).status).toBe(200);
    const merged = await w.track.v2('entity', {
      type: 'person',
      action: 'merge',
      primary: { id: 'dp' },
      secondary: { id: 'ds' },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    const devices = (await person(w, primary.cioId)).body.devices;
    expect(devices).toEqual([expect.objectContaining({ token: 'tok-1', platform: 'android' })]);
    // In a batch, a merge naming nobody is reported by its index, with our words.
    const batch = await w.track.v2('batch', {
      batch: [{ type: 'person', action: 'merge', primary: { id: 'dp' }, secondary: { id: 'ds' } }],
    });
    expect(batch.status).toBe(207);
    expect(batch.body.errors).toEqual([
      expect.objectContaining({ batch_index: 0, message: 'No person has id ds (the secondary).' }),
    ]);
  });

  test('each identifier type names a person: id, email, cio_id; the primary takes an email it lacks', async () => {
    const w = await newWorkspace();
    const primary = await identify(w, 'p-2', { a: 1 });
    const secondary = await identify(w, 'q@example.com', { b: 2 });
    const reply = await w.track.merge({
      primary: { cio_id: primary.cioId },
      secondary: { email: 'Q@example.com' },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const after = (await person(w, primary.cioId)).body;
    expect(after).toMatchObject({ id: 'p-2', email: 'q@example.com', attributes: { a: 1, b: 2 } });
    expectProblem(await person(w, secondary.cioId), 404);
  });

  test('a numeric id names the person with that id, as Customer.io’s clients may send it', async () => {
    const w = await newWorkspace();
    const primary = await identify(w, '7', {});
    await identify(w, '8', { b: 1 });
    expect((await w.track.merge({ primary: { id: 7 }, secondary: { id: 8 } })).status).toBe(200);
    expect((await person(w, primary.cioId)).body.attributes).toEqual({ b: 1 });
  });

  test('refusals: nobody, the same person twice, not exactly one identifier, an identifier not used here; nothing is written', async () => {
    const w = await newWorkspace();
    const a = await identify(w, 'a-1', { email: 'a@example.com', x: 1 });
    await identify(w, 'b-1', { y: 2 });
    expectCioProblem(
      await w.track.merge({ primary: { id: 'nobody' }, secondary: { id: 'b-1' } }),
      404,
      'not_found',
      /No person has id nobody \(the primary\)/,
    );
    expectCioProblem(
      await w.track.merge({ primary: { id: 'a-1' }, secondary: { cio_id: 'nope' } }),
      404,
      'not_found',
      /cio_id nope \(the secondary\)/,
    );
    expectCioProblem(
      await w.track.merge({ primary: { id: 'a-1' }, secondary: { email: 'A@example.com' } }),
      400,
      'invalid',
      /same person/,
    );
    expectCioProblem(
      await w.track.merge({ primary: { id: 'a-1', email: 'a@example.com' }, secondary: { id: 'b-1' } }),
      400,
      'invalid',
      /exactly one of id, email or cio_id/,
    );
    expectCioProblem(
      await w.track.merge({ primary: {}, secondary: { id: 'b-1' } }),
      400,
      'invalid',
      /exactly one/,
    );
    expectProblem(await w.track.merge({ primary: { id: 'a-1' } }), 400, 'invalid');
    expectProblem(await w.track.merge(undefined), 400);
    expect((await person(w, a.cioId)).body.attributes).toEqual({ x: 1 });
  });

  test('email is no identifier in a workspace that identifies by id only: 400 not_an_identifier', async () => {
    const w = await newWorkspace();
    const changed = await w.admin.patch(`/api/workspaces/${w.workspaceId}/settings`, {
      identifiers: { email: false, id: true },
    });
    expect(changed.status).toBe(202);
    await service.worker.runUntilIdle();
    await identify(w, 'm-1', { email: 'm@example.com' });
    await identify(w, 'm-2', {});
    expectCioProblem(
      await w.track.merge({ primary: { email: 'm@example.com' }, secondary: { id: 'm-2' } }),
      400,
      'not_an_identifier',
      /email is not an identifier/,
    );
  });

  test('two merges of the same pair at once, each way: one merges, the other finds its secondary gone (404)', async () => {
    const w = await newWorkspace();
    const x = await identify(w, 'x', { from: 'x' });
    const y = await identify(w, 'y', { from: 'y' });
    const replies = await Promise.all([
      w.track.merge({ primary: { id: 'x' }, secondary: { id: 'y' } }),
      w.track.merge({ primary: { id: 'y' }, secondary: { id: 'x' } }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 404]);
    const survivors = [x, y].filter((_, i) => replies[i]!.status === 200);
    expect(survivors).toHaveLength(1);
    const survivor = (await person(w, survivors[0]!.cioId)).body;
    expect(survivor.attributes).toEqual({ from: survivors[0] === x ? 'x' : 'y' });
  });

  test('needs a Track API key', async () => {
    const reply = await service
      .client()
      .post('/api/v1/merge_customers', { primary: { id: '1' }, secondary: { id: '2' } });
    expectProblem(reply, 401, 'unauthenticated');
  });
});

describe('POST /api/v1/segments/{segmentId}/add_customers and remove_customers', () => {
  test('adds people by id (the default), email or cio_id; ignores people who do not exist; removes them again', async () => {
    const w = await newWorkspace();
    const one = await identify(w, 'one', { email: 'one@example.com' });
    const two = await identify(w, 'two', {});
    const three = await identify(w, 'three', {});
    const manual = await segment(w, 'manual');
    const added = await w.track.segment(manual.id, 'add', { ids: ['one', 'ghost', 2] });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body).toEqual({});
    expect(await membersOf(w.workspaceId, manual.id)).toEqual([one.cioId]);
    expect(
      (await w.track.segment(manual.id, 'add', { ids: ['TWO@example.com', 'one@example.com'] }, 'email'))
        .status,
    ).toBe(200);
    expect(
      (await w.track.segment(manual.id, 'add', { ids: [two.cioId, three.cioId, three.cioId] }, 'cio_id'))
        .status,
    ).toBe(200);
    expect(await membersOf(w.workspaceId, manual.id)).toEqual([one.cioId, two.cioId, three.cioId].sort());
    // The console counts them.
    expect((await w.admin.get(`/api/workspaces/${w.workspaceId}/segments/${manual.id}`)).body.count).toBe(3);

    expect((await w.track.segment(manual.id, 'remove', { ids: ['one', 'ghost'] })).status).toBe(200);
    expect((await w.track.segment(manual.id, 'remove', { ids: [two.cioId] }, 'cio_id')).status).toBe(200);
    expect(await membersOf(w.workspaceId, manual.id)).toEqual([three.cioId]);
  });

  test('a data segment is refused with 400, an unknown segment 404, another workspace’s 404', async () => {
    const w = await newWorkspace();
    const other = await newWorkspace();
    await identify(w, 'one', {});
    const data = await segment(w, 'data');
    expectCioProblem(
      await w.track.segment(data.id, 'add', { ids: ['one'] }),
      400,
      'invalid',
      /is a data segment: its conditions choose its people/,
    );
    expectCioProblem(
      await w.track.segment('seg_nothing', 'add', { ids: ['one'] }),
      404,
      'not_found',
      /not found/,
    );
    const theirs = await segment(other, 'manual');
    expectProblem(await w.track.segment(theirs.id, 'add', { ids: ['one'] }), 404, 'not_found');
    expectProblem(await w.track.segment(theirs.id, 'remove', { ids: ['one'] }), 404, 'not_found');
    expect(await membersOf(other.workspaceId, theirs.id)).toEqual([]);
  });

  test('ids: 1 to 1,000; id_type: id, email or cio_id', async () => {
    const w = await newWorkspace();
    const manual = await segment(w, 'manual');
    expectProblem(await w.track.segment(manual.id, 'add', { ids: [] }), 400, 'invalid');
    expectProblem(await w.track.segment(manual.id, 'add', {}), 400, 'invalid');
    expect(
      (await w.track.segment(manual.id, 'add', { ids: Array.from({ length: 1000 }, (_, i) => `p${i}`) }))
        .status,
    ).toBe(200);
    const tooMany = await w.track.segment(manual.id, 'add', {
      ids: Array.from({ length: 1001 }, (_, i) => `p${i}`),
    });
    expectProblem(tooMany, 400, 'invalid');
    expect(tooMany.body.meta.error).toBe(tooMany.body.detail);
    expectProblem(await w.track.segment(manual.id, 'add', { ids: ['x'] }, 'phone'), 400, 'invalid');
  });

  test('naming people by email where email is no identifier: 400 not_an_identifier', async () => {
    const w = await newWorkspace();
    await w.admin.patch(`/api/workspaces/${w.workspaceId}/settings`, {
      identifiers: { email: false, id: true },
    });
    await service.worker.runUntilIdle();
    const manual = await segment(w, 'manual');
    expectCioProblem(
      await w.track.segment(manual.id, 'add', { ids: ['a@example.com'] }, 'email'),
      400,
      'not_an_identifier',
      /email is not an identifier/,
    );
  });

  test('a merge keeps the secondary’s memberships on the primary, once', async () => {
    const w = await newWorkspace();
    const p = await identify(w, 'p', {});
    const s = await identify(w, 's', {});
    const both = await segment(w, 'manual');
    const onlyS = await segment(w, 'manual');
    await w.track.segment(both.id, 'add', { ids: ['p', 's'] });
    await w.track.segment(onlyS.id, 'add', { ids: ['s'] });
    expect((await w.track.merge({ primary: { id: 'p' }, secondary: { id: 's' } })).status).toBe(200);
    expect(await membersOf(w.workspaceId, both.id)).toEqual([p.cioId]);
    expect(await membersOf(w.workspaceId, onlyS.id)).toEqual([p.cioId]);
    expect(s.cioId).not.toBe(p.cioId);
  });
});

describe('while the workspace revalidates its identifiers', () => {
  test('merges and segment changes are queued (202), then applied in order', async () => {
    const w = await newWorkspace();
    const p = await identify(w, 'p', {});
    await identify(w, 's', { from: 's' });
    const manual = await segment(w, 'manual');
    // The worker runs when the test says: the workspace revalidates until then.
    const changed = await w.admin.patch(`/api/workspaces/${w.workspaceId}/settings`, {
      identifiers: { email: false, id: true },
    });
    expect(changed.body.processingState).toBe('revalidating');
    const queued = { status: 202, body: { queued: true } };
    const answer = (r: Reply) => ({ status: r.status, body: r.body });
    expect(answer(await w.track.segment(manual.id, 'add', { ids: ['s'] }))).toEqual(queued);
    expect(answer(await w.track.merge({ primary: { id: 'p' }, secondary: { id: 's' } }))).toEqual(queued);
    await service.worker.runUntilIdle();
    expect((await person(w, p.cioId)).body.attributes).toEqual({ from: 's' });
    expect(await membersOf(w.workspaceId, manual.id)).toEqual([p.cioId]);
  });
});
