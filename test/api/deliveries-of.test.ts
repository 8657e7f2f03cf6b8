import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Client, expectProblem } from '../support/client.js';
import { addMember } from '../support/members.js';
import { unique } from '../support/row-probes.js';
import { setUpSending } from '../support/sending.js';
import { startService, type TestService } from '../support/service.js';
import { ok } from '../support/track-v1.js';

// What the console's metrics screen reads besides the metrics: one message of the library
// (GET …/messages/{id}), and the deliveries of one message or broadcast (GET …/deliveries
// ?messageId|sourceId), each with its unsubscribe and what a Track API client reported of it.

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

interface Delivery {
  id: string;
  messageId: string;
  sourceId: string;
  cioId: string | null;
  recipient: string | null;
  subject: string;
  reason: string | null;
  unsubscribed: boolean;
  reported: string[];
}

async function setUp() {
  const t = await setUpSending(service);
  const _c = service.client();
  const { at } = t;
  const email = (name: string) => ({ name, subject: `About ${name}`, body: '<p>Hi</p>' });
  /** A broadcast of two email messages, sent to these people; answers its id and its messages' ids. */
  const sendBroadcast = async (cioIds: string[]) => {
    const made = await t.newBroadcast([email('First'), email('Second')]);
    await t.send(made.id, cioIds);
    return made;
  };
  const person = async (id: string) =>
    (await t.track.identify(id, { email: `${unique(id)}@example.com` })).body as { cioId: string };
  const list = async (client: Client, query: string) => {
    const reply = await client.get(at(`deliveries?${query}`));
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body as { items: Delivery[]; nextCursor: string | null };
  };
  return {
    ...t,
    sendBroadcast,
    person,
    list,
  };
}

