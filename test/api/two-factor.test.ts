import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { hashToken } from '../../src/shared/secrets.js';
import { type Client, expectProblem } from '../support/client.js';
import { addMember } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';
import { enrolTotp, TOTP_STEP_MS, totpCode } from '../support/totp.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const STEP_MS = TOTP_STEP_MS;
const codeOf = (secret: string, steps = 0) => totpCode(service, secret, steps);

/** Moves the service's clock to the next 30-second step, so that a fresh code exists. */
const nextStep = () => service.clock.advance(STEP_MS);

const enrol = (client: Client, password: string) => enrolTotp(service, client, password);

const login = (body: Record<string, unknown>) => service.client().post('/api/session', body);

async function signedUpWithTwoFactor() {
  const client = service.client();
  const account = await client.signup();
  const { secret, recoveryCodes } = await enrol(client, account.password);
  nextStep();
  return { client, ...account, secret, recoveryCodes };
}

describe('setting up TOTP', () => {
  test('start answers a secret and an otpauth URI (issuer Atrium, the email); confirm turns it on with 10 recovery codes', async () => {
    const client = service.client();
    const { email, password, member } = await client.signup();
    expect((await client.get('/api/me')).body.twoFactor).toEqual({
      enabled: false,
      required: false,
      mustEnrol: false,
    });
    const started = await client.post('/api/me/two-factor/totp', { currentPassword: password });
    expect(started.status).toBe(200);
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(started.body.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('issuer')).toBe('Atrium');
    expect(decodeURIComponent(uri.pathname)).toContain(email);
    expect(uri.searchParams.get('secret')).toBe(started.body.secret);
    // Pending is not on.
    expect((await client.get('/api/me')).body.member.twoFactorEnabled).toBe(false);

    const confirmed = await client.post('/api/me/two-factor/totp/confirm', {
      code: codeOf(started.body.secret),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    const me = (await client.get('/api/me')).body;
    expect(me.member.twoFactorEnabled).toBe(true);
    expect(me.twoFactor).toEqual({ enabled: true, required: false, mustEnrol: false });
    const state = (await client.get('/api/me/two-factor')).body;
    expect(state).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
      totp: { confirmedAt: expect.any(String) },
    });

    const log = (await client.get(`/api/account/activity?action=two_factor.enabled&targetId=${member.id}`))
      .body;
    expect(log.items).toHaveLength(1);
    expect(log.items[0].actor).toMatchObject({ memberId: member.id, ipAddress: '127.0.0.1' });
  });

  test('starting needs the current password; starting again while on is a 409', async () => {
    const client = service.client();
    const { password } = await client.signup();
    expectProblem(
      await client.post('/api/me/two-factor/totp', { currentPassword: 'nope nope' }),
      403,
      'current_password_wrong',
    );
    await enrol(client, password);
    expectProblem(
      await client.post('/api/me/two-factor/totp', { currentPassword: password }),
      409,
      'two_factor_already_enabled',
    );
  });

  test('a wrong confirmation code is a 401 that says so, and two-factor stays off', async () => {
    const client = service.client();
    const { password } = await client.signup();
    const started = await client.post('/api/me/two-factor/totp', { currentPassword: password });
    const wrong = String((Number(codeOf(started.body.secret)) + 1) % 1_000_000).padStart(6, '0');
    const reply = await client.post('/api/me/two-factor/totp/confirm', { code: wrong });
    expectProblem(reply, 401, 'two_factor_code_wrong');
    expect(reply.body.detail).toMatch(/code is wrong/);
    expect((await client.get('/api/me')).body.twoFactor.enabled).toBe(false);
    // The session is still there: a wrong code is not a sign-out.
    expect((await client.get('/api/me')).status).toBe(200);
    // Confirming with nothing pending.
    const other = service.client();
    await other.signup();
    expectProblem(
      await other.post('/api/me/two-factor/totp/confirm', { code: '123456' }),
      409,
      'two_factor_not_enabled',
    );
  });

  test('the secret is kept for checking codes; recovery codes only as hashes', async () => {
    const { member, secret, recoveryCodes } = await signedUpWithTwoFactor();
    const [totp] = await queryRows<{ secret: string; confirmed_at: Date | null }>(
      service.database.db,
      sql`SELECT secret, confirmed_at FROM member_totp WHERE member_id = ${member.id}`,
    );
    expect(totp!.secret).toBe(secret);
    expect(totp!.confirmed_at).not.toBeNull();
    const codes = await queryRows<{ code_hash: string }>(
      service.database.db,
      sql`SELECT code_hash FROM recovery_codes WHERE member_id = ${member.id}`,
    );
    expect(codes).toHaveLength(10);
    const stored = JSON.stringify(codes);
    for (const code of recoveryCodes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace('-', ''));
    }
    expect(codes.map((c) => c.code_hash).sort()).toEqual(
      recoveryCodes.map((c) => hashToken(c.replace('-', ''))).sort(),
    );
  });
});

