import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MASK } from '../../src/access/masking.js';
import { queryRows } from '../../src/db/connection.js';
import { applyOperations } from '../../src/features/track/apply.js';
import type { TrackOperation } from '../../src/features/track/operations.js';
import { DomainError } from '../../src/shared/errors.js';
import type { Client, Reply } from '../support/client.js';
import { addMember } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';
import { expectTrackProblem, ok, setUpTrack } from '../support/track-v1.js';

// The v1 Track API routes of issue #23 (suppress, devices, events and page views, anonymous events,
// the account's region) and the one applier behind them, over HTTP on the started service.

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const setUp = (options: { email?: boolean } = {}) => setUpTrack(service, options);

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return queryRows<T>(service.ctx.db, query);
}

const person = (admin: Client, workspaceId: string, cioId: string) =>
  admin.get(`/api/workspaces/${workspaceId}/people/${cioId}`);

describe('suppress and unsuppress', () => {
  test('a suppressed person is deleted; identify and other calls for any of their identifiers are ignored until unsuppressed', async () => {
    const { admin, workspace, track } = await setUp();
    const ada = (await track.identify('ada', { email: 'Ada@Example.com', plan: 'pro' })).body;
    ok(await track.suppress('ada'));
    expect((await person(admin, workspace.id, ada.cioId)).status).toBe(404);
    // By id, by the email in another case (folded as emails are), and by cio_id: ignored, 200 {}.
    ok(await track.identify('ada', { plan: 'free' }));
    ok(await track.identify('ada@example.COM', { plan: 'free' }));
    ok(await track.identify('someone-else', { email: 'ada@example.com' }));
    ok(await track.event('ada', { name: 'bought' }));
    ok(await track.addDevice('ada', { id: 'tok-ada', platform: 'ios' }));
    ok(await track.remove('ada'));
    const left = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM people WHERE workspace_id = ${workspace.id}`,
    );
    expect(left).toEqual([{ n: 0 }]);
    // Suppressing again, or someone unknown, is fine (Customer.io records the identifier).
    ok(await track.suppress('ada'));
    ok(await track.suppress('never-seen'));
    ok(await track.identify('never-seen', {}));
    expect((await admin.get(`/api/workspaces/${workspace.id}/people`)).body.items).toEqual([]);
    // Unsuppressing by the email lifts the suppression of all of the person's identifiers; the
    // person is not restored: a later identify creates someone new, with nothing of before.
    ok(await track.unsuppress('ada@example.com'));
    const again = await track.identify('ada', { email: 'ada@example.com' });
    expect(again.status).toBe(200);
    expect(again.body.cioId).not.toBe(ada.cioId);
    expect(again.body.attributes).toEqual({});
    expect((await track.identify('never-seen', {})).body).toEqual({}); // still suppressed
  });

  test('suppress names the person by the workspace’s identifier rules', async () => {
    const { track } = await setUp();
    await track.identify('bo', {});
    // A cio_id that names nobody is recorded all the same; an unsuppress of nobody is fine.
    ok(await track.suppress('cio_nobody'));
    ok(await track.unsuppress('nobody'));
    const byId = await setUp({ email: false });
    // With email not an identifier, "x@example.com" is an id like any other.
    ok(await byId.track.suppress('x@example.com'));
    ok(await byId.track.identify('x@example.com', {}));
  });
});

describe('devices', () => {
  test('added to a person, listed on them, moved when another person adds the token, deleted', async () => {
    const { admin, workspace, track } = await setUp();
    const ada = (await track.identify('ada', {})).body;
    const bo = (await track.identify('bo', {})).body;
    ok(
      await track.addDevice('ada', {
        id: 'tok-1',
        platform: 'ios',
        last_used: 1_700_000_000,
        attributes: { app: '2.1' },
      }),
    );
    ok(await track.addDevice('ada', { id: 'tok-2', platform: 'android' }));
    const seen = (await person(admin, workspace.id, ada.cioId)).body;
    expect(seen.devices).toEqual([
      {
        token: 'tok-1',
        platform: 'ios',
        lastUsed: new Date(1_700_000_000_000).toISOString(),
        attributes: { app: '2.1' },
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
      expect.objectContaining({ token: 'tok-2', platform: 'android', lastUsed: null, attributes: {} }),
    ]);
    // The token is one person's: Bo adding it takes it from Ada.
    ok(await track.addDevice('bo', { id: 'tok-1', platform: 'ios' }));
    expect(
      (await person(admin, workspace.id, ada.cioId)).body.devices.map((d: { token: string }) => d.token),
    ).toEqual(['tok-2']);
    const bos = (await person(admin, workspace.id, bo.cioId)).body.devices;
    expect(bos).toEqual([expect.objectContaining({ token: 'tok-1', attributes: { app: '2.1' } })]);
    // Deleting names the person and the token; a token of someone else is left alone.
    ok(await track.deleteDevice('ada', 'tok-1'));
    expect((await person(admin, workspace.id, bo.cioId)).body.devices).toHaveLength(1);
    ok(await track.deleteDevice('bo', 'tok-1'));
    expect((await person(admin, workspace.id, bo.cioId)).body.devices).toEqual([]);
    // Deleted with the person.
    ok(await track.remove('ada'));
    expect(await rows(sql`SELECT token FROM devices WHERE workspace_id = ${workspace.id}`)).toEqual([]);
  });

  test('refusals: no such person, a bad platform or time, an identifier the workspace does not use', async () => {
    const { track } = await setUp();
    await track.identify('ada', {});
    expectTrackProblem(await track.addDevice('nobody', { id: 't', platform: 'ios' }), 404, 'not_found');
    expectTrackProblem(await track.addDevice('ada', { id: 't', platform: 'windows' }), 400);
    expectTrackProblem(await track.addDevice('ada', { platform: 'ios' }), 400);
    expectTrackProblem(await track.addDevice('ada', { id: 't', platform: 'ios', last_used: 1e20 }), 400);
    ok(await track.deleteDevice('nobody', 't')); // deletes are idempotent, as Customer.io's
    ok(await track.deleteDevice('ada', 'unknown-token'));
    const emailOnly = await setUp();
    await emailOnly.admin.patch(`/api/workspaces/${emailOnly.workspace.id}/settings`, {
      identifiers: { email: true, id: false },
    });
    await service.worker.runUntilIdle();
    expectTrackProblem(
      await emailOnly.track.addDevice('plain-id', { id: 't', platform: 'ios' }),
      400,
      'not_an_identifier',
    );
    expectTrackProblem(await emailOnly.track.suppress('plain-id'), 400, 'not_an_identifier');
  });

  test('members with hidden attributes see a device’s platform and times, not its token or attributes', async () => {
    const { admin, workspace, track } = await setUp();
    const ada = (await track.identify('ada', {})).body;
    ok(await track.addDevice('ada', { id: 'secret-token', platform: 'ios', attributes: { carrier: 'x' } }));
    const masked = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer', hideAttributes: true }],
    });
    const seen = (await person(masked.client, workspace.id, ada.cioId)).body;
    expect(seen.devices).toEqual([
      expect.objectContaining({ token: MASK, platform: 'ios', attributes: { carrier: MASK } }),
    ]);
    expect(JSON.stringify(seen)).not.toContain('secret-token');
  });

  test('move to the survivor when people sharing an email are merged', async () => {
    const { admin, workspace, track } = await setUp({ email: false });
    const first = (await track.identify('one', { email: 'same@example.com' })).body;
    await track.identify('two', { email: 'same@example.com' });
    ok(await track.addDevice('two', { id: 'tok-two', platform: 'android' }));
    await admin.patch(`/api/workspaces/${workspace.id}/settings`, { identifiers: { email: true, id: true } });
    await service.worker.runUntilIdle();
    const devices = await rows<{ cio_id: string }>(
      sql`SELECT cio_id FROM devices WHERE workspace_id = ${workspace.id}`,
    );
    expect(devices).toEqual([{ cio_id: first.cioId }]);
  });
});

describe('events', () => {
  test('events and page views answer 200 {}; type, time and the client’s id are kept; an id sent twice is kept once', async () => {
    const { workspace, track } = await setUp();
    const ada = (await track.identify('ada', {})).body;
    ok(await track.event('ada', { name: 'bought', data: { price: 3 }, timestamp: 1_600_000_000, id: 'e-1' }));
    ok(await track.event('ada', { name: 'bought', data: { price: 4 }, id: 'e-1' }));
    ok(await track.event('ada', { type: 'page', name: 'https://example.com/pricing' }));
    ok(await track.event('ada', { type: 'screen', name: 'Settings' }));
    const stored = await rows(
      sql`SELECT name, type, data, client_id, extract(epoch FROM created_at)::int AS at FROM events WHERE workspace_id = ${workspace.id} ORDER BY id`,
    );
    expect(stored).toEqual([
      {
        name: 'bought',
        type: 'event',
        data: { price: 3 },
        client_id: 'e-1',
        at: 1_600_000_000,
      },
      expect.objectContaining({ name: 'https://example.com/pricing', type: 'page', client_id: null }),
      expect.objectContaining({ name: 'Settings', type: 'screen' }),
    ]);
    expect(stored.every((e) => (e as { cio_id?: string }).cio_id === undefined)).toBe(true);
    expect(ada.cioId).toBeTruthy();
    expectTrackProblem(await track.event('ada', { data: {} }), 400);
    expectTrackProblem(await track.event('ada', { name: 'x', type: 'click' }), 400);
    expectTrackProblem(await track.event('ada', { name: 'x', data: { big: 'x'.repeat(100_001) } }), 400);
    expectTrackProblem(await track.event('nobody', { name: 'x' }), 404, 'not_found');
  });

  test('anonymous events are stored, and become the person’s when an identify sets their anonymous_id', async () => {
    const { workspace, track } = await setUp();
    ok(await track.anonymous({ name: 'viewed', anonymous_id: 'anon-1', data: { page: 1 } }));
    ok(await track.anonymous({ name: 'https://example.com/', type: 'page', anonymous_id: 'anon-1' }));
    ok(await track.anonymous({ name: 'other', anonymous_id: 'anon-2' }));
    ok(await track.anonymous({ name: 'invite', data: { recipient: 'x@example.com' } }));
    expectTrackProblem(await track.anonymous({ anonymous_id: 'anon-1' }), 400);
    const anonymous = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM anonymous_events WHERE workspace_id = ${workspace.id}`,
    );
    expect(anonymous).toEqual([{ n: 4 }]);
    // An empty anonymous_id names no anonymous events (an invite event has none).
    ok(await track.anonymous({ name: 'invite-2', anonymous_id: '' }));
    await track.identify('nobody-anonymous', { anonymous_id: '' });
    const ada = (await track.identify('ada', { anonymous_id: 'anon-1' })).body;
    const events = await rows(
      sql`SELECT cio_id, name, type FROM events WHERE workspace_id = ${workspace.id} ORDER BY id`,
    );
    expect(events).toEqual([
      { cio_id: ada.cioId, name: 'viewed', type: 'event' },
      { cio_id: ada.cioId, name: 'https://example.com/', type: 'page' },
    ]);
    const left = await rows<{ name: string }>(
      sql`SELECT name FROM anonymous_events WHERE workspace_id = ${workspace.id} ORDER BY id`,
    );
    expect(left.map((r) => r.name)).toEqual(['other', 'invite', 'invite-2']);
    expect(
      await rows(
        sql`SELECT count(*)::int AS n FROM anonymous_events WHERE workspace_id = ${workspace.id} AND anonymous_id IS NULL`,
      ),
    ).toEqual([{ n: 2 }]);
  });
});

