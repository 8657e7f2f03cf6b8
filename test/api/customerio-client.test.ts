import { CustomerIORequestError, IdentifierType, TrackClient } from 'customerio-node';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import type { Client } from '../support/client.js';
import { startService, type TestService } from '../support/service.js';

// Customer.io's own Node client (customerio-node 5), pointed at Atrium by its one documented
// option, `url`: every TrackClient method of the Track API, each effect read back through
// Atrium's own API (the people, the data index, a person's devices, a segment's count) — or, for
// what no route lists (which person an event belongs to, a segment's members), the tables.

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

interface Workspace {
  admin: Client;
  id: string;
  /** The client as a company's code would make it: one changed line, the URL. */
  cio: TrackClient;
  /** The same, without retries: for the calls that expect a 4xx. */
  strict: TrackClient;
}

async function workspace(): Promise<Workspace> {
  const admin = service.client();
  const { workspace } = await admin.signup();
  const key = (await admin.post(`/api/workspaces/${workspace.id}/api-keys`, { kind: 'track' })).body;
  const url = `${service.url}/api/v1`;
  return {
    admin,
    id: workspace.id,
    cio: new TrackClient(key.siteId, key.apiKey, { url }),
    strict: new TrackClient(key.siteId, key.apiKey, { url, retry: { maxRetries: 0 } }),
  };
}

const at = (w: Workspace, rest: string) => `/api/workspaces/${w.id}/${rest}`;

/** The person with this id, as the console's API shows them; undefined when there is none. */
async function personById(w: Workspace, id: string) {
  const page = await w.admin.get(at(w, `people?id=${encodeURIComponent(id)}`));
  expect(page.status, JSON.stringify(page.body)).toBe(200);
  const found = page.body.items[0];
  return found ? (await w.admin.get(at(w, `people/${found.cioId}`))).body : undefined;
}

const eventCount = async (w: Workspace, name: string) =>
  ((await w.admin.get(at(w, 'data-index'))).body.events as { name: string; count: number }[]).find(
    (e) => e.name === name,
  )?.count ?? 0;

const eventsOf = async (w: Workspace, cioId: string) =>
  (
    await queryRows<{ name: string }>(
      service.ctx.db,
      sql`SELECT name FROM events WHERE workspace_id = ${w.id} AND cio_id = ${cioId} ORDER BY name`,
    )
  ).map((r) => r.name);

/** The CustomerIORequestError a call rejects with: its status, and its message (our problem's detail). */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CustomerIORequestError);
  const { statusCode, message, body } = error as CustomerIORequestError;
  expect(message).toBe(JSON.parse(body).detail);
  return { statusCode, message };
}