describe('logging in with two-factor', () => {
  test('the password alone is a 401 two_factor_required with the methods, and no session', async () => {
    const { email, password } = await signedUpWithTwoFactor();
    const reply = await login({ email, password });
    expectProblem(reply, 401, 'two_factor_required');
    expect(reply.body.methods).toEqual(['totp', 'recovery_code']);
    expect(reply.headers.getSetCookie()).toEqual([]);
    // A wrong password is still only that: it does not tell that two-factor is on.
    expectProblem(await login({ email, password: 'wrong password' }), 401, 'invalid_credentials');
  });

  test('with a TOTP code the answer is 200 and a session; the same code again is refused', async () => {
    const { email, password, secret } = await signedUpWithTwoFactor();
    const code = codeOf(secret);
    const first = service.client();
    const ok = await first.post('/api/session', { email, password, totp: code });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.member.twoFactorEnabled).toBe(true);
    expect((await first.get('/api/me')).status).toBe(200);
    const replay = await login({ email, password, totp: code });
    expectProblem(replay, 401, 'two_factor_code_wrong');
    expect(replay.headers.getSetCookie()).toEqual([]);
    // A code of an earlier step than the last one accepted is refused too (it is within the window).
    expectProblem(await login({ email, password, totp: codeOf(secret, -1) }), 401, 'two_factor_code_wrong');
    // The next step's code works.
    nextStep();
    expect((await login({ email, password, totp: codeOf(secret) })).status).toBe(200);
  });

  test('one step of clock drift either way is accepted, two are not', async () => {
    const { email, password, secret } = await signedUpWithTwoFactor();
    service.clock.advance(5 * STEP_MS);
    expectProblem(await login({ email, password, totp: codeOf(secret, -2) }), 401, 'two_factor_code_wrong');
    expectProblem(await login({ email, password, totp: codeOf(secret, 2) }), 401, 'two_factor_code_wrong');
    expect((await login({ email, password, totp: codeOf(secret, -1) })).status).toBe(200);
    expect((await login({ email, password, totp: codeOf(secret, 1) })).status).toBe(200);
  });

  test('a recovery code works once, whatever its case and dashes', async () => {
    const { email, password, recoveryCodes, client } = await signedUpWithTwoFactor();
    const [code] = recoveryCodes;
    const ok = await login({ email, password, recoveryCode: ` ${code!.toUpperCase().replace('-', '')} ` });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expectProblem(await login({ email, password, recoveryCode: code }), 401, 'two_factor_code_wrong');
    expect((await client.get('/api/me/two-factor')).body.recoveryCodesLeft).toBe(9);
    expect((await login({ email, password, recoveryCode: recoveryCodes[1] })).status).toBe(200);
  });

  test('parallel log-ins with one code: one session, the others refused', async () => {
    const { email, password, secret } = await signedUpWithTwoFactor();
    const code = codeOf(secret);
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => login({ email, password, totp: code })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 401, 401, 401, 401]);
  });

  test('wrong codes count against the log-in limit: 429 past it, even with the right code', async () => {
    const { email, password, secret } = await signedUpWithTwoFactor();
    const { perEmail } = service.config.loginLimits;
    for (let i = 0; i < perEmail; i++) {
      expectProblem(await login({ email, password, totp: '000000' }), 401, 'two_factor_code_wrong');
    }
    expectProblem(await login({ email, password, totp: codeOf(secret) }), 429, 'too_many_requests');
    expectProblem(await login({ email, password, recoveryCode: 'aaaaa-aaaaa' }), 429, 'too_many_requests');
  });

  test('a member without two-factor logs in with the password alone, a code is ignored', async () => {
    const { email, password } = await service.client().signup();
    expect((await login({ email, password })).status).toBe(200);
    expect((await login({ email, password, totp: '123456' })).status).toBe(200);
  });
});

