import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import type { Reply } from '../support/client.js';
import { importCsv } from '../support/imports.js';
import { unique } from '../support/row-probes.js';
import { setUpSending } from '../support/sending.js';
import { startService, type TestService } from '../support/service.js';
import { expectTrackProblem, ok } from '../support/track-v1.js';

// The Track API's delivery routes (POST /api/v1/metrics, /api/v1/push/events,
// /unsubscribe/{delivery_id}) and forms (POST /api/v1/forms/{id}/submit), one rule per test,
// over HTTP on the started service; broadcasts' emails land in the outbox (no SMTP).

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

type Track = Awaited<ReturnType<typeof setUp>>;

async function setUp() {
  const t = await setUpSending(service);
  const c = service.client();
  const { headers } = t;
  return {
    ...t,
    form: (formId: string, body: unknown) => c.post(`/api/v1/forms/${formId}/submit`, body, { headers }),
    merge: (primary: string, secondary: string) =>
      c.post(
        '/api/v1/merge_customers',
        { primary: { id: primary }, secondary: { id: secondary } },
        { headers },
      ),
  };
}

/** A broadcast of one email message with a link: its id and its message's. */
async function broadcast(t: Track) {
  const b = await t.newBroadcast([
    {
      name: 'Issue',
      subject: 'News',
      body: '<html><body><a href="https://example.com/a">A</a></body></html>',
    },
  ]);
  return { id: b.id, messageId: b.messageIds[0]! };
}

/** Sends the broadcast to people (cio_ids), lets the worker run, and answers the job's report and the deliveries. */
async function send(t: Track, b: { id: string }, people: string[]) {
  const report = await t.send(b.id, people);
  const all = (await t.admin.get(t.at('deliveries?limit=500'))).body.items as {
    id: string;
    sourceId: string;
    cioId: string;
    opens: number;
    clicks: number;
  }[];
  return { report, deliveries: all.filter((d) => d.sourceId === b.id && d.cioId !== null) };
}

/** Two people with emails, identified through the Track API, and a broadcast sent to them. */
async function sent(t: Track) {
  const ada = (await t.track.identify('ada', { email: `${unique('ada')}@example.com` })).body;
  const bob = (await t.track.identify('bob', { email: `${unique('bob')}@example.com` })).body;
  const b = await broadcast(t);
  const { deliveries } = await send(t, b, [ada.cioId, bob.cioId]);
  const of = (cioId: string) => deliveries.find((d) => d.cioId === cioId)!;
  return { ada, bob, b, adaDelivery: of(ada.cioId), bobDelivery: of(bob.cioId) };
}

const metrics = async (t: Track, messageId: string) =>
  (await t.admin.get(t.at(`messages/${messageId}/metrics`))).body;

const attributesOf = async (t: Track, cioId: string) =>
  (await t.admin.get(t.at(`people/${cioId}`))).body.attributes as Record<string, unknown>;

const outboxTo = async (address: string) =>
  queryRows<{ n: number }>(
    service.ctx.db,
    sql`SELECT count(*)::int AS n FROM outbox WHERE to_address = ${address}`,
  );