describe('the account’s region, and the answers of v1 writes', () => {
  test('accounts/region answers this installation’s URL', async () => {
    const { track, workspace } = await setUp();
    const region = await track.region();
    expect(region.status).toBe(200);
    expect(region.body).toEqual({
      url: service.ctx.config.publicUrl,
      region: expect.any(String),
      environment_id: workspace.id,
    });
    expect((await service.client().get('/api/v1/accounts/region')).status).toBe(401);
  });

  test('delete answers 200 {}, again when it finds nobody (a retried delete is done, as Customer.io)', async () => {
    const { track } = await setUp();
    await track.identify('ada', {});
    ok(await track.remove('ada'));
    ok(await track.remove('ada'));
    ok(await track.remove('never-seen'));
  });
});

describe('while the workspace revalidates', () => {
  test('every call is queued (202), malformed ones refused at once, then all applied in order', async () => {
    const { admin, workspace, track } = await setUp();
    const ada = (await track.identify('ada', { email: 'ada@example.com' })).body;
    await admin.patch(`/api/workspaces/${workspace.id}/settings`, {
      identifiers: { email: false, id: true },
    });
    const queued = { status: 202, body: { queued: true } };
    const answer = (r: Reply) => ({ status: r.status, body: r.body });
    expect(answer(await track.addDevice('ada', { id: 'tok', platform: 'ios' }))).toEqual(queued);
    expect(answer(await track.event('ada', { name: 'first' }))).toEqual(queued);
    expect(answer(await track.anonymous({ name: 'seen', anonymous_id: 'anon' }))).toEqual(queued);
    expect(answer(await track.identify('ada', { anonymous_id: 'anon' }))).toEqual(queued);
    expect(answer(await track.suppress('gone'))).toEqual(queued);
    expect(answer(await track.unsuppress('gone'))).toEqual(queued);
    expectTrackProblem(await track.addDevice('ada', { id: 'tok', platform: 'windows' }), 400);
    expectTrackProblem(await track.event('ada', { name: 'x', data: { big: 'x'.repeat(100_001) } }), 400);
    expect(answer(await track.remove('nobody'))).toEqual(queued); // a delete of nobody: done
    expect(answer(await track.event('nobody', { name: 'x' }))).toEqual(queued); // refused later: recorded in the log
    await service.worker.runUntilIdle();
    const seen = (await person(admin, workspace.id, ada.cioId)).body;
    expect(seen.devices).toEqual([expect.objectContaining({ token: 'tok' })]);
    expect(seen.attributes).toEqual({ anonymous_id: 'anon' });
    const events = await rows(
      sql`SELECT name FROM events WHERE workspace_id = ${workspace.id} ORDER BY created_at, id`,
    );
    expect(events).toEqual([{ name: 'first' }, { name: 'seen' }]);
    expect(await rows(sql`SELECT id FROM suppressions WHERE workspace_id = ${workspace.id}`)).toEqual([]);
    const log = await admin.get(`/api/workspaces/${workspace.id}/activity`);
    expect(JSON.stringify(log.body)).toContain('nobody');
  });

  test('calls queued in the shape before migration 0030 still drain', async () => {
    const { admin, workspace, track } = await setUp();
    const ada = (await track.identify('ada', {})).body;
    await admin.patch(`/api/workspaces/${workspace.id}/settings`, {
      identifiers: { email: false, id: true },
    });
    const db = service.ctx.db;
    await db.execute(sql`INSERT INTO track_queue (workspace_id, operation, identifier, body, received_at) VALUES
      (${workspace.id}, 'identify', 'ada', '{"plan": "old"}', now()),
      (${workspace.id}, 'event', 'ada', '{"name": "old-event", "data": {"n": 1}}', now())`);
    await service.worker.runUntilIdle();
    expect((await person(admin, workspace.id, ada.cioId)).body.attributes).toEqual({ plan: 'old' });
    expect(await rows(sql`SELECT name, data, type FROM events WHERE workspace_id = ${workspace.id}`)).toEqual(
      [{ name: 'old-event', data: { n: 1 }, type: 'event' }],
    );
  });
});