describe('turning two-factor off', () => {
  test('needs the password and a code; then the password alone logs in again', async () => {
    const { client, email, password, secret, member } = await signedUpWithTwoFactor();
    expectProblem(
      await client.delete('/api/me/two-factor', { currentPassword: 'wrong password', code: codeOf(secret) }),
      403,
      'current_password_wrong',
    );
    expectProblem(
      await client.delete('/api/me/two-factor', { currentPassword: password, code: '000000' }),
      401,
      'two_factor_code_wrong',
    );
    expect((await client.get('/api/me')).body.twoFactor.enabled).toBe(true);
    const off = await client.delete('/api/me/two-factor', {
      currentPassword: password,
      code: codeOf(secret),
    });
    expect(off.status, JSON.stringify(off.body)).toBe(204);
    expect((await client.get('/api/me')).body.twoFactor.enabled).toBe(false);
    expect((await login({ email, password })).status).toBe(200);
    const rows = await queryRows<{ n: number }>(
      service.database.db,
      sql`SELECT (SELECT count(*) FROM member_totp WHERE member_id = ${member.id})::int
               + (SELECT count(*) FROM recovery_codes WHERE member_id = ${member.id})::int AS n`,
    );
    expect(rows[0]!.n).toBe(0);
    const log = (await client.get(`/api/account/activity?action=two_factor.disabled&targetId=${member.id}`))
      .body;
    expect(log.items).toHaveLength(1);
    expectProblem(
      await client.delete('/api/me/two-factor', { currentPassword: password, code: '123456' }),
      409,
      'two_factor_not_enabled',
    );
  });

  test('a recovery code turns it off too', async () => {
    const { client, password, recoveryCodes } = await signedUpWithTwoFactor();
    const off = await client.delete('/api/me/two-factor', {
      currentPassword: password,
      code: recoveryCodes[3],
    });
    expect(off.status, JSON.stringify(off.body)).toBe(204);
  });

  test('new recovery codes replace the old ones', async () => {
    const { client, email, password, secret, recoveryCodes } = await signedUpWithTwoFactor();
    const fresh = await client.post('/api/me/two-factor/recovery-codes', {
      currentPassword: password,
      code: codeOf(secret),
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    expectProblem(
      await login({ email, password, recoveryCode: recoveryCodes[0] }),
      401,
      'two_factor_code_wrong',
    );
    expect((await login({ email, password, recoveryCode: fresh.body.recoveryCodes[0] })).status).toBe(200);
  });
});

describe('the account requires two-factor', () => {
  test('only an Account Admin with two-factor of their own may require it; audited, shown in GET /api/account', async () => {
    const admin = service.client();
    const { password, account } = await admin.signup();
    const refused = await admin.patch('/api/account', { requireTwoFactor: true });
    expectProblem(refused, 409, 'own_two_factor_required');
    expect((await admin.get('/api/account')).body.requireTwoFactor).toBe(false);

    const billing = await addMember(service, admin);
    expect(
      (await admin.patch(`/api/team-members/${billing.id}`, { permissions: { billing: true } })).status,
    ).toBe(200);
    expectProblem(await billing.client.patch('/api/account', { requireTwoFactor: false }), 403, 'forbidden');

    await enrol(admin, password);
    const on = await admin.patch('/api/account', { requireTwoFactor: true });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    expect(on.body.requireTwoFactor).toBe(true);
    expect((await admin.get('/api/account')).body.requireTwoFactor).toBe(true);
    const log = (await admin.get(`/api/account/activity?action=account.updated&targetId=${account.id}`)).body;
    expect(log.items[0]).toMatchObject({
      before: { requireTwoFactor: false },
      after: { requireTwoFactor: true },
    });
    // The billing Member has no two-factor: from now on they reach only their profile.
    expectProblem(
      await billing.client.patch('/api/account', { name: 'Renamed' }),
      403,
      'two_factor_enrollment_required',
    );
  });

  test('a member without two-factor reaches only their profile and enrolment until they enrol', async () => {
    const admin = service.client();
    const { password, workspace } = await admin.signup();
    const member = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer' }],
    });
    expect((await member.client.get('/api/workspaces')).status).toBe(200);
    await enrol(admin, password);
    expect((await admin.patch('/api/account', { requireTwoFactor: true })).status).toBe(200);

    // At once, for the session they already have.
    const m = member.client;
    expectProblem(await m.get('/api/workspaces'), 403, 'two_factor_enrollment_required');
    expectProblem(
      await m.get(`/api/workspaces/${workspace.id}/people`),
      403,
      'two_factor_enrollment_required',
    );
    expectProblem(await m.get('/api/team-members'), 403, 'two_factor_enrollment_required');
    // Under /api/me, but about the workspaces, not the member: refused too.
    expectProblem(
      await m.put('/api/me/current-workspace', { workspaceId: workspace.id }),
      403,
      'two_factor_enrollment_required',
    );
    const me = await m.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.twoFactor).toEqual({ enabled: false, required: true, mustEnrol: true });
    expect((await m.get('/api/me/two-factor')).status).toBe(200);

    // And for a new log-in: the password alone gives a session, limited the same way.
    const fresh = service.client();
    expect(
      (await fresh.post('/api/session', { email: member.email, password: member.password })).status,
    ).toBe(200);
    expectProblem(await fresh.get('/api/workspaces'), 403, 'two_factor_enrollment_required');

    const { secret } = await enrol(m, member.password);
    expect((await m.get('/api/workspaces')).status).toBe(200);
    expect((await fresh.get('/api/workspaces')).status).toBe(200);
    expect((await m.get('/api/me')).body.twoFactor).toEqual({
      enabled: true,
      required: true,
      mustEnrol: false,
    });

    // Turning it off puts them back behind the requirement, and logging out still works.
    nextStep();
    expect(
      (await m.delete('/api/me/two-factor', { currentPassword: member.password, code: codeOf(secret) }))
        .status,
    ).toBe(204);
    expectProblem(await m.get('/api/workspaces'), 403, 'two_factor_enrollment_required');
    expect((await m.delete('/api/session')).status).toBe(204);
  });

  test('lifting the requirement releases members without two-factor at once', async () => {
    const admin = service.client();
    const { password } = await admin.signup();
    const member = await addMember(service, admin);
    await enrol(admin, password);
    await admin.patch('/api/account', { requireTwoFactor: true });
    expectProblem(await member.client.get('/api/workspaces'), 403, 'two_factor_enrollment_required');
    expect((await admin.patch('/api/account', { requireTwoFactor: false })).status).toBe(200);
    expect((await member.client.get('/api/workspaces')).status).toBe(200);
  });
});