describe('POST /api/v1/metrics', () => {
  test('each metric is recorded on the delivery and counted by the message’s metrics; opened and clicked in its opens and clicks', async () => {
    const t = await setUp();
    const { b, adaDelivery, bobDelivery } = await sent(t);
    for (const metric of [
      'delivered',
      'opened',
      'clicked',
      'converted',
      'bounced',
      'deferred',
      'dropped',
      'spammed',
    ])
      ok(await t.track.metric({ delivery_id: adaDelivery.id, metric, timestamp: 1_700_000_000 }));
    ok(await t.track.metric({ delivery_id: adaDelivery.id, metric: 'delivered' })); // again: one delivery
    ok(
      await t.track.metric({
        delivery_id: bobDelivery.id,
        metric: 'delivered',
        recipient: 'bob@example.com',
      }),
    );
    expect(await metrics(t, b.messageId)).toMatchObject({
      deliveries: 2,
      delivered: 2,
      opened: 1,
      clicked: 1,
      converted: 1,
      bounced: 1,
      deferred: 1,
      dropped: 1,
      spammed: 1,
      unsubscribed: 0,
    });
    const listed = (await t.admin.get(t.at('deliveries?limit=500'))).body.items.find(
      (d: { id: string }) => d.id === adaDelivery.id,
    );
    expect(listed).toMatchObject({ opens: 1, clicks: 1 });
    const [row] = await queryRows<{ count: number; first: Date }>(
      service.ctx.db,
      sql`SELECT count, first_at AS first FROM delivery_events
          WHERE workspace_id = ${t.workspace.id} AND delivery_id = ${adaDelivery.id} AND metric = 'delivered'`,
    );
    expect(row!.count).toBe(2);
    expect(new Date(row!.first).toISOString()).toBe(new Date(1_700_000_000_000).toISOString());
  });

  test('a bounce keeps its reason; a metric name Customer.io does not have is a 400 with meta.error', async () => {
    const t = await setUp();
    const { adaDelivery } = await sent(t);
    ok(await t.track.metric({ delivery_id: adaDelivery.id, metric: 'bounced', reason: 'mailbox full' }));
    const [row] = await queryRows<{ reason: string }>(
      service.ctx.db,
      sql`SELECT reason FROM delivery_events WHERE delivery_id = ${adaDelivery.id} AND metric = 'bounced'`,
    );
    expect(row!.reason).toBe('mailbox full');
    expectTrackProblem(await t.track.metric({ delivery_id: adaDelivery.id, metric: 'read' }), 400);
    expectTrackProblem(await t.track.metric({ delivery_id: adaDelivery.id }), 400);
    expectTrackProblem(await t.track.metric({ metric: 'opened' }), 400);
    // Milliseconds are no Unix time in seconds.
    expectTrackProblem(
      await t.track.metric({ delivery_id: adaDelivery.id, metric: 'opened', timestamp: 1_700_000_000_000 }),
      400,
    );
  });

  test('a delivery this workspace does not have is ignored (200 {}), another workspace’s included', async () => {
    const mine = await setUp();
    const theirs = await setUp();
    const { b, adaDelivery } = await sent(theirs);
    ok(await mine.track.metric({ delivery_id: 'dlv_nothing', metric: 'delivered' }));
    ok(await mine.track.metric({ delivery_id: adaDelivery.id, metric: 'delivered' }));
    ok(await mine.track.metric({ delivery_id: adaDelivery.id, metric: 'opened' }));
    ok(await mine.track.push({ delivery_id: adaDelivery.id, event: 'opened' }));
    expect(await metrics(theirs, b.messageId)).toMatchObject({ delivered: 0, opened: 0 });
  });

  test('a click keeps its link, as a bounce its reason', async () => {
    const t = await setUp();
    const { adaDelivery } = await sent(t);
    ok(
      await t.track.metric({ delivery_id: adaDelivery.id, metric: 'clicked', href: 'https://example.com/a' }),
    );
    const rows = await queryRows<{ href: string }>(
      service.ctx.db,
      sql`SELECT href FROM delivery_events WHERE delivery_id = ${adaDelivery.id} AND metric = 'clicked'`,
    );
    expect(rows).toEqual([{ href: 'https://example.com/a' }]);
  });

  test('while the workspace revalidates, an unknown delivery answers as it would after: 200 {} for a metric, 404 for an unsubscribe', async () => {
    const mine = await setUp();
    const theirs = await setUp();
    const { adaDelivery: theirDelivery } = await sent(theirs);
    const { adaDelivery } = await sent(mine);
    await mine.admin.patch(mine.at('settings'), { identifiers: { email: false, id: true } });
    const unknown = await mine.track.metric({ delivery_id: 'dlv_nothing', metric: 'delivered' });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({});
    expect((await mine.track.metric({ delivery_id: theirDelivery.id, metric: 'delivered' })).status).toBe(
      200,
    );
    expectTrackProblem(await mine.track.unsubscribe('dlv_nothing'), 404, 'not_found');
    expectTrackProblem(await mine.track.unsubscribe(theirDelivery.id), 404, 'not_found');
    expect((await mine.track.unsubscribe(adaDelivery.id)).status).toBe(202); // its own: queued
    await service.worker.runUntilIdle();
  });

  test('while the workspace tracks no opens, a reported open counts nothing', async () => {
    const t = await setUp();
    const { b, adaDelivery } = await sent(t);
    await t.admin.patch(t.at('settings'), { openTracking: false });
    ok(await t.track.metric({ delivery_id: adaDelivery.id, metric: 'opened' }));
    await t.admin.patch(t.at('settings'), { openTracking: true });
    expect(await metrics(t, b.messageId)).toMatchObject({ opened: 0 });
  });
});

describe('POST /api/v1/push/events', () => {
  test('delivered, opened and converted are recorded as /metrics records them; other events are a 400', async () => {
    const t = await setUp();
    const { b, adaDelivery } = await sent(t);
    for (const event of ['delivered', 'opened', 'converted'])
      ok(
        await t.track.push({
          delivery_id: adaDelivery.id,
          device_id: 'tok-1',
          event,
          timestamp: 1_700_000_000,
        }),
      );
    expect(await metrics(t, b.messageId)).toMatchObject({ delivered: 1, opened: 1, converted: 1 });
    expectTrackProblem(await t.track.push({ delivery_id: adaDelivery.id, event: 'clicked' }), 400);
  });
});

