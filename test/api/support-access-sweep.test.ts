import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { deleteExpiredSessions } from '../../src/features/auth/service.js';
import { issueSignInLink } from '../../src/features/support/sessions.js';
import { expectProblem } from '../support/client.js';
import { startService, type TestService } from '../support/service.js';

// The hourly housekeeping (src/main.ts) sweeps support sessions as it sweeps members' sessions. A
// service of its own: the test moves the clock by days.

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const HOUR = 60 * 60 * 1000;
const inHours = (hours: number) => new Date(service.clock.now().getTime() + hours * HOUR).toISOString();

interface SessionRow {
  id: string;
  agent: string;
  started: boolean;
  token: boolean;
  csrf: boolean;
}

const sessionRows = async (grantId: string) =>
  queryRows<SessionRow>(
    service.ctx.db,
    sql`SELECT id, agent, started_at IS NOT NULL AS started, token_hash IS NOT NULL AS token,
          csrf_token IS NOT NULL AS csrf
        FROM support_sessions WHERE grant_id = ${grantId} ORDER BY agent`,
  );

async function signIn(grantId: string, agent: string) {
  const { link } = await issueSignInLink(service.ctx, { grantId, agent, reason: 'ticket 123' });
  const client = service.client();
  const reply = await client.post('/api/support/sign-in', { token: new URL(link).hash.slice(1) });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return client;
}

test('housekeeping deletes unopened links a day past their expiry and forgets the credentials of support sessions that are over; the grant and its sessions stay listed', async () => {
  const admin = service.client();
  await admin.signup({ plan: 'premium' });
  const created = await admin.post('/api/account/support-grants', {
    workspaceIds: 'all',
    role: 'viewer',
    hideAttributes: false,
    expiresAt: inHours(72),
    reason: 'ticket 123',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const grantId = created.body.id as string;

  await issueSignInLink(service.ctx, { grantId, agent: 'a-never-opened', reason: 'ticket 123' });
  const live = await signIn(grantId, 'b-live');
  const gone = await signIn(grantId, 'c-signed-out');
  expect((await gone.delete('/api/session')).status).toBe(204);

  // An hour on: the unopened link has expired, but still says so when opened (kept a day).
  service.clock.advance(HOUR);
  await deleteExpiredSessions(service.ctx);
  expect(await sessionRows(grantId)).toEqual([
    { id: expect.any(String), agent: 'a-never-opened', started: false, token: false, csrf: false },
    { id: expect.any(String), agent: 'b-live', started: true, token: true, csrf: true },
    { id: expect.any(String), agent: 'c-signed-out', started: true, token: false, csrf: false },
  ]);
  expect((await live.get('/api/me')).status).toBe(200);

  // A day later: the link is deleted; a fresh one stays; the live session still works.
  service.clock.advance(24 * HOUR);
  await issueSignInLink(service.ctx, { grantId, agent: 'd-fresh-link', reason: 'ticket 123' });
  expect(await deleteExpiredSessions(service.ctx)).toBeGreaterThan(0);
  expect((await sessionRows(grantId)).map((r) => r.agent)).toEqual([
    'b-live',
    'c-signed-out',
    'd-fresh-link',
  ]);
  expect((await live.get('/api/me')).status).toBe(200);

  // The grant expires: the live session is over, its credentials forgotten; its history stays.
  service.clock.advance(48 * HOUR);
  expectProblem(await live.get('/api/me'), 401);
  await deleteExpiredSessions(service.ctx);
  const rows = await sessionRows(grantId);
  expect(rows.find((r) => r.agent === 'b-live')).toMatchObject({ token: false, csrf: false });
  const listed = await admin.get('/api/account/support-grants');
  expect(listed.body.items).toHaveLength(1);
  expect(listed.body.items[0]).toMatchObject({ id: grantId, status: 'expired' });
  expect(listed.body.items[0].sessions.map((s: { agent: string }) => s.agent).sort()).toEqual([
    'b-live',
    'c-signed-out',
  ]);
});