describe("an Account Admin resets a member's two-factor", () => {
  test('their second factors go, their sessions end, audited; the team list shows it', async () => {
    const admin = service.client();
    const { password } = await admin.signup();
    await enrol(admin, password);
    const member = await addMember(service, admin);
    await enrol(member.client, member.password);

    const list = (await admin.get('/api/team-members')).body.items as {
      id: string;
      twoFactorEnabled: boolean;
    }[];
    expect(list.every((m) => m.twoFactorEnabled)).toBe(true);
    expect((await admin.get(`/api/team-members/${member.id}`)).body.twoFactorEnabled).toBe(true);

    expectProblem(await member.client.delete(`/api/team-members/${member.id}/two-factor`), 403, 'forbidden');
    const reset = await admin.delete(`/api/team-members/${member.id}/two-factor`);
    expect(reset.status, JSON.stringify(reset.body)).toBe(204);
    expectProblem(await member.client.get('/api/me'), 401, 'unauthenticated');
    expect((await admin.get(`/api/team-members/${member.id}`)).body.twoFactorEnabled).toBe(false);
    // The password alone logs them in again.
    expect((await login({ email: member.email, password: member.password })).status).toBe(200);

    const log = (
      await admin.get(`/api/account/activity?action=team_member.two_factor_reset&targetId=${member.id}`)
    ).body;
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({
      before: { twoFactorEnabled: true },
      after: { twoFactorEnabled: false },
    });
    // Their own is turned off in the profile.
    const self = (await admin.get('/api/me')).body.member.id;
    expectProblem(await admin.delete(`/api/team-members/${self}/two-factor`), 409, 'conflict');
  });

  test('a member of another account is a 404', async () => {
    const admin = service.client();
    await admin.signup();
    const stranger = service.client();
    const { member } = await stranger.signup();
    expectProblem(await admin.delete(`/api/team-members/${member.id}/two-factor`), 404, 'not_found');
    expect((await stranger.get('/api/me')).status).toBe(200);
  });

  test('under the requirement, the member must enrol again at their next log-in', async () => {
    const admin = service.client();
    const { password } = await admin.signup();
    await enrol(admin, password);
    const member = await addMember(service, admin);
    await enrol(member.client, member.password);
    await admin.patch('/api/account', { requireTwoFactor: true });
    expect((await member.client.get('/api/workspaces')).status).toBe(200);
    await admin.delete(`/api/team-members/${member.id}/two-factor`);
    const again = service.client();
    expect(
      (await again.post('/api/session', { email: member.email, password: member.password })).status,
    ).toBe(200);
    expectProblem(await again.get('/api/workspaces'), 403, 'two_factor_enrollment_required');
    expect((await again.get('/api/me')).body.twoFactor.mustEnrol).toBe(true);
  });
});