describe('POST /unsubscribe/{delivery_id}', () => {
  test('sets the person’s unsubscribed attribute, counts in the message’s metrics, and the next broadcast emails them not', async () => {
    const t = await setUp();
    const { ada, bob, b, adaDelivery } = await sent(t);
    ok(await t.track.unsubscribe(adaDelivery.id, { unsubscribe: true }));
    expect(await attributesOf(t, ada.cioId)).toMatchObject({ unsubscribed: true });
    expect(await metrics(t, b.messageId)).toMatchObject({ unsubscribed: 1 });
    const next = await broadcast(t);
    const { report, deliveries } = await send(t, next, [ada.cioId, bob.cioId]);
    expect(report).toMatchObject({ queued: 1, skipped: 0, unsubscribed: 1 });
    expect(deliveries.map((d) => d.cioId)).toEqual([bob.cioId]);
    expect(await outboxTo(ada.email)).toEqual([{ n: 1 }]); // the first broadcast's only
  });

  test('unsubscribed written as text (a CSV cell, a form field, "true" through identify) is an opt-out too', async () => {
    const t = await setUp();
    const who = await Promise.all(
      [
        ['text', 'true'],
        ['upper', ' TRUE '],
        ['yes', 'yes'],
        ['one', 1],
        ['no', 'false'],
        ['zero', '0'],
      ].map(
        async ([id, unsubscribed]) =>
          (await t.track.identify(id as string, { email: `${unique(String(id))}@example.com`, unsubscribed }))
            .body,
      ),
    );
    const csv = `id,email,unsubscribed\ncsv,${unique('csv')}@example.com,TRUE\n`;
    await importCsv(service, t.admin, t.workspace.id, 'create', csv);
    const csvPerson = (await t.admin.get(t.at('people?id=csv'))).body.items[0];
    const { report, deliveries } = await send(t, await broadcast(t), [
      ...who.map((p) => p.cioId),
      csvPerson.cioId,
    ]);
    expect(report).toMatchObject({ queued: 2, unsubscribed: 5 });
    expect(deliveries.map((d) => d.cioId).sort()).toEqual([who[4].cioId, who[5].cioId].sort());
  });

  test('unsubscribe false subscribes the person again: the next broadcast emails them', async () => {
    const t = await setUp();
    const { ada, adaDelivery } = await sent(t);
    ok(await t.track.unsubscribe(adaDelivery.id)); // no body: unsubscribe, as the client's default
    expect(await attributesOf(t, ada.cioId)).toMatchObject({ unsubscribed: true });
    ok(await t.track.unsubscribe(adaDelivery.id, { unsubscribe: false }));
    expect(await attributesOf(t, ada.cioId)).toMatchObject({ unsubscribed: false });
    const { report } = await send(t, await broadcast(t), [ada.cioId]);
    expect(report).toMatchObject({ queued: 1 });
    expect(await outboxTo(ada.email)).toEqual([{ n: 2 }]);
  });

  test('a test send went to a team member: unsubscribing through it changes nobody', async () => {
    const t = await setUp();
    const { ada, b } = await sent(t);
    const test = await t.admin.post(t.at(`messages/${b.messageId}/send-test`), { cioId: ada.cioId });
    expect(test.status, JSON.stringify(test.body)).toBe(202);
    ok(await t.track.unsubscribe(test.body.id));
    expect(await attributesOf(t, ada.cioId)).not.toHaveProperty('unsubscribed');
    expect(await metrics(t, b.messageId)).toMatchObject({ unsubscribed: 0 });
  });

  test('through the delivery of someone merged since, unsubscribes the survivor; the next broadcast emails them not', async () => {
    const t = await setUp();
    const { ada, adaDelivery } = await sent(t);
    const ada2 = (await t.track.identify('ada2', { email: `${unique('ada2')}@example.com` })).body;
    ok(await t.merge('ada2', 'ada'));
    ok(await t.track.unsubscribe(adaDelivery.id));
    expect(await attributesOf(t, ada2.cioId)).toMatchObject({ unsubscribed: true });
    const { report, deliveries } = await send(t, await broadcast(t), [ada2.cioId]);
    expect(report).toMatchObject({ queued: 0, unsubscribed: 1 });
    expect(deliveries).toEqual([]);
    expect(ada.cioId).not.toBe(ada2.cioId);
  });

  test('a delivery whose person is gone (deleted, or merged into someone who got the same send) is a 404, nothing counted', async () => {
    const t = await setUp();
    const { ada, bob, b, adaDelivery, bobDelivery } = await sent(t);
    ok(await t.merge('ada', 'bob')); // both got b: ada keeps hers, bob's names nobody now
    expectTrackProblem(await t.track.unsubscribe(bobDelivery.id), 404, 'not_found');
    expect(await attributesOf(t, ada.cioId)).not.toHaveProperty('unsubscribed');
    ok(await t.track.remove('ada'));
    const gone = await t.track.unsubscribe(adaDelivery.id);
    expectTrackProblem(gone, 404, 'not_found');
    expect(gone.body.detail).toMatch(/no longer exists/);
    expect(await metrics(t, b.messageId)).toMatchObject({ unsubscribed: 0 });
    expect(bob.cioId).not.toBe(ada.cioId);
  });

  test('another workspace’s delivery is a 404 and its person is untouched; a body that is no boolean is a 400', async () => {
    const mine = await setUp();
    const theirs = await setUp();
    const { ada, adaDelivery } = await sent(theirs);
    expectTrackProblem(await mine.track.unsubscribe(adaDelivery.id), 404, 'not_found');
    expectTrackProblem(await mine.track.unsubscribe('dlv_nothing'), 404, 'not_found');
    expect(await attributesOf(theirs, ada.cioId)).not.toHaveProperty('unsubscribed');
    expectTrackProblem(await theirs.track.unsubscribe(adaDelivery.id, { unsubscribe: 'yes' }), 400);
  });
});

