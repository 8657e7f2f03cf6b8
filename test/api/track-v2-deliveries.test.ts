import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { expectProblem } from '../support/client.js';
import { unique } from '../support/row-probes.js';
import { broadcasting } from '../support/sending.js';
import { startService, type TestService } from '../support/service.js';
import { personById, workspaceWithV2 } from '../support/track-v2.js';

// Track API v2's delivery operations (`type: "delivery"`) in /api/v2/entity and /api/v2/batch:
// metrics of push and in-app deliveries, counted as v1's push/events counts them. Broadcasts'
// emails stand for those deliveries here (their emails land in the outbox; no SMTP).

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

type Op = Record<string, unknown>;
type Workspace = Awaited<ReturnType<typeof workspace>>;

/** A delivery operation as Customer.io's reference writes it. */
const deliveryOp = (id: string, name: string, more: Op = {}): Op => ({
  type: 'delivery',
  action: 'event',
  identifiers: { id },
  name,
  attributes: { device_token: 'tok-1' },
  ...more,
});

/** A workspace with its broadcasts; in normal send mode unless asked for test mode (a new workspace's). */
async function workspace(mode: 'normal' | 'test' = 'normal') {
  const w = await workspaceWithV2(service);
  return { ...w, ...(await broadcasting(service, w.admin, w.workspace.id, mode)) };
}

/** People (ids) identified through v2, a broadcast of one email sent to them, and each one's delivery id. */
async function broadcastTo(w: Workspace, ids: string[]) {
  const identified = await w.track.batch(
    ids.map((id) => ({
      type: 'person',
      action: 'identify',
      identifiers: { id },
      attributes: { email: `${unique(id)}@example.com` },
    })),
  );
  expect(identified.status, JSON.stringify(identified.body)).toBe(200);
  const cioIds = new Map<string, string>();
  for (const id of ids) cioIds.set(id, (await personById(w.admin, w.workspace.id, id))!.cioId);
  const b = await w.newBroadcast([{ name: 'Issue', subject: 'News', body: '<p>Hello</p>' }]);
  await w.send(b.id, [...cioIds.values()]);
  const deliveries = (await w.admin.get(w.at('deliveries?limit=500'))).body.items as {
    id: string;
    sourceId: string;
    cioId: string;
  }[];
  const deliveryOf = (id: string) =>
    deliveries.find((d) => d.sourceId === b.id && d.cioId === cioIds.get(id))!.id;
  return { messageId: b.messageIds[0]!, deliveryOf };
}

const metrics = async (w: Workspace, messageId: string) =>
  (await w.admin.get(w.at(`messages/${messageId}/metrics`))).body;

const ok = (reply: { status: number; body: unknown }) => {
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  expect(reply.body).toEqual({});
};

