import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { passwordHashesComputed } from '../../src/features/auth/passwords.js';
import { isCommonPassword } from '../../src/features/security/password-policy.js';
import { type Client, expectProblem, type Reply } from '../support/client.js';
import { addMember, invite, linkInOutboxTable, tokenOf } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const MINUTE = 60_000;

/** Another session of the same person: a new client that logs in (as from another device). */
async function signIn(email: string, password: string, userAgent = FIREFOX): Promise<Client> {
  const client = service.client();
  const reply = await client.post(
    '/api/session',
    { email, password },
    { headers: { 'user-agent': userAgent } },
  );
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return client;
}

const sessionsOf = async (client: Client) => {
  const reply = await client.get('/api/me/sessions');
  expect(reply.status).toBe(200);
  return reply.body.items as { id: string; current: boolean; userAgent: string | null; ipAddress: string }[];
};
const actions = async (client: Client) =>
  ((await client.get('/api/account/activity')).body.items as { action: string }[]).map((e) => e.action);
const loopback = expect.stringMatching(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);

describe('sessions a person can see and end', () => {
  test('the list shows each live session of the caller, newest first, with its address, browser and which one is this', async () => {
    const laptop = service.client();
    const { email, password } = await laptop.signup();
    service.clock.advance(1000);
    const phone = await signIn(email, password);
    const other = service.client();
    await other.signup(); // someone else's sessions are not listed

    const listed = await sessionsOf(laptop);
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({ current: false, userAgent: FIREFOX, ipAddress: loopback });
    expect(listed[1]).toMatchObject({ current: true, ipAddress: loopback });
    const fromPhone = await sessionsOf(phone);
    expect(fromPhone.map((s) => [s.id, s.current])).toEqual([
      [listed[0]!.id, true],
      [listed[1]!.id, false],
    ]);
  });

  test('signing out one session: its cookie is refused at once; another member’s session is a 404 and lives on', async () => {
    const laptop = service.client();
    const { email, password } = await laptop.signup();
    const phone = await signIn(email, password);
    const member = await addMember(service, laptop);
    const [phoneSession] = (await sessionsOf(laptop)).filter((s) => !s.current);
    const [memberSession] = await sessionsOf(member.client);

    expectProblem(await laptop.delete(`/api/me/sessions/${memberSession!.id}`), 404, 'not_found');
    expectProblem(await laptop.delete('/api/me/sessions/ses_unknown'), 404, 'not_found');
    expect((await member.client.get('/api/me')).status).toBe(200);

    expect((await laptop.delete(`/api/me/sessions/${phoneSession!.id}`)).status).toBe(204);
    expectProblem(await phone.get('/api/me'), 401, 'unauthenticated');
    expect((await laptop.get('/api/me')).status).toBe(200);
    expect(await sessionsOf(laptop)).toHaveLength(1);
    const log = (await laptop.get('/api/account/activity')).body.items;
    expect(log.find((e: { action: string }) => e.action === 'session.ended')).toMatchObject({
      target: { type: 'session', id: phoneSession!.id, name: FIREFOX },
      actor: { ipAddress: loopback },
    });
  });

  test('signing out everywhere else ends every session but this one', async () => {
    const laptop = service.client();
    const { email, password } = await laptop.signup();
    const phone = await signIn(email, password);
    const tablet = await signIn(email, password);
    expect((await laptop.delete('/api/me/sessions')).status).toBe(204);
    expectProblem(await phone.get('/api/me'), 401, 'unauthenticated');
    expectProblem(await tablet.get('/api/me'), 401, 'unauthenticated');
    expect((await sessionsOf(laptop)).map((s) => s.current)).toEqual([true]);
    expect(await actions(laptop)).toContain('team_member.other_sessions_ended');
  });

  test('signing out this session itself by its id signs out', async () => {
    const laptop = service.client();
    await laptop.signup();
    const [own] = await sessionsOf(laptop);
    const stolen = new Map(laptop.cookies);
    expect((await laptop.delete(`/api/me/sessions/${own!.id}`)).status).toBe(204);
    const replay = service.client();
    for (const [k, v] of stolen) replay.cookies.set(k, v);
    expectProblem(await replay.get('/api/me'), 401, 'unauthenticated');
  });
});