describe('customerio-node TrackClient against Atrium', () => {
  test('identify creates and updates; destroy deletes (a bodiless DELETE with a JSON content type)', async () => {
    const w = await workspace();
    await w.cio.identify('u-1', { email: 'u1@example.com', plan: 'free', created_at: 1_700_000_000 });
    await w.cio.identify('u-1', { plan: 'pro' });
    expect(await personById(w, 'u-1')).toMatchObject({
      id: 'u-1',
      email: 'u1@example.com',
      attributes: { plan: 'pro', created_at: 1_700_000_000 },
    });
    expect(await w.cio.destroy('u-1')).toEqual({});
    expect(await personById(w, 'u-1')).toBeUndefined();
  });

  test('a refusal reaches the client as CustomerIORequestError with our status and detail', async () => {
    const w = await workspace();
    const invalidEmail = await refusal(w.strict.identify('u-2', { email: 'not an email' }));
    expect(invalidEmail.statusCode).toBe(400);
    expect(invalidEmail.message).toMatch(/email/);
    const nobody = await refusal(
      w.strict.mergeCustomers(IdentifierType.Id, 'ghost', IdentifierType.Id, 'u-2'),
    );
    expect(nobody).toEqual({ statusCode: 404, message: 'No person has id ghost (the primary).' });
    const unauthenticated = new TrackClient('0123456789abcdef0123', 'wrong', {
      url: `${service.url}/api/v1`,
      retry: { maxRetries: 0 },
    });
    expect((await refusal(unauthenticated.identify('u-2', {}))).statusCode).toBe(401);
    // Delivery metrics are Atrium's own: the routes for them are not taken (docs/track-api.md).
    expect((await refusal(w.strict.trackPush({ delivery_id: 'd', event: 'opened' }))).statusCode).toBe(404);
  });

  test('suppress deletes the person and ignores later identifies until unsuppress', async () => {
    const w = await workspace();
    await w.cio.identify('s-1', { plan: 'pro' });
    expect(await w.cio.suppress('s-1')).toEqual({});
    expect(await personById(w, 's-1')).toBeUndefined();
    await w.cio.identify('s-1', { plan: 'again' });
    expect(await personById(w, 's-1')).toBeUndefined();
    expect(await w.cio.unsuppress('s-1')).toEqual({});
    await w.cio.identify('s-1', { plan: 'back' });
    expect((await personById(w, 's-1'))?.attributes).toEqual({ plan: 'back' });
  });

  test('track, trackPageView and trackAnonymous record events; an identify with the anonymous_id takes them', async () => {
    const w = await workspace();
    await w.cio.identify('e-1', {});
    expect(await w.cio.track('e-1', { name: 'purchased', data: { price: 23.45 } })).toEqual({});
    expect(await w.cio.trackPageView('e-1', 'https://example.com/pricing')).toEqual({});
    expect(await w.cio.trackAnonymous('anon-7', { name: 'browsed', data: { page: 2 } })).toEqual({});
    expect(await eventCount(w, 'purchased')).toBe(1);
    expect(await eventCount(w, 'https://example.com/pricing')).toBe(1);
    const person = await personById(w, 'e-1');
    expect(await eventsOf(w, person.cioId)).toEqual(['https://example.com/pricing', 'purchased']);
    await w.cio.identify('e-1', { anonymous_id: 'anon-7' });
    expect(await eventsOf(w, person.cioId)).toEqual(['browsed', 'https://example.com/pricing', 'purchased']);
    expect(await eventCount(w, 'browsed')).toBe(1);
  });

  test('addDevice and deleteDevice: the devices listed on the person', async () => {
    const w = await workspace();
    await w.cio.identify('d-1', {});
    expect(
      await w.cio.addDevice('d-1', 'token-abc', 'ios', { last_used: 1_700_000_000, model: 'iPhone' }),
    ).toEqual({});
    const devices = (await personById(w, 'd-1')).devices;
    expect(devices).toEqual([
      expect.objectContaining({ token: 'token-abc', platform: 'ios', attributes: { model: 'iPhone' } }),
    ]);
    expect(await w.cio.deleteDevice('d-1', 'token-abc')).toEqual({});
    expect((await personById(w, 'd-1')).devices).toEqual([]);
  });

  test('mergeCustomers: the secondary goes into the primary', async () => {
    const w = await workspace();
    await w.cio.identify('primary@example.com', { plan: 'pro' });
    await w.cio.identify('m-2', { plan: 'free', seats: 3 });
    await w.cio.track('m-2', { name: 'signed_up' });
    expect(
      await w.cio.mergeCustomers(IdentifierType.Email, 'primary@example.com', IdentifierType.Id, 'm-2'),
    ).toEqual({});
    const merged = await personById(w, 'm-2');
    expect(merged).toMatchObject({ email: 'primary@example.com', attributes: { plan: 'pro', seats: 3 } });
    expect(await eventsOf(w, merged.cioId)).toEqual(['signed_up']);
  });

  test('addCustomersToSegment and removeCustomersFromSegment: a manual segment’s people', async () => {
    const w = await workspace();
    await w.cio.identify('g-1', { email: 'g1@example.com' });
    await w.cio.identify('g-2', {});
    const manual = (await w.admin.post(at(w, 'segments'), { name: 'Beta testers', type: 'manual' })).body;
    const count = async () => (await w.admin.get(at(w, `segments/${manual.id}`))).body.count;
    expect(await w.cio.addCustomersToSegment(manual.id, ['g-1', 'g-2', 'nobody'])).toEqual({});
    expect(await count()).toBe(2);
    expect(
      await w.cio.removeCustomersFromSegment(manual.id, ['g1@example.com'], IdentifierType.Email),
    ).toEqual({});
    expect(await count()).toBe(1);
    const data = (
      await w.admin.post(at(w, 'segments'), {
        name: 'Pro',
        conditions: { match: 'all', rules: [{ attribute: 'plan', operator: 'eq', value: 'pro' }] },
      })
    ).body;
    const refused = await refusal(w.strict.addCustomersToSegment(data.id, ['g-1']));
    expect(refused.statusCode).toBe(400);
    expect(refused.message).toMatch(/data segment/);
  });

  test('entity: one v2 operation, on a person and on an object', async () => {
    const w = await workspace();
    expect(
      await w.cio.entity({
        type: 'person',
        identifiers: { id: 'v2-1' },
        action: 'identify',
        attributes: { email: 'v2@example.com', plan: 'pro' },
      }),
    ).toEqual({});
    expect(await personById(w, 'v2-1')).toMatchObject({
      email: 'v2@example.com',
      attributes: { plan: 'pro' },
    });
    // Customer.io numbers object types 1, 2, … in the order they were made: this is the first.
    const type = (await w.admin.post(at(w, 'object-types'), { name: 'Company' })).body;
    expect(
      await w.cio.entity({
        type: 'object',
        identifiers: { object_type_id: '1', object_id: 'acme' },
        action: 'identify',
        attributes: { industry: 'rockets' },
        cio_relationships: [{ identifiers: { id: 'v2-1' }, relationship_attributes: { role: 'admin' } }],
      }),
    ).toEqual({});
    const objects = (await w.admin.get(at(w, `objects?typeId=${type.id}`))).body.items;
    expect(objects).toEqual([
      expect.objectContaining({ objectId: 'acme', attributes: { industry: 'rockets' } }),
    ]);
    const person = await personById(w, 'v2-1');
    const related = (await w.admin.get(at(w, `relationships?cioId=${person.cioId}`))).body.items;
    expect(related).toHaveLength(1);
  });

  test('batch: good operations applied in order, a bad one reported by index (207)', async () => {
    const w = await workspace();
    const answer = await w.cio.batch([
      { type: 'person', identifiers: { id: 'b-1' }, action: 'identify', attributes: { step: 1 } },
      { type: 'person', identifiers: { id: 'b-1' }, action: 'event', name: 'batched' },
      { type: 'person', identifiers: {}, action: 'identify', attributes: { step: 'lost' } },
      { type: 'person', identifiers: { id: 'b-1' }, action: 'identify', attributes: { step: 2 } },
    ]);
    expect(answer.errors).toEqual([expect.objectContaining({ batch_index: 2 })]);
    expect((await personById(w, 'b-1'))?.attributes).toEqual({ step: 2 });
    expect(await eventCount(w, 'batched')).toBe(1);
    expect(
      await w.cio.batch([{ type: 'person', identifiers: { id: 'b-2' }, action: 'identify', attributes: {} }]),
    ).toEqual({});
  });

  test('getAccountRegion answers where this installation is', async () => {
    const w = await workspace();
    const region = await w.cio.getAccountRegion();
    expect(region).toMatchObject({ url: expect.any(String), region: expect.any(String) });
    expect(region).toHaveProperty('environment_id');
  });
});
