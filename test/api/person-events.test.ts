import { afterAll, beforeAll, expect, test } from 'vitest';
import { MASK } from '../../src/access/masking.js';
import { type Client, expectProblem } from '../support/client.js';
import { addMember } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';
import { ok, setUpTrack } from '../support/track-v1.js';

// GET …/people/{cioId}/events: a person's events, page and screen views, written through the Track
// API, read by the console.

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

async function setUp() {
  const w = await setUpTrack(service);
  const events = (client: Client, cioId: string, query = '') =>
    client.get(`/api/workspaces/${w.workspace.id}/people/${cioId}/events${query}`);
  return { ...w, events };
}

test('newest first by when each happened, a page at a time, with type, time and data', async () => {
  const w = await setUp();
  const ada = (await w.track.identify('ada', {})).body as { cioId: string };
  ok(await w.track.event('ada', { name: 'signed_up', timestamp: 1_600_000_000 }));
  ok(
    await w.track.event('ada', { name: 'bought', data: { price: 3, sku: 'A-1' }, timestamp: 1_700_000_000 }),
  );
  ok(
    await w.track.event('ada', {
      type: 'page',
      name: 'https://example.com/pricing',
      timestamp: 1_650_000_000,
    }),
  );
  ok(await w.track.event('ada', { type: 'screen', name: 'Checkout', timestamp: 1_650_000_000 }));

  const first = await w.events(w.admin, ada.cioId, '?limit=3');
  expect(first.status, JSON.stringify(first.body)).toBe(200);
  expect(first.body.items[0]).toEqual({
    id: expect.stringMatching(/^evt_/),
    type: 'event',
    name: 'bought',
    timestamp: new Date(1_700_000_000_000).toISOString(),
    data: { price: 3, sku: 'A-1' },
  });
  // The page and screen view happened at the same second: the later-written first (ties by id).
  expect(first.body.items.slice(1).map((e: { type: string }) => e.type)).toEqual(['screen', 'page']);
  const second = await w.events(
    w.admin,
    ada.cioId,
    `?limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`,
  );
  expect(second.body.items.map((e: { name: string }) => e.name)).toEqual(['signed_up']);
  expect(second.body.nextCursor).toBeNull();
});

test('anonymous events claimed at identify are the person’s activity too', async () => {
  const w = await setUp();
  ok(
    await w.track.anonymous({
      name: 'viewed',
      anonymous_id: 'anon-1',
      data: { page: 1 },
      timestamp: 1_600_000_000,
    }),
  );
  const ada = (await w.track.identify('ada', { anonymous_id: 'anon-1' })).body as { cioId: string };
  const reply = await w.events(w.admin, ada.cioId);
  expect(reply.body.items).toEqual([expect.objectContaining({ name: 'viewed', data: { page: 1 } })]);
});

test('members with hidden attributes see what happened and when, not the data’s values or a page’s URL', async () => {
  const w = await setUp();
  const ada = (await w.track.identify('ada', {})).body as { cioId: string };
  ok(
    await w.track.event('ada', {
      name: 'invited',
      data: { recipient: 'bo@example.com' },
      timestamp: 1_700_000_000,
    }),
  );
  ok(await w.track.event('ada', { type: 'page', name: 'https://example.com/?email=ada@example.com' }));
  const masked = await addMember(service, w.admin, {
    roles: [{ workspaceId: w.workspace.id, role: 'viewer', hideAttributes: true }],
  });
  const reply = await w.events(masked.client, ada.cioId);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  expect(reply.body.items).toEqual([
    expect.objectContaining({ type: 'page', name: MASK, data: {} }),
    expect.objectContaining({
      type: 'event',
      name: 'invited',
      timestamp: new Date(1_700_000_000_000).toISOString(),
      data: { recipient: MASK },
    }),
  ]);
  expect(JSON.stringify(reply.body)).not.toContain('example.com');
});

test('a malformed cursor is a 400; another workspace’s person, or nobody, a 404', async () => {
  const w = await setUp();
  const ada = (await w.track.identify('ada', {})).body as { cioId: string };
  expectProblem(await w.events(w.admin, ada.cioId, '?cursor=nonsense'), 400, 'invalid');
  expectProblem(await w.events(w.admin, ada.cioId, `?cursor=${ada.cioId}`), 400, 'invalid');
  // A time after year 9999 has no ISO form PostgreSQL reads: refused as a cursor, not a 500.
  const evt = 'evt_01kbzzzzzzzzzzzzzzzzzzzzzz';
  expectProblem(await w.events(w.admin, ada.cioId, `?cursor=253402300800000.${evt}`), 400, 'invalid');
  expectProblem(await w.events(w.admin, ada.cioId, `?cursor=999999999999999.${evt}`), 400, 'invalid');
  expectProblem(await w.events(w.admin, ada.cioId, `?cursor=-1.${evt}`), 400, 'invalid');
  expect((await w.events(w.admin, ada.cioId, `?cursor=253402300799999.${evt}`)).status).toBe(200);
  expectProblem(await w.events(w.admin, '01kbzzzzzzzzzzzzzzzzzzzzzz'), 404, 'not_found');
  const other = await setUp();
  expectProblem(await w.events(other.admin, ada.cioId), 404);
  expectProblem(
    await other.admin.get(`/api/workspaces/${other.workspace.id}/people/${ada.cioId}/events`),
    404,
    'not_found',
  );
});