describe('applyOperations', () => {
  test('applies in order, each answering for itself: a refused operation leaves no trace and stops nothing', async () => {
    const { admin, workspace, holder } = await setUp();
    const identify = (id: string, attributes: Record<string, unknown>): TrackOperation => ({
      type: 'person',
      action: 'identify',
      person: { id },
      attributes,
    });
    const outcomes = await applyOperations(service.ctx, holder, [
      identify('a', { email: 'a@example.com', n: 1 }),
      identify('b', { email: 'a@example.com' }), // taken by a: refused
      identify('c', { n: 3 }),
      { type: 'person', action: 'event', person: { id: 'a' }, event: { name: 'e', type: 'event', data: {} } },
      {
        type: 'person',
        action: 'add_device',
        person: { email: 'A@example.com' },
        device: { token: 't', platform: 'nokia', attributes: {} },
      },
      { type: 'person', action: 'delete', person: { cio_id: 'nobody' } },
      identify('c', { n: 4 }),
      { type: 'person', action: 'suppress', person: { id: 'c' } },
      identify('c', { n: 5 }),
    ]);
    expect(outcomes.map((o) => (o instanceof DomainError ? o.code : o))).toEqual([
      { applied: true },
      'identifier_taken',
      { applied: true },
      { applied: true },
      'invalid',
      { applied: true }, // nobody to delete: done, as Customer.io
      { applied: true },
      { applied: true },
      { applied: true }, // ignored: c is suppressed
    ]);
    const people = (await admin.get(`/api/workspaces/${workspace.id}/people`)).body.items;
    expect(people.map((p: { id: string; attributes: unknown }) => [p.id, p.attributes])).toEqual([
      ['a', { n: 1 }],
    ]);
    expect(await rows(sql`SELECT name FROM events WHERE workspace_id = ${workspace.id}`)).toEqual([
      { name: 'e' },
    ]);
    expect(await rows(sql`SELECT token FROM devices WHERE workspace_id = ${workspace.id}`)).toEqual([]);
  });

  test('v2’s typed identifiers follow the workspace’s rules: an email that is not an identifier is refused', async () => {
    const { holder } = await setUp({ email: false });
    const email = { email: 'ada@example.com' };
    const outcomes = await applyOperations(service.ctx, holder, [
      { type: 'person', action: 'suppress', person: email },
      {
        type: 'person',
        action: 'add_device',
        person: email,
        device: { token: 't', platform: 'ios', attributes: {} },
      },
      { type: 'person', action: 'identify', person: email, attributes: {} },
      { type: 'person', action: 'identify', person: { id: 'ada' }, attributes: { email: 'ada@example.com' } },
      {
        type: 'person',
        action: 'add_device',
        person: { id: 'ada' },
        device: { token: 't', platform: 'ios', attributes: {} },
      },
    ]);
    expect(outcomes.map((o) => (o instanceof DomainError ? o.code : o))).toEqual([
      'not_an_identifier',
      'not_an_identifier',
      'not_an_identifier',
      { applied: true },
      { applied: true },
    ]);
  });

  test('a run of 100 identifies costs one write of people', async () => {
    const { workspace, holder } = await setUp();
    const ops: TrackOperation[] = Array.from({ length: 100 }, (_, i) => ({
      type: 'person',
      action: 'identify',
      person: { id: `p-${i}` },
      attributes: { i },
    }));
    const outcomes = await applyOperations(service.ctx, holder, ops);
    expect(outcomes.every((o) => !(o instanceof DomainError) && 'applied' in o)).toBe(true);
    const [row] = await rows<{ n: number; stamps: number }>(
      sql`SELECT count(*)::int AS n, count(DISTINCT created_at)::int AS stamps FROM people WHERE workspace_id = ${workspace.id}`,
    );
    // One writePeople: one clock reading for all of them.
    expect(row).toEqual({ n: 100, stamps: 1 });
  });
});
