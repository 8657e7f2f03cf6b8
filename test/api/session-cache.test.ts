import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addMember, linkInOutboxTable, tokenOf } from '../support/members.js';
import { msUntilMe, startOtherNode } from '../support/other-node.js';
import { startService, type TestService } from '../support/service.js';

// Sessions and the callers behind them are served from each process's memory (auth/service.ts,
// shared/account-cache.ts). Every test here first warms that cache, then changes something the
// cached caller holds, and expects the very next request to see it.

let service: TestService;
const cookieOf = (client: { cookies: Map<string, string> }) =>
  [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

describe('in the process that made the change, the next request sees it', () => {
  test('log-out, a role change, a password reset by link and a deletion', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const m = await addMember(service, admin, { roles: [{ workspaceId: workspace.id, role: 'viewer' }] });
    const roleOf = async () => {
      const me = await m.client.get('/api/me');
      return me.body.workspaces.find((w: { id: string }) => w.id === workspace.id)?.role;
    };
    expect(await roleOf()).toBe('viewer');
    expect(await roleOf()).toBe('viewer'); // from the cache now

    const changed = await admin.patch(`/api/team-members/${m.id}`, {
      workspaceAccess: { mode: 'custom', roles: [{ workspaceId: workspace.id, role: 'author' }] },
    });
    expect(changed.status).toBe(200);
    expect(await roleOf()).toBe('author');

    // A password reset by the emailed link (a public route) ends every session of the member.
    expect((await service.client().post('/api/password-resets', { email: m.email })).status).toBe(202);
    // The email is written after the answer (its timing must not tell known addresses from others).
    await expect.poll(() => linkInOutboxTable(service, m.email).catch(() => null)).toBeTruthy();
    const link = await linkInOutboxTable(service, m.email);
    const reset = await service.client().post(`/api/password-resets/${tokenOf(link)}`, {
      password: 'a brand new password 9',
    });
    expect(reset.status).toBe(204);
    expect((await m.client.get('/api/me')).status).toBe(401);

    const other = await addMember(service, admin);
    expect((await other.client.get('/api/me')).status).toBe(200);
    expect((await admin.delete(`/api/team-members/${other.id}`)).status).toBe(204);
    expect((await other.client.get('/api/me')).status).toBe(401);

    const own = service.client();
    await own.signup();
    expect((await own.get('/api/me')).status).toBe(200);
    const cookie = cookieOf(own);
    expect((await own.delete('/api/session')).status).toBe(204);
    // The cookie the browser was told to forget, sent again, is refused.
    expect((await fetch(`${service.url}/api/me`, { headers: { cookie } })).status).toBe(401);
  });

  test('a change by one member is seen by another member’s cached session of the same account', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const m = await addMember(service, admin, { roles: [{ workspaceId: workspace.id, role: 'viewer' }] });
    const names = async () =>
      (await m.client.get('/api/me')).body.workspaces.map((w: { name: string }) => w.name);
    expect(await names()).toEqual([workspace.name]);
    const renamed = await admin.patch(`/api/workspaces/${workspace.id}`, { name: 'Renamed' });
    expect(renamed.status).toBe(200);
    expect(await names()).toEqual(['Renamed']);
    const settings = await admin.get(`/api/workspaces/${workspace.id}/settings`);
    expect(settings.status).toBe(200);
    const changed = await admin.patch(`/api/workspaces/${workspace.id}/settings`, {
      openTracking: !settings.body.openTracking,
    });
    expect(changed.status).toBeLessThan(300);
    const again = await admin.get(`/api/workspaces/${workspace.id}/settings`);
    expect(again.body.openTracking).toBe(!settings.body.openTracking);
  });

  test('an expired session is refused even while cached', async () => {
    const client = service.client();
    await client.signup();
    expect((await client.get('/api/me')).status).toBe(200);
    service.clock.advance(service.config.sessionTtlMs + 1000);
    expect((await client.get('/api/me')).status).toBe(401);
  });
});

// Two processes on one PostgreSQL: the service of this test, and `atrium serve` started from source.
describe.skipIf(!process.env.DATABASE_URL)('in another process, within a second', () => {
  let child: ChildProcess | undefined;
  let other: string;
  beforeAll(async () => {
    ({ url: other, child } = await startOtherNode(service));
  }, 90_000);
  afterAll(() => {
    child?.kill('SIGTERM');
  });
  const untilOther = (cookie: string, until: (status: number, body: unknown) => boolean) =>
    msUntilMe(other, cookie, until);

  test('a revoked session fails there within 1 s; a role change shows there within 1 s', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const m = await addMember(service, admin, { roles: [{ workspaceId: workspace.id, role: 'viewer' }] });
    const cookie = cookieOf(m.client);
    const roleThere = (body: unknown) =>
      (body as { workspaces?: { id: string; role: string }[] }).workspaces?.find((w) => w.id === workspace.id)
        ?.role;
    // Warm the other process's cache, then change the role here.
    expect(await untilOther(cookie, (s, b) => s === 200 && roleThere(b) === 'viewer')).toBeLessThan(1000);
    const changed = await admin.patch(`/api/team-members/${m.id}`, {
      workspaceAccess: { mode: 'custom', roles: [{ workspaceId: workspace.id, role: 'author' }] },
    });
    expect(changed.status).toBe(200);
    expect(await untilOther(cookie, (s, b) => s === 200 && roleThere(b) === 'author')).toBeLessThan(1000);

    // Revoked here (the member's own log-out), refused there.
    expect((await m.client.delete('/api/session')).status).toBe(204);
    expect(await untilOther(cookie, (s) => s === 401)).toBeLessThan(1000);
  });

  test('a deleted member’s session fails there within 1 s', async () => {
    const admin = service.client();
    await admin.signup();
    const m = await addMember(service, admin);
    const cookie = cookieOf(m.client);
    expect(await untilOther(cookie, (s) => s === 200)).toBeLessThan(1000);
    expect((await admin.delete(`/api/team-members/${m.id}`)).status).toBe(204);
    expect(await untilOther(cookie, (s) => s === 401)).toBeLessThan(1000);
  });
});