describe('POST /api/v1/forms/{form_id}/submit', () => {
  const eventsOf = (t: Track, cioId: string) =>
    queryRows<{ name: string; data: Record<string, unknown> }>(
      service.ctx.db,
      sql`SELECT name, data FROM events WHERE workspace_id = ${t.workspace.id} AND cio_id = ${cioId}`,
    );

  test('identifies the person by email (creating them), sets the other fields, records form_submitted; 204', async () => {
    const t = await setUp();
    const email = `${unique('lead')}@example.com`;
    const reply: Reply = await t.form('contact-us', {
      data: { email, first_name: 'Lea', plan: 'pro', form_name: 'ignored' },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(204);
    const found = (await t.admin.get(t.at(`people?email=${encodeURIComponent(email)}`))).body.items[0];
    expect(found).toBeDefined();
    expect(await attributesOf(t, found.cioId)).toEqual({ first_name: 'Lea', plan: 'pro' });
    expect(await eventsOf(t, found.cioId)).toEqual([
      { name: 'form_submitted', data: { form_id: 'contact-us', email, first_name: 'Lea', plan: 'pro' } },
    ]);
    // By id, for someone known: updates them.
    const known = (await t.track.identify('u-7', { plan: 'free' })).body;
    expect((await t.form('upgrade', { data: { id: 'u-7', plan: 'team' } })).status).toBe(204);
    expect(await attributesOf(t, known.cioId)).toEqual({ plan: 'team' });
  });

  test('data without an email or id, with both, or with a value that is no string: a 400 saying so, nothing written', async () => {
    const t = await setUp();
    const none = await t.form('f', { data: { first_name: 'Nobody' } });
    expectTrackProblem(none, 400);
    expect(none.body.detail).toMatch(/email or an id/);
    expectTrackProblem(await t.form('f', { data: { email: 'a@example.com', id: 'a' } }), 400);
    const number = await t.form('f', { data: { email: 'b@example.com', age: 42 } });
    expectTrackProblem(number, 400);
    expect(number.body.detail).toMatch(/strings/);
    expectTrackProblem(await t.form('f', {}), 400);
    expect((await t.admin.get(t.at('people'))).body.items).toEqual([]);
  });

  test('fields that fit but not with the form’s id: a 400, and no person created (all or nothing)', async () => {
    const t = await setUp();
    const fields: Record<string, string> = { email: `${unique('big')}@example.com` };
    const size = () => Buffer.byteLength(JSON.stringify(fields));
    let last = '';
    for (let i = 0; size() < 99_915; i++) {
      last = `f${i}`;
      fields[last] = 'x'.repeat(990);
    }
    fields[last] = 'x'.repeat(990 - (size() - 99_915)); // each value under 1,000 bytes
    expect(size()).toBe(99_915);
    const reply = await t.form('y'.repeat(150), { data: fields });
    expectTrackProblem(reply, 400);
    expect(reply.body.detail).toMatch(/event data/);
    expect((await t.admin.get(t.at('people'))).body.items).toEqual([]);
  });
});
