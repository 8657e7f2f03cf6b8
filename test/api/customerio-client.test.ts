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

/**
 * People (by id, with an email) identified through the client, a broadcast of one email sent to
 * them in normal mode (its emails land in the outbox), and each one's delivery id.
 */
async function broadcastTo(w: Workspace, ids: string[]) {
  await w.admin.patch(at(w, 'settings'), { sendMode: 'normal', senderAddress: 'news@acme.test' });
  const cioIds: Record<string, string> = {};
  for (const id of ids) {
    await w.cio.identify(id, { email: `${id}@example.com` });
    cioIds[id] = (await personById(w, id))!.cioId;
  }
  const b = await w.admin.post(at(w, 'broadcasts'), {
    name: 'News',
    messages: [
      {
        name: 'Issue',
        channel: 'email',
        subject: 'News',
        body: '<p><a href="https://example.com/a">A</a></p>',
      },
    ],
  });
  expect(b.status, JSON.stringify(b.body)).toBe(201);
  const started = await w.admin.post(at(w, `broadcasts/${b.body.id}/send`), {
    people: Object.values(cioIds),
  });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  await service.worker.runUntilIdle();
  const deliveries = (await w.admin.get(at(w, 'deliveries'))).body.items as { id: string; cioId: string }[];
  return {
    messageId: b.body.messages[0].id as string,
    deliveryOf: (id: string) => deliveries.find((d) => d.cioId === cioIds[id])!.id,
  };
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
    // A push event Customer.io does not have (delivered, opened, converted).
    const push = await refusal(w.strict.trackPush({ delivery_id: 'd', event: 'clicked' as 'opened' }));
    expect(push.statusCode).toBe(400);
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

  test('reportMetric and trackPush: the message’s metrics count what they report', async () => {
    const w = await workspace();
    const { messageId, deliveryOf } = await broadcastTo(w, ['m-1', 'm-2']);
    expect(await w.cio.reportMetric({ delivery_id: deliveryOf('m-1'), metric: 'delivered' })).toEqual({});
    expect(
      await w.cio.reportMetric({
        delivery_id: deliveryOf('m-1'),
        metric: 'clicked',
        href: 'https://example.com/a',
      }),
    ).toEqual({});
    expect(
      await w.cio.reportMetric({
        delivery_id: deliveryOf('m-2'),
        metric: 'bounced',
        reason: 'no such mailbox',
      }),
    ).toEqual({});
    expect(
      await w.cio.trackPush({ delivery_id: deliveryOf('m-2'), event: 'converted', timestamp: 1_700_000_000 }),
    ).toEqual({});
    expect(await w.cio.trackPush({ delivery_id: deliveryOf('m-1'), event: 'opened' })).toEqual({});
    expect((await w.admin.get(at(w, `messages/${messageId}/metrics`))).body).toMatchObject({
      deliveries: 2,
      delivered: 1,
      opened: 1,
      clicked: 1,
      bounced: 1,
      converted: 1,
    });
    const bad = await refusal(w.strict.reportMetric({ delivery_id: deliveryOf('m-1'), metric: 'read' }));
    expect(bad.statusCode).toBe(400);
  });

  test('entity() and batch() with delivery operations: counted as trackPush counts them; a name Customer.io does not take listed', async () => {
    const w = await workspace();
    const { messageId, deliveryOf } = await broadcastTo(w, ['v2d-1', 'v2d-2']);
    const op = (id: string, name: string) => ({
      type: 'delivery',
      action: 'event',
      identifiers: { id: deliveryOf(id) },
      name,
      attributes: { device_token: 'tok-1' },
    });
    expect(await w.cio.entity(op('v2d-1', 'opened'))).toEqual({});
    const answer = await w.cio.batch([
      op('v2d-1', 'delivered'),
      op('v2d-2', 'clicked'),
      op('v2d-2', 'converted'),
    ]);
    expect(answer.errors).toEqual([
      expect.objectContaining({ batch_index: 1, reason: 'invalid', field: 'name' }),
    ]);
    expect((await w.admin.get(at(w, `messages/${messageId}/metrics`))).body).toMatchObject({
      delivered: 1,
      opened: 1,
      converted: 1,
      clicked: 0,
    });
  });

  test('unsubscribe (at the host’s root): sets the person’s unsubscribed attribute, and false sets it back', async () => {
    const w = await workspace();
    const { messageId, deliveryOf } = await broadcastTo(w, ['un-1']);
    expect(await w.cio.unsubscribe(deliveryOf('un-1'))).toEqual({});
    expect((await personById(w, 'un-1'))?.attributes).toMatchObject({ unsubscribed: true });
    expect((await w.admin.get(at(w, `messages/${messageId}/metrics`))).body).toMatchObject({
      unsubscribed: 1,
    });
    expect(await w.cio.unsubscribe(deliveryOf('un-1'), false)).toEqual({});
    expect((await personById(w, 'un-1'))?.attributes).toMatchObject({ unsubscribed: false });
    expect((await refusal(w.strict.unsubscribe('dlv_unknown'))).statusCode).toBe(404);
  });

  test('submitForm: identifies the person by the form’s email, sets its fields, records form_submitted', async () => {
    const w = await workspace();
    expect(
      await w.cio.submitForm('newsletter', { email: 'form@example.com', first_name: 'Fo', id_ignored: 'x' }),
    ).toEqual({});
    const page = await w.admin.get(at(w, 'people?email=form%40example.com'));
    const person = (await w.admin.get(at(w, `people/${page.body.items[0].cioId}`))).body;
    expect(person).toMatchObject({
      email: 'form@example.com',
      attributes: { first_name: 'Fo', id_ignored: 'x' },
    });
    expect(await eventsOf(w, person.cioId)).toEqual(['form_submitted']);
    const nobody = await refusal(w.strict.submitForm('newsletter', { first_name: 'No one' }));
    expect(nobody.statusCode).toBe(400);
  });

  test('getAccountRegion answers where this installation is', async () => {
    const w = await workspace();
    const region = await w.cio.getAccountRegion();
    expect(region).toMatchObject({ url: expect.any(String), region: expect.any(String) });
    expect(region).toHaveProperty('environment_id');
  });
});
