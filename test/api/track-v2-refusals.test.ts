import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectProblem } from '../support/client.js';
import { holdTransaction } from '../support/held-transaction.js';
import { startService, type TestService } from '../support/service.js';
import { createObjectType, personById, workspaceWithV2 } from '../support/track-v2.js';

// How the Track API v2 refuses what it cannot take: per operation, naming the field, with the
// limits v1 keeps too (src/features/track/limits.ts).

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const identify = (id: string, attributes: Record<string, unknown> = {}) => ({
  type: 'person',
  action: 'identify',
  identifiers: { id },
  attributes,
});

const event = (id: string, more: Record<string, unknown>) => ({
  type: 'person',
  action: 'event',
  identifiers: { id },
  name: 'played',
  ...more,
});

describe('Track API v2: refusals', () => {
  test('a NUL byte refuses its operation in the 207, naming the field; the rest of the batch is applied', async () => {
    const { admin, workspace, track } = await workspaceWithV2(service);
    const bad = `{"type":"person","action":"identify","identifiers":{"id":"p2"},"attributes":{"k":"a\\u0000b"}}`;
    const good = JSON.stringify(identify('p1', { plan: 'gold' }));
    const answer = await track.raw('/api/v2/batch', `{"batch":[${good},${bad}]}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(207);
    expect(answer.body.errors).toEqual([
      { batch_index: 1, reason: 'invalid', field: 'attributes.k', message: expect.stringContaining('NUL') },
    ]);
    expect((await personById(admin, workspace.id, 'p1'))?.attributes).toMatchObject({ plan: 'gold' });
    expect(await personById(admin, workspace.id, 'p2')).toBeUndefined();
    // A NUL in a relationship's identifiers is named where it is.
    const inRelationship = `{"type":"object","action":"add_relationships","identifiers":{"object_type_id":"1","object_id":"o"},"cio_relationships":[{"identifiers":{"id":"x\\u0000"}}]}`;
    const second = await track.raw('/api/v2/batch', `{"batch":[${inRelationship}]}`);
    expect(second.body.errors[0]).toMatchObject({ field: 'cio_relationships[0].identifiers.id' });
  });

  test('the id and email given in attributes obey the identifier limits (150 and 300 bytes), as v1', async () => {
    const { admin, workspace, track } = await workspaceWithV2(service);
    const answer = await track.batch([
      identify('a', { id: 'x'.repeat(999) }),
      identify('b', { email: `${'e'.repeat(300)}@example.com` }),
      // At the limits (the attributes' id the one that names the person: a second id is refused).
      identify('x'.repeat(150), { id: 'x'.repeat(150), email: `${'e'.repeat(280)}@example.com` }),
    ]);
    expect(answer.status).toBe(207);
    expect(answer.body.errors).toEqual([
      { batch_index: 0, reason: 'too_long', field: 'attributes.id', message: expect.stringContaining('150') },
      {
        batch_index: 1,
        reason: 'too_long',
        field: 'attributes.email',
        message: expect.stringContaining('300'),
      },
    ]);
    expect(await personById(admin, workspace.id, 'x'.repeat(150))).toMatchObject({
      email: `${'e'.repeat(280)}@example.com`,
    });
    const entity = await track.entity(identify('d', { id: 'y'.repeat(151) }));
    expectProblem(entity, 400, 'invalid');
    expect(entity.body.errors[0]).toMatchObject({ field: 'attributes.id' });
  });

  test('an object type id that is a number no type can have (1.5, -1) is a malformed request, not a missing type', async () => {
    const { admin, workspace, track } = await workspaceWithV2(service);
    await createObjectType(admin, workspace.id, 'Companies');
    for (const given of ['1.5', '-1', '01', '0', '1e3', '9999999999']) {
      const op = {
        type: 'object',
        action: 'identify',
        identifiers: { object_type_id: given, object_id: 'o' },
      };
      const entity = await track.entity(op);
      expectProblem(entity, 400, 'invalid');
      expect(entity.body.errors[0]).toMatchObject({ field: 'identifiers.object_type_id' });
      const batch = await track.batch([op]);
      expect(batch.body.errors).toEqual([
        {
          batch_index: 0,
          reason: 'invalid',
          field: 'identifiers.object_type_id',
          message: expect.any(String),
        },
      ]);
    }
    const missing = await track.entity({
      type: 'object',
      action: 'identify',
      identifiers: { object_type_id: '7', object_id: 'o' },
    });
    expectProblem(missing, 404, 'not_found');
  });

  test('refusals name their field: an email that is none, a timestamp out of range (207 in a batch, 400 alone)', async () => {
    const { track } = await workspaceWithV2(service);
    const answer = await track.batch([
      identify('a'),
      identify('b', { email: 'nope' }),
      event('a', { timestamp: 1e20 }),
      event('a', { timestamp: 1796356892244 }),
      event('a', { timestamp: 253402300800 }),
      event('a', { timestamp: 253402300799 }),
      {
        type: 'person',
        action: 'add_device',
        identifiers: { id: 'a' },
        device: { token: 't', platform: 'ios', last_used: 1e15 },
      },
    ]);
    expect(answer.status).toBe(207);
    expect(
      answer.body.errors.map((e: { batch_index: number; field: string }) => [e.batch_index, e.field]),
    ).toEqual([
      [1, 'attributes.email'],
      [2, 'timestamp'],
      [3, 'timestamp'],
      [4, 'timestamp'],
      [6, 'device.last_used'],
    ]);
    for (const timestamp of [1796356892244, 253402300800, 1e20]) {
      const entity = await track.entity(event('a', { timestamp }));
      expectProblem(entity, 400, 'invalid');
      expect(entity.body.errors[0]).toMatchObject({ field: 'timestamp' });
    }
  });
});

describe('relationships to people', () => {
  // PostgreSQL only: PGlite has one connection, so nothing runs beside a held transaction.
  test.skipIf(!process.env.DATABASE_URL)(
    'a person deleted while an object is related to them is a refusal naming them, never a 500',
    async () => {
      const { admin, workspace, track } = await workspaceWithV2(service);
      await createObjectType(admin, workspace.id, 'Companies');
      await track.entity({ type: 'person', action: 'identify', identifiers: { id: 'gone' }, attributes: {} });
      const person = await personById(admin, workspace.id, 'gone');
      const deleting = await holdTransaction(service.ctx.db, (tx) =>
        tx.execute(
          sql`DELETE FROM people WHERE workspace_id = ${workspace.id} AND cio_id = ${person!.cioId}`,
        ),
      );
      const relating = track.entity({
        type: 'object',
        action: 'identify',
        identifiers: { object_type_id: '1', object_id: 'acme' },
        cio_relationships: [{ identifiers: { id: 'gone' } }],
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      deleting.release();
      await deleting.done;
      const answer = await relating;
      expect(answer.status, JSON.stringify(answer.body)).toBe(404);
      expect(answer.body.errors[0]).toMatchObject({ field: 'cio_relationships' });
    },
  );
});
