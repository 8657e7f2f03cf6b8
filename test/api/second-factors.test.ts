import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectProblem } from '../support/client.js';
import { addMember } from '../support/members.js';
import { authenticator, passkeyAnswer, registerPasskey } from '../support/passkeys.js';
import { startService, type TestService } from '../support/service.js';
import { enrolTotp, TOTP_STEP_MS, totpCode } from '../support/totp.js';

// Where two-factor, passkeys and recent authentication meet: a passkey is a second factor like an
// authenticator app, and either proves it is you again for a sensitive action.

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const TEN_MINUTES = 10 * 60 * 1000;
const login = (body: Record<string, unknown>) => service.client().post('/api/session', body);

describe('a passkey is a second factor', () => {
  test('with only a passkey, the password alone is 401 two_factor_required naming it; with the passkey, 200', async () => {
    const admin = service.client();
    const { email, password } = await admin.signup();
    expect((await admin.get('/api/me')).body.twoFactor.enabled).toBe(false);
    const device = authenticator();
    await registerPasskey(service, admin, device);
    expect((await admin.get('/api/me')).body.twoFactor.enabled).toBe(true);
    expect((await admin.get('/api/me')).body.member.twoFactorEnabled).toBe(true);

    const alone = await login({ email, password });
    expectProblem(alone, 401, 'two_factor_required');
    expect(alone.body.methods).toEqual(['passkey']);
    expect(alone.headers.getSetCookie()).toEqual([]);
    const both = await login({ email, password, passkey: await passkeyAnswer(service, device) });
    expect(both.status, JSON.stringify(both.body)).toBe(200);
  });

  test('with TOTP and a passkey, the 401 names all three methods and each one signs in', async () => {
    const admin = service.client();
    const { email, password } = await admin.signup();
    const { secret, recoveryCodes } = await enrolTotp(service, admin, password);
    const device = authenticator();
    await registerPasskey(service, admin, device);
    service.clock.advance(TOTP_STEP_MS);

    expect((await login({ email, password })).body.methods).toEqual(['totp', 'recovery_code', 'passkey']);
    expect((await login({ email, password, totp: totpCode(service, secret) })).status).toBe(200);
    expect((await login({ email, password, recoveryCode: recoveryCodes[0] })).status).toBe(200);
    // A recovery code used to log in is on the record (an app code is not worth an entry).
    const used = (await admin.get('/api/account/activity?action=two_factor.recovery_code_used')).body.items;
    expect(used).toHaveLength(1);
    expect(used[0].actor.ipAddress).toEqual(expect.any(String));
    expect((await login({ email, password, passkey: await passkeyAnswer(service, device) })).status).toBe(
      200,
    );
  });

  test('an account that requires two-factor lets a member in whose only second factor is a passkey', async () => {
    const admin = service.client();
    const { password } = await admin.signup();
    await enrolTotp(service, admin, password);
    expect((await admin.patch('/api/account', { requireTwoFactor: true })).status).toBe(200);
    const member = await addMember(service, admin, { accountRole: 'account_admin' });
    expectProblem(await member.client.get('/api/workspaces'), 403, 'two_factor_enrollment_required');
    await registerPasskey(service, member.client, authenticator());
    expect((await member.client.get('/api/workspaces')).status).toBe(200);
  });

  test('an admin’s reset removes the member’s passkeys too, and the team list shows it', async () => {
    const admin = service.client();
    await admin.signup();
    const member = await addMember(service, admin, { accountRole: 'account_admin' });
    const device = authenticator();
    await registerPasskey(service, member.client, device);
    const row = async () =>
      (await admin.get('/api/team-members')).body.items.find((m: { id: string }) => m.id === member.id);
    expect((await row()).twoFactorEnabled).toBe(true);

    expect((await admin.delete(`/api/team-members/${member.id}/two-factor`)).status).toBe(204);
    expect((await row()).twoFactorEnabled).toBe(false);
    // The passkey no longer signs them in, and the password alone does again.
    expectProblem(
      await service.client().post('/api/session/passkey', { response: await passkeyAnswer(service, device) }),
      401,
      'passkey_invalid',
    );
    expect((await login({ email: member.email, password: member.password })).status).toBe(200);
  });
});

test('two confirmations of one authenticator at once: one turns it on, the other is 409 and issues no codes', async () => {
  const client = service.client();
  const { email, password } = await client.signup();
  const started = await client.post('/api/me/two-factor/totp', { currentPassword: password });
  const code = totpCode(service, started.body.secret);
  const answers = await Promise.all([
    client.post('/api/me/two-factor/totp/confirm', { code }),
    client.post('/api/me/two-factor/totp/confirm', { code }),
  ]);
  expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  const won = answers.find((a) => a.status === 200)!;
  expectProblem(answers.find((a) => a.status === 409)!, 409, 'two_factor_already_enabled');
  // The codes shown are the ones that work.
  expect((await login({ email, password, recoveryCode: won.body.recoveryCodes[9] })).status).toBe(200);
});