describe('changing one’s password', () => {
  test('needs the current password; ends the other sessions and keeps this one; the old password stops working; the person is told', async () => {
    const laptop = service.client();
    const { email, password } = await laptop.signup();
    const phone = await signIn(email, password);
    const change = (currentPassword: string, newPassword: string) =>
      laptop.put('/api/me/password', { currentPassword, newPassword });

    const wrong = await change('not my password', 'a brand new passphrase');
    expectProblem(wrong, 403, 'current_password_wrong');
    expect(wrong.body.errors).toEqual([{ path: '/currentPassword', message: expect.any(String) }]);
    expect((await phone.get('/api/me')).status).toBe(200); // nothing changed

    expect((await change(password, 'a brand new passphrase')).status).toBe(204);
    expectProblem(await phone.get('/api/me'), 401, 'unauthenticated');
    expect((await laptop.get('/api/me')).status).toBe(200);
    expectProblem(
      await service.client().post('/api/session', { email, password }),
      401,
      'invalid_credentials',
    );
    await signIn(email, 'a brand new passphrase');

    const notice = (await laptop.get('/api/outbox')).body.items.find(
      (m: { to: string; kind: string }) => m.to === email && m.kind === 'password_changed',
    );
    expect(notice.subject).toMatch(/password was changed/);
    expect(notice.text).not.toMatch(/https?:\/\//);
    const log = (await laptop.get('/api/account/activity')).body.items;
    expect(log.find((e: { action: string }) => e.action === 'team_member.password_changed')).toMatchObject({
      after: { otherSessionsEnded: 1 },
      actor: { ipAddress: loopback },
    });
  });
});

describe('new passwords: not one of the common ones', () => {
  test('the test support’s passwords are not on the list; common ones are, whatever their case', () => {
    for (const ok of ['correct horse battery staple', 'member password 123', 'long enough password'])
      expect(isCommonPassword(ok)).toBe(false);
    for (const common of ['password', 'Password1', 'iloveyou', 'qwertyuiop', ' 12345678 '])
      expect(isCommonPassword(common)).toBe(true);
  });

  const tooCommon = (reply: Reply, path: string) => {
    expectProblem(reply, 400, 'password_too_common');
    expect(reply.body.errors).toEqual([{ path, message: expect.stringMatching(/too common/) }]);
  };

  test('refused at sign-up, before any hashing, and nothing is created', async () => {
    const client = service.client();
    const email = `common.${Date.now()}@example.com`;
    const hashes = passwordHashesComputed();
    const reply = await client.post('/api/signup', {
      accountName: 'Common',
      firstName: 'C',
      lastName: 'P',
      email,
      password: 'Password1',
    });
    tooCommon(reply, '/password');
    expect(passwordHashesComputed()).toBe(hashes);
    expect(client.cookies.has('atrium_session')).toBe(false);
    // The address was not taken: nothing was created.
    await service.client().signup({ email, password: 'an uncommon passphrase' });
  });

  test('refused when accepting an invitation; the link still works with a better one', async () => {
    const admin = service.client();
    await admin.signup();
    const { token } = await invite(admin);
    const accept = (password: string) =>
      service.client().post(`/api/invitations/${token}/accept`, {
        firstName: 'Mo',
        lastName: 'Member',
        password,
        marketingOptIn: false,
      });
    tooCommon(await accept('iloveyou'), '/password');
    expect((await accept('member password 123')).status).toBe(200);
  });

  test('refused with a reset link; the link still works with a better one', async () => {
    const admin = service.client();
    const { email } = await admin.signup();
    expect((await service.client().post('/api/password-resets', { email })).status).toBe(202);
    await expect.poll(() => linkInOutboxTable(service, email).catch(() => null)).toBeTruthy();
    const token = tokenOf(await linkInOutboxTable(service, email));
    const reset = (password: string) => service.client().post(`/api/password-resets/${token}`, { password });
    tooCommon(await reset('qwertyuiop'), '/password');
    expect((await reset('a reset passphrase')).status).toBe(204);
  });

  test('refused when changing one’s password; the old one keeps working', async () => {
    const client = service.client();
    const { email, password } = await client.signup();
    tooCommon(
      await client.put('/api/me/password', { currentPassword: password, newPassword: 'football' }),
      '/newPassword',
    );
    await signIn(email, password);
  });
});

describe('sensitive actions need a recent authentication', () => {
  const createKey = (client: Client, workspaceId: string, kind: 'app' | 'track') =>
    client.post(`/api/workspaces/${workspaceId}/api-keys`, { kind });
  const keyCount = async (client: Client, workspaceId: string) =>
    (await client.get(`/api/workspaces/${workspaceId}/api-keys`)).body.items.length;

  test('creating app and Track keys: fine within 10 minutes of the log-in, then 403 until the password is given again', async () => {
    const admin = service.client();
    const { workspace, password } = await admin.signup();
    service.clock.advance(9 * MINUTE);
    expect((await createKey(admin, workspace.id, 'app')).status).toBe(201);
    service.clock.advance(2 * MINUTE);
    for (const kind of ['app', 'track'] as const) {
      const refused = await createKey(admin, workspace.id, kind);
      expectProblem(refused, 403, 'reauthentication_required');
      expect(refused.body.detail).toMatch(/Confirm it’s you/);
    }
    expect(await keyCount(admin, workspace.id)).toBe(1);
    // Other changes are not sensitive: they go on.
    expect((await admin.post('/api/workspaces', { name: 'Still fine' })).status).toBe(201);

    expect((await admin.post('/api/me/reauthenticate', { password })).status).toBe(204);
    expect((await createKey(admin, workspace.id, 'app')).status).toBe(201);
    expect((await createKey(admin, workspace.id, 'track')).status).toBe(201);
    expect(await actions(admin)).toContain('session.reauthenticated');
    service.clock.advance(11 * MINUTE);
    expectProblem(await createKey(admin, workspace.id, 'app'), 403, 'reauthentication_required');
  });

  test('deleting a workspace, likewise; nothing is deleted meanwhile', async () => {
    const admin = service.client();
    const { password } = await admin.signup();
    const ws = (await admin.post('/api/workspaces', { name: 'Doomed' })).body;
    service.clock.advance(11 * MINUTE);
    expectProblem(
      await admin.delete(`/api/workspaces/${ws.id}`, { confirmName: 'Doomed' }),
      403,
      'reauthentication_required',
    );
    expect((await admin.get(`/api/workspaces/${ws.id}`)).status).toBe(200);
    expect((await admin.post('/api/me/reauthenticate', { password })).status).toBe(204);
    expect((await admin.delete(`/api/workspaces/${ws.id}`, { confirmName: 'Doomed' })).status).toBe(204);
  });

  test('it is asked only of a caller who may take the action; and it is per session; a log-in or a password change counts', async () => {
    const admin = service.client();
    const { workspace, email, password } = await admin.signup();
    const viewer = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer' }],
    });
    const other = await signIn(email, password);
    service.clock.advance(11 * MINUTE);
    expectProblem(await createKey(viewer.client, workspace.id, 'app'), 403, 'forbidden');
    expect((await admin.post('/api/me/reauthenticate', { password })).status).toBe(204);
    expectProblem(await createKey(other, workspace.id, 'app'), 403, 'reauthentication_required');
    expect((await createKey(await signIn(email, password), workspace.id, 'app')).status).toBe(201);

    service.clock.advance(11 * MINUTE);
    expect(
      (await admin.put('/api/me/password', { currentPassword: password, newPassword: 'changed passphrase' }))
        .status,
    ).toBe(204);
    expect((await createKey(admin, workspace.id, 'app')).status).toBe(201);
  });

  test('a wrong password unlocks nothing and counts like a log-in attempt; exactly one proof is sent', async () => {
    const admin = service.client();
    const { workspace, password } = await admin.signup();
    service.clock.advance(11 * MINUTE);
    expectProblem(await admin.post('/api/me/reauthenticate', {}), 400, 'invalid');
    expectProblem(await admin.post('/api/me/reauthenticate', { password, totp: '123456' }), 400, 'invalid');
    const wrong = await admin.post('/api/me/reauthenticate', { password: 'wrong 1' });
    expectProblem(wrong, 403, 'current_password_wrong');
    expect(wrong.body.errors).toEqual([{ path: '/password', message: expect.any(String) }]);
    expectProblem(await createKey(admin, workspace.id, 'app'), 403, 'reauthentication_required');
    const { perEmail } = service.config.loginLimits;
    for (let i = 2; i <= perEmail; i++)
      expectProblem(await admin.post('/api/me/reauthenticate', { password: `wrong ${i}` }), 403);
    expectProblem(await admin.post('/api/me/reauthenticate', { password }), 429, 'too_many_requests');
    expectProblem(await createKey(admin, workspace.id, 'app'), 403, 'reauthentication_required');
  });
});