describe('GET /api/workspaces/{ws}/deliveries by message or broadcast', () => {
  test('messageId lists that message’s deliveries only, sourceId its broadcast’s, paged within the filter', async () => {
    const t = await setUp();
    const ada = await t.person('ada');
    const bob = await t.person('bob');
    const news = await t.sendBroadcast([ada.cioId, bob.cioId]);
    const other = await t.sendBroadcast([ada.cioId]);
    const [first, second] = news.messageIds as [string, string];

    const ofFirst = await t.list(t.admin, `messageId=${first}`);
    expect(ofFirst.items.map((d) => d.messageId)).toEqual([first, first]);
    expect(ofFirst.items.map((d) => d.cioId).sort()).toEqual([ada.cioId, bob.cioId].sort());
    expect((await t.list(t.admin, `messageId=${second}`)).items).toHaveLength(2);
    const ofNews = await t.list(t.admin, `sourceId=${news.id}`);
    expect(ofNews.items).toHaveLength(4);
    expect(new Set(ofNews.items.map((d) => d.sourceId))).toEqual(new Set([news.id]));
    expect((await t.list(t.admin, `sourceId=${other.id}`)).items).toHaveLength(2); // its two messages to Ada
    // Both filters at once: that message of that broadcast; of another broadcast, nothing.
    expect((await t.list(t.admin, `sourceId=${news.id}&messageId=${first}`)).items).toHaveLength(2);
    expect((await t.list(t.admin, `sourceId=${other.id}&messageId=${first}`)).items).toEqual([]);

    // A page at a time, the cursor staying within the message's deliveries.
    const page1 = await t.list(t.admin, `messageId=${first}&limit=1`);
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await t.list(t.admin, `messageId=${first}&limit=1&cursor=${page1.nextCursor}`);
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    expect([...page1.items, ...page2.items].map((d) => d.id)).toEqual(ofFirst.items.map((d) => d.id));
  });

  test('each delivery says whether its person unsubscribed through it and what a Track API client reported of it', async () => {
    const t = await setUp();
    const ada = await t.person('ada');
    const bob = await t.person('bob');
    const news = await t.sendBroadcast([ada.cioId, bob.cioId]);
    const messageId = news.messageIds[0]!;
    const of = async (cioId: string) =>
      (await t.list(t.admin, `messageId=${messageId}`)).items.find((d) => d.cioId === cioId)!;
    const adaDelivery = await of(ada.cioId);
    expect(adaDelivery).toMatchObject({ unsubscribed: false, reported: [] });

    for (const metric of ['delivered', 'bounced', 'opened', 'clicked', 'converted'])
      ok(await t.track.metric({ delivery_id: adaDelivery.id, metric }));
    ok(await t.track.metric({ delivery_id: adaDelivery.id, metric: 'delivered' })); // again: listed once
    ok(await t.track.unsubscribe(adaDelivery.id));
    // Opens and clicks have their own counts; the rest is listed by name, in one order.
    expect(await of(ada.cioId)).toMatchObject({
      unsubscribed: true,
      reported: ['bounced', 'converted', 'delivered'],
      opens: 1,
      clicks: 1,
    });
    expect(await of(bob.cioId)).toMatchObject({ unsubscribed: false, reported: [] });
    // A test send answers the same shape: nothing reported of it yet.
    const test = await t.admin.post(t.at(`messages/${messageId}/send-test`), {});
    expect(test.status, JSON.stringify(test.body)).toBe(202);
    expect(test.body).toMatchObject({ unsubscribed: false, reported: [] });
  });

  test('a member with hidden attributes sees every recipient and subject masked, and the address in a failure’s reason; a filter naming another workspace’s message finds nothing', async () => {
    const t = await setUp();
    const ada = await t.person('ada');
    const news = await t.sendBroadcast([ada.cioId]);
    const viewer = await addMember(service, t.admin, {
      roles: [{ workspaceId: t.workspace.id, role: 'viewer', hideAttributes: true }],
    });
    // A failure whose reason quotes the address, as an SMTP server's refusal does (written here
    // as the mail job writes it: no SMTP server answers in tests).
    const [failing] = (await t.list(t.admin, `sourceId=${news.id}`)).items;
    const refusal = `550 5.1.1 <${failing!.recipient}>: Recipient address rejected`;
    await service.ctx.db.execute(
      sql`UPDATE deliveries SET state = 'failed', reason = ${refusal} WHERE id = ${failing!.id}`,
    );
    const seen = await t.list(viewer.client, `sourceId=${news.id}`);
    expect(seen.items.map((d) => [d.recipient, d.subject, d.reason])).toEqual([
      ['••••••', '••••••', '550 5.1.1 <••••••>: Recipient address rejected'],
      ['••••••', '••••••', null],
    ]);
    expect((await t.list(t.admin, `sourceId=${news.id}`)).items[0]!.reason).toBe(refusal);

    const elsewhere = await setUp();
    expect((await elsewhere.list(elsewhere.admin, `messageId=${news.messageIds[0]}`)).items).toEqual([]);
    expect((await elsewhere.list(elsewhere.admin, `sourceId=${news.id}`)).items).toEqual([]);
  });
});

describe('GET /api/workspaces/{ws}/messages/{messageId}', () => {
  test('answers the message as the library lists it, with the item it belongs to; another workspace’s or an unknown one is 404', async () => {
    const t = await setUp();
    const made = await t.admin.post(t.at('broadcasts'), {
      name: 'Spring news',
      messages: [{ name: 'Issue 1', channel: 'email', subject: 'Spring', body: '<p>Hi</p>' }],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const messageId = made.body.messages[0].id as string;
    const one = await t.admin.get(t.at(`messages/${messageId}`));
    expect(one.status, JSON.stringify(one.body)).toBe(200);
    expect(one.body).toMatchObject({
      id: messageId,
      name: 'Issue 1',
      channel: 'email',
      subject: 'Spring',
      source: { kind: 'broadcast', id: made.body.id, name: 'Spring news' },
    });
    const listed = (await t.admin.get(t.at('message-library'))).body.items.find(
      (m: { id: string }) => m.id === messageId,
    );
    expect(one.body).toEqual(listed);

    expectProblem(await t.admin.get(t.at('messages/mg_unknown')), 404);
    const elsewhere = await setUp();
    expectProblem(await elsewhere.admin.get(elsewhere.at(`messages/${messageId}`)), 404);
  });
});
