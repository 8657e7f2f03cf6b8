import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MASK } from '../../src/access/masking.js';
import { type Client, expectProblem } from '../support/client.js';
import { addMember } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';
import { setUpTrack } from '../support/track-v1.js';

// GET …/segments/{id}/members: a segment's people, written through the Track API, read by the console.

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

async function newSegment(admin: Client, workspaceId: string, body: Record<string, unknown>) {
  const reply = await admin.post(`/api/workspaces/${workspaceId}/segments`, {
    name: `segment ${Math.random().toString(36).slice(2)}`,
    ...body,
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.id as string;
}

async function setUp() {
  const w = await setUpTrack(service);
  const c = service.client();
  const segment = (segmentId: string, verb: 'add' | 'remove', ids: string[]) =>
    c.post(`/api/v1/segments/${segmentId}/${verb}_customers`, { ids }, { headers: w.headers });
  const identify = async (id: string, body: Record<string, unknown>) =>
    (await w.track.identify(id, body)).body as { cioId: string };
  const members = (client: Client, segmentId: string, query = '') =>
    client.get(`/api/workspaces/${w.workspace.id}/segments/${segmentId}/members${query}`);
  return { ...w, segment, identify, members };
}

describe('a manual segment', () => {
  test('lists its people newest-added first, a page at a time, with when each was added', async () => {
    const w = await setUp();
    const ada = await identify(w, 'ada', { email: 'ada@example.com' });
    const bo = await identify(w, 'bo', { email: 'bo@example.com' });
    const cy = await identify(w, 'cy', { email: 'cy@example.com' });
    const id = await newSegment(w.admin, w.workspace.id, { type: 'manual' });
    for (const person of ['bo', 'ada', 'cy']) expect((await w.segment(id, 'add', [person])).status).toBe(200);

    const first = await w.members(w.admin, id, '?limit=2');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.items.map((p: { cioId: string }) => p.cioId)).toEqual([cy.cioId, ada.cioId]);
    expect(first.body.items[0]).toMatchObject({ id: 'cy', email: 'cy@example.com' });
    expect(Date.parse(first.body.items[0].addedAt)).toBeGreaterThanOrEqual(
      Date.parse(first.body.items[1].addedAt),
    );
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await w.members(
      w.admin,
      id,
      `?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.body.items.map((p: { cioId: string }) => p.cioId)).toEqual([bo.cioId]);
    expect(second.body.nextCursor).toBeNull();

    // remove_customers takes the person out of the list; the person stays.
    expect((await w.segment(id, 'remove', ['ada'])).status).toBe(200);
    const after = await w.members(w.admin, id);
    expect(after.body.items.map((p: { cioId: string }) => p.cioId)).toEqual([cy.cioId, bo.cioId]);
  });

  test('people added in one call page without loss or repeat (ties on the time go by cio_id)', async () => {
    const w = await setUp();
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5'];
    const cioIds = [];
    for (const id of ids) cioIds.push((await identify(w, id, {})).cioId);
    const segmentId = await newSegment(w.admin, w.workspace.id, { type: 'manual' });
    expect((await w.segment(segmentId, 'add', ids)).status).toBe(200);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { cioId: string }[]; nextCursor: string | null } } = await w.members(
        w.admin,
        segmentId,
        `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...page.body.items.map((p) => p.cioId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...cioIds].sort().reverse());
  });
});

test('a merge keeps when the merged person joined: the survivor is listed at that time', async () => {
  const w = await setUp();
  const primary = await identify(w, 'primary', {});
  await identify(w, 'secondary', {});
  const id = await newSegment(w.admin, w.workspace.id, { type: 'manual' });
  await w.segment(id, 'add', ['secondary']);
  const joined = (await w.members(w.admin, id)).body.items[0].addedAt;
  await new Promise((resolve) => setTimeout(resolve, 20));
  const merged = await service
    .client()
    .post(
      '/api/v1/merge_customers',
      { primary: { id: 'primary' }, secondary: { id: 'secondary' } },
      { headers: w.headers },
    );
  expect(merged.status, JSON.stringify(merged.body)).toBe(200);
  const after = (await w.members(w.admin, id)).body.items;
  expect(after).toEqual([expect.objectContaining({ cioId: primary.cioId, addedAt: joined })]);
});

async function identify(w: Awaited<ReturnType<typeof setUp>>, id: string, body: Record<string, unknown>) {
  return w.identify(id, body);
}

test('a data segment lists the people its conditions match now, newest first, with no time of joining', async () => {
  const w = await setUp();
  const ada = await identify(w, 'ada', { plan: 'pro' });
  await identify(w, 'bo', { plan: 'free' });
  const cy = await identify(w, 'cy', { plan: 'pro' });
  const id = await newSegment(w.admin, w.workspace.id, {
    conditions: { match: 'all', rules: [{ attribute: 'plan', operator: 'eq', value: 'pro' }] },
  });
  const reply = await w.members(w.admin, id);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  expect(reply.body.items.map((p: { cioId: string }) => p.cioId)).toEqual([cy.cioId, ada.cioId]);
  expect(reply.body.items.every((p: { addedAt: unknown }) => p.addedAt === null)).toBe(true);
  // The list follows the people: one who stops matching leaves it.
  await identify(w, 'cy', { plan: 'free' });
  const later = await w.members(w.admin, id);
  expect(later.body.items.map((p: { cioId: string }) => p.cioId)).toEqual([ada.cioId]);
});

test('members with hidden attributes see the people masked, as on the people list', async () => {
  const w = await setUp();
  const ada = await identify(w, 'ada', { email: 'ada@example.com', plan: 'pro' });
  const id = await newSegment(w.admin, w.workspace.id, { type: 'manual' });
  await w.segment(id, 'add', ['ada']);
  const masked = await addMember(service, w.admin, {
    roles: [{ workspaceId: w.workspace.id, role: 'viewer', hideAttributes: true }],
  });
  const reply = await w.members(masked.client, id);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  expect(reply.body.items).toEqual([
    expect.objectContaining({ cioId: ada.cioId, id: MASK, email: MASK, attributes: { plan: MASK } }),
  ]);
  expect(reply.body.items[0].addedAt).toEqual(expect.any(String));
  expect(JSON.stringify(reply.body)).not.toContain('ada@example.com');
});

test('members with hidden attributes cannot list a data segment chosen by hidden values', async () => {
  const w = await setUp();
  const ada = await identify(w, 'ada', { email: 'ada@client.com', createdAt: 'x' });
  const bo = await identify(w, 'bo', { email: 'bo@example.com' });
  const masked = await addMember(service, w.admin, {
    roles: [{ workspaceId: w.workspace.id, role: 'viewer', hideAttributes: true }],
  });
  const byEmail = await newSegment(w.admin, w.workspace.id, {
    conditions: { match: 'all', rules: [{ attribute: 'email', operator: 'contains', value: '@client.com' }] },
  });
  // Who is in it would say whose email ends with @client.com, one person at a time.
  const refused = await w.members(masked.client, byEmail);
  expectProblem(refused, 409, 'attributes_hidden');
  expect(refused.body.detail).toContain('cannot filter or sort on email');
  expect(JSON.stringify(refused.body)).not.toContain(ada.cioId);
  // An attribute named like a system field is still the sender's attribute, and hidden.
  const byAttribute = await newSegment(w.admin, w.workspace.id, {
    conditions: { match: 'all', rules: [{ attribute: 'createdAt', operator: 'exists' }] },
  });
  expectProblem(await w.members(masked.client, byAttribute), 409, 'attributes_hidden');
  // Members who see the values list it as ever.
  const full = await w.members(w.admin, byEmail);
  expect(full.body.items.map((p: { cioId: string }) => p.cioId)).toEqual([ada.cioId]);
  // A data segment without conditions holds everyone: it reveals nothing.
  const everyone = await newSegment(w.admin, w.workspace.id, { conditions: { match: 'all', rules: [] } });
  const all = await w.members(masked.client, everyone);
  expect(all.status, JSON.stringify(all.body)).toBe(200);
  expect(all.body.items.map((p: { cioId: string }) => p.cioId)).toEqual([bo.cioId, ada.cioId]);
});

test('a cursor the list could not have given is a 400; another workspace’s segment a 404', async () => {
  const w = await setUp();
  await identify(w, 'ada', {});
  const manual = await newSegment(w.admin, w.workspace.id, { type: 'manual' });
  const data = await newSegment(w.admin, w.workspace.id, { conditions: { match: 'all', rules: [] } });
  expectProblem(await w.members(w.admin, manual, '?cursor=nonsense'), 400, 'invalid');
  const dataPage = await w.members(w.admin, data, '?limit=1');
  expect(dataPage.status).toBe(200);
  // A data segment's cursor names a person, not a time of joining: not a cursor of a manual segment.
  expectProblem(await w.members(w.admin, manual, `?cursor=${dataPage.body.items[0].cioId}`), 400, 'invalid');
  expectProblem(await w.members(w.admin, data, '?cursor=1.2'), 400, 'invalid');
  // A time after year 9999 has no ISO form PostgreSQL reads: refused as a cursor, not a 500.
  const person = '01kbzzzzzzzzzzzzzzzzzzzzzz';
  expectProblem(await w.members(w.admin, manual, `?cursor=253402300800000.${person}`), 400, 'invalid');
  expectProblem(await w.members(w.admin, manual, `?cursor=999999999999999.${person}`), 400, 'invalid');
  expectProblem(await w.members(w.admin, manual, `?cursor=-1.${person}`), 400, 'invalid');
  expect((await w.members(w.admin, manual, `?cursor=253402300799999.${person}`)).status).toBe(200);
  expectProblem(await w.members(w.admin, 'seg_00000000000000000000000000'), 404, 'not_found');

  const other = await setUp();
  expectProblem(await w.members(other.admin, manual), 404);
  expectProblem(
    await other.admin.get(`/api/workspaces/${other.workspace.id}/segments/${manual}/members`),
    404,
    'not_found',
  );
});