test('adding a passkey and turning off the authenticator app are emailed to the person, without a link', async () => {
  const admin = service.client();
  const { email, password } = await admin.signup();
  const { secret } = await enrolTotp(service, admin, password);
  await registerPasskey(service, admin, authenticator());
  service.clock.advance(TOTP_STEP_MS);
  const off = await admin.delete('/api/me/two-factor', {
    currentPassword: password,
    code: totpCode(service, secret),
  });
  expect(off.status, JSON.stringify(off.body)).toBe(204);
  const mine = (await admin.get('/api/outbox')).body.items.filter((m: { to: string }) => m.to === email);
  const notice = (kind: string) => mine.find((m: { kind: string }) => m.kind === kind);
  expect(notice('passkey_added')).toMatchObject({ subject: 'A passkey was added to your Atrium account' });
  expect(notice('passkey_added').text).toMatch(/from the address/);
  expect(notice('two_factor_disabled')).toMatchObject({
    subject: 'Two-factor was turned off on your Atrium account',
  });
  expect(notice('two_factor_disabled').text).not.toMatch(/https?:/);
});

describe('proving it is you again', () => {
  test('a code of the authenticator app, a recovery code or a passkey re-authenticates, each once', async () => {
    const admin = service.client();
    const { password, workspace } = await admin.signup();
    const { secret, recoveryCodes } = await enrolTotp(service, admin, password);
    const device = authenticator();
    await registerPasskey(service, admin, device);
    const createKey = () => admin.post(`/api/workspaces/${workspace.id}/api-keys`, { kind: 'app' });

    service.clock.advance(TEN_MINUTES + 1000);
    expectProblem(await createKey(), 403, 'reauthentication_required');
    const code = totpCode(service, secret);
    expect((await admin.post('/api/me/reauthenticate', { totp: code })).status).toBe(204);
    expect((await createKey()).status).toBe(201);

    service.clock.advance(TEN_MINUTES + 1000);
    expectProblem(
      await admin.post('/api/me/reauthenticate', { totp: '000000' }),
      401,
      'two_factor_code_wrong',
    );
    expectProblem(await createKey(), 403, 'reauthentication_required');
    expect((await admin.post('/api/me/reauthenticate', { recoveryCode: recoveryCodes[0] })).status).toBe(204);
    expect((await createKey()).status).toBe(201);

    service.clock.advance(TEN_MINUTES + 1000);
    expectProblem(
      await admin.post('/api/me/reauthenticate', { recoveryCode: recoveryCodes[0] }),
      401,
      'two_factor_code_wrong',
    );
    const answer = await passkeyAnswer(service, device);
    expect((await admin.post('/api/me/reauthenticate', { passkey: answer })).status).toBe(204);
    expect((await createKey()).status).toBe(201);
    // The same answer again: its challenge is spent.
    service.clock.advance(TEN_MINUTES + 1000);
    expectProblem(await admin.post('/api/me/reauthenticate', { passkey: answer }), 410, 'gone');
    expectProblem(await admin.post('/api/me/reauthenticate', { password, totp: '123456' }), 400, 'invalid');
  });

  test('someone else’s passkey does not re-authenticate you', async () => {
    const admin = service.client();
    await admin.signup();
    const other = service.client();
    await other.signup();
    const theirs = authenticator();
    await registerPasskey(service, other, theirs);
    expectProblem(
      await admin.post('/api/me/reauthenticate', { passkey: await passkeyAnswer(service, theirs) }),
      401,
      'passkey_invalid',
    );
  });

  test('adding a passkey, resetting a member’s two-factor and changing the account’s requirement need a recent authentication', async () => {
    const admin = service.client();
    const { password } = await admin.signup();
    await enrolTotp(service, admin, password);
    const member = await addMember(service, admin, { accountRole: 'member' });
    service.clock.advance(TEN_MINUTES + 1000);
    expectProblem(
      await admin.patch('/api/account', { requireTwoFactor: true }),
      403,
      'reauthentication_required',
    );
    // Sending the rule as it is changes nothing, and needs nothing.
    expect((await admin.patch('/api/account', { requireTwoFactor: false })).status).toBe(200);
    expectProblem(
      await admin.post('/api/me/passkeys/registration-options'),
      403,
      'reauthentication_required',
    );
    expectProblem(
      await admin.delete(`/api/team-members/${member.id}/two-factor`),
      403,
      'reauthentication_required',
    );
    expect((await admin.post('/api/me/reauthenticate', { password })).status).toBe(204);
    expect((await admin.post('/api/me/passkeys/registration-options')).status).toBe(200);
  });
});