describe('Track API v2: delivery operations', () => {
  test('opened, converted and delivered, by entity and by batch, count in the message’s metrics', async () => {
    const w = await workspace();
    const { messageId, deliveryOf } = await broadcastTo(w, ['ada', 'bob']);
    for (const name of ['delivered', 'opened', 'converted'])
      ok(await w.track.entity(deliveryOp(deliveryOf('ada'), name, { timestamp: 1_700_000_000 })));
    ok(
      await w.track.batch(
        ['delivered', 'opened', 'converted'].map((name) => deliveryOp(deliveryOf('bob'), name)),
      ),
    );
    expect(await metrics(w, messageId)).toMatchObject({
      deliveries: 2,
      delivered: 2,
      opened: 2,
      converted: 2,
      clicked: 0,
    });
    // The operation's timestamp is when it happened.
    const [row] = await queryRows<{ first: Date }>(
      service.ctx.db,
      sql`SELECT first_at AS first FROM delivery_events
          WHERE workspace_id = ${w.workspace.id} AND delivery_id = ${deliveryOf('ada')} AND metric = 'converted'`,
    );
    expect(new Date(row!.first).toISOString()).toBe(new Date(1_700_000_000_000).toISOString());
  });

  test('a batch of a good person operation, a delivery with a name Customer.io does not take and a good delivery: 207 with one error, both good ones applied', async () => {
    const w = await workspace();
    const { messageId, deliveryOf } = await broadcastTo(w, ['ada']);
    const answer = await w.track.batch([
      { type: 'person', action: 'identify', identifiers: { id: 'cy' }, attributes: { plan: 'pro' } },
      deliveryOp(deliveryOf('ada'), 'clicked'),
      deliveryOp(deliveryOf('ada'), 'opened'),
    ]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(207);
    expect(answer.body.errors).toEqual([
      {
        batch_index: 1,
        reason: 'invalid',
        field: 'name',
        message: 'name must be one of delivered, opened, converted',
      },
    ]);
    expect((await personById(w.admin, w.workspace.id, 'cy'))?.attributes).toEqual({ plan: 'pro' });
    expect(await metrics(w, messageId)).toMatchObject({ opened: 1, clicked: 0 });
  });

  test('what Customer.io’s reference refuses is refused, each saying which field; nothing counted', async () => {
    const w = await workspace();
    const { messageId, deliveryOf } = await broadcastTo(w, ['ada']);
    const id = deliveryOf('ada');
    const cases: [Op, Op][] = [
      [
        { ...deliveryOp(id, 'opened'), action: 'metric' },
        { reason: 'unsupported', field: 'action' },
      ],
      [
        { ...deliveryOp(id, 'opened'), action: undefined },
        { reason: 'required', field: 'action' },
      ],
      [deliveryOp(id, 'opened', { identifiers: {} }), { reason: 'required', field: 'identifiers.id' }],
      [
        deliveryOp(id, 'opened', { identifiers: { id: '' } }),
        { reason: 'required', field: 'identifiers.id' },
      ],
      [deliveryOp(id, 'opened', { identifiers: undefined }), { reason: 'required', field: 'identifiers' }],
      [deliveryOp(id, 'opened', { identifiers: { id: 7 } }), { reason: 'invalid', field: 'identifiers.id' }],
      [
        { ...deliveryOp(id, 'opened'), name: undefined },
        { reason: 'required', field: 'name' },
      ],
      [deliveryOp(id, 'Opened'), { reason: 'invalid', field: 'name' }],
      [deliveryOp(id, 'opened', { attributes: undefined }), { reason: 'required', field: 'attributes' }],
      [
        deliveryOp(id, 'opened', { attributes: {} }),
        { reason: 'required', field: 'attributes.device_token' },
      ],
      // Milliseconds are no Unix time in seconds.
      [deliveryOp(id, 'opened', { timestamp: 1_700_000_000_000 }), { reason: 'invalid', field: 'timestamp' }],
    ];
    const answer = await w.track.batch(cases.map(([op]) => op));
    expect(answer.status, JSON.stringify(answer.body)).toBe(207);
    expect(answer.body.errors).toHaveLength(cases.length);
    for (const [i, [, expected]] of cases.entries())
      expect(answer.body.errors[i]).toMatchObject({ batch_index: i, ...expected });
    // An entity refused: a 400 problem listing Customer.io's error, with meta.error.
    const entity = await w.track.entity(deliveryOp(id, 'bounced'));
    expectProblem(entity, 400, 'invalid');
    expect(entity.body.errors).toEqual([expect.objectContaining({ reason: 'invalid', field: 'name' })]);
    expect(entity.body.meta.error).toBe(entity.body.detail);
    expect(await metrics(w, messageId)).toMatchObject({ delivered: 0, opened: 0, converted: 0 });
  });

  test('a delivery this workspace does not have, another workspace’s included, is ignored (200 {}), as v1’s metrics', async () => {
    const mine = await workspace();
    const theirs = await workspace();
    const { messageId, deliveryOf } = await broadcastTo(theirs, ['ada']);
    ok(await mine.track.entity(deliveryOp(deliveryOf('ada'), 'opened')));
    ok(await mine.track.entity(deliveryOp('dlv_nothing', 'delivered')));
    ok(await mine.track.batch([deliveryOp(deliveryOf('ada'), 'delivered'), deliveryOp('dlv_x', 'opened')]));
    expect(await metrics(theirs, messageId)).toMatchObject({ deliveries: 1, delivered: 0, opened: 0 });
  });

  test('a delivery of test mode went to the test recipient: its metrics count nothing', async () => {
    const w = await workspace('test');
    const { messageId, deliveryOf } = await broadcastTo(w, ['ada']);
    ok(
      await w.track.batch(['delivered', 'opened', 'converted'].map((n) => deliveryOp(deliveryOf('ada'), n))),
    );
    expect(await metrics(w, messageId)).toMatchObject({ delivered: 0, opened: 0, converted: 0 });
  });

  test('while the workspace revalidates: its own delivery’s metric is queued (200 {}) and counted after; an unknown one is ignored now', async () => {
    const w = await workspace();
    const { messageId, deliveryOf } = await broadcastTo(w, ['ada']);
    const changed = await w.admin.patch(w.at('settings'), { identifiers: { email: false, id: true } });
    expect(changed.body.processingState).toBe('revalidating');
    const queued = async () =>
      (
        await queryRows<{ n: number }>(
          service.ctx.db,
          sql`SELECT count(*)::int AS n FROM track_queue WHERE workspace_id = ${w.workspace.id}`,
        )
      )[0]!.n;
    ok(await w.track.entity(deliveryOp('dlv_nothing', 'opened')));
    expect(await queued()).toBe(0);
    ok(await w.track.batch([deliveryOp(deliveryOf('ada'), 'delivered')]));
    expect(await queued()).toBe(1);
    expect(await metrics(w, messageId)).toMatchObject({ delivered: 0 });
    await service.worker.runUntilIdle();
    expect(await metrics(w, messageId)).toMatchObject({ delivered: 1 });
  });
});
