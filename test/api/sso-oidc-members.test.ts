import { describe, expect, test } from 'vitest';
import { expectProblem } from '../support/client.js';
import { addMember, invite } from '../support/members.js';
import { authorizeAtProvider, callbackPath, signInAtProvider } from '../support/oidc-provider.js';
import { oidcSuite } from '../support/sso.js';
import { enrolTotp, totpCode } from '../support/totp.js';

/**
 * Who single sign-on lets in, over HTTP against oidc-provider: invitees (the invited address only),
 * verified domains, the bound subject, just-in-time provisioning and its plan limit, enforcement
 * with the Account Admins' audited break-glass path, and an admin's test run.
 */
const { env, ssoAccount, person, memberRow, sessionCookieSet, changeSso, refusedWith } = oidcSuite();

let invitees = 0;

describe('who may sign in', () => {
  test('an invitee accepts by SSO: active, no password, names from the provider', async () => {
    const { admin, signup } = await ssoAccount();
    const invited = await invite(admin, { firstName: 'Invited' });
    const login = `invitee${invitees++}`;
    env.provider.people.set(login, {
      email: invited.email,
      email_verified: true,
      given_name: 'Katherine',
      family_name: 'Johnson',
    });
    const browser = env.service.client();
    const reply = await signInAtProvider(
      browser,
      `/api/sso/start?account=${signup.account.id}&invitation=${invited.token}`,
      login,
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(302);
    expect(await memberRow(invited.email)).toMatchObject({
      status: 'active',
      password_hash: null,
      sso_subject: login,
      first_name: 'Katherine',
      last_name: 'Johnson',
    });
    expect((await browser.get('/api/me')).body.member.email).toBe(invited.email);
    expect((await env.service.client().get(`/api/invitations/${invited.token}`)).status).toBe(410);
  });

  test('an invitation is not accepted by another address; it stays usable', async () => {
    const { admin, signup, domain } = await ssoAccount({ jitProvisioning: true });
    const invited = await invite(admin);
    const other = person(domain);
    const reply = await signInAtProvider(
      env.service.client(),
      `/api/sso/start?account=${signup.account.id}&invitation=${invited.token}`,
      other.login,
    );
    refusedWith(reply, new RegExp(`the invitation is for ${invited.email.replaceAll('.', '\\.')}`));
    expect(await memberRow(other.email)).toBeUndefined();
    expect(await memberRow(invited.email)).toMatchObject({ status: 'invited' });
    expect((await env.service.client().get(`/api/invitations/${invited.token}`)).status).toBe(200);
  });

  test('an identity from a domain the account has not verified is refused', async () => {
    const { signup } = await ssoAccount({ jitProvisioning: true });
    const stranger = person('unverified.test');
    refusedWith(
      await signInAtProvider(
        env.service.client(),
        `/api/sso/start?account=${signup.account.id}`,
        stranger.login,
      ),
      /unverified\.test is not a verified domain of this account/,
    );
    expect(await memberRow(stranger.email)).toBeUndefined();
  });

  test('a member whose provider subject changes is refused', async () => {
    const { domain } = await ssoAccount({ jitProvisioning: true });
    const { login, email } = person(domain);
    expect(
      (await signInAtProvider(env.service.client(), `/api/sso/start?email=${email}`, login)).status,
    ).toBe(302);
    // Another person at the provider (another subject) now holds the same address.
    env.provider.people.set('impostor', { email, email_verified: true });
    refusedWith(
      await signInAtProvider(env.service.client(), `/api/sso/start?email=${email}`, 'impostor'),
      /another subject than the one it signed in with before/,
    );
  });

  test('just-in-time provisioning creates the member with the chosen access, in the activity log', async () => {
    const { admin, signup, domain } = await ssoAccount({
      jitProvisioning: true,
    });
    await changeSso(admin, domain, {
      jitProvisioning: true,
      jitAccess: { mode: 'custom', roles: [{ workspaceId: signup.workspace.id, role: 'author' }] },
    });
    const { login, email } = person(domain);
    const browser = env.service.client();
    expect((await signInAtProvider(browser, `/api/sso/start?email=${email}`, login)).status).toBe(302);
    const me = (await browser.get('/api/me')).body;
    expect(me.member).toMatchObject({ accountRole: 'member', status: 'active' });
    expect(me.workspaces).toEqual([expect.objectContaining({ id: signup.workspace.id, role: 'author' })]);
    const log = (await admin.get('/api/account/activity')).body.items;
    expect(log[0]).toMatchObject({
      action: 'team_member.provisioned',
      actor: { name: 'Single sign-on' },
      summary: 'Single sign-on added Grace Hopper to the team at their first sign-in',
    });
  });

  test('just-in-time provisioning respects the plan’s team member limit', async () => {
    const { domain } = await ssoAccount({ jitProvisioning: true }, env.provider, 'free');
    const { login, email } = person(domain);
    const reply = await signInAtProvider(env.service.client(), `/api/sso/start?email=${email}`, login);
    expectProblem(reply, 409, 'limit_reached');
    expect(await memberRow(email)).toBeUndefined();
  });

  test('without just-in-time provisioning, a stranger is refused in words', async () => {
    const { domain } = await ssoAccount({ jitProvisioning: false });
    const { login, email } = person(domain);
    refusedWith(
      await signInAtProvider(env.service.client(), `/api/sso/start?email=${email}`, login),
      new RegExp(
        `${email.replaceAll('.', '\\.')} is not a team member of this account: ask an Account Admin to invite you`,
      ),
    );
  });
});

describe('enforced single sign-on', () => {
  test('passwords are refused to Members and to Account Admins without two-factor', async () => {
    const { admin, signup, domain } = await ssoAccount();
    const member = await addMember(env.service, admin);
    await changeSso(admin, domain, { enforce: true });
    const byPassword = await env.service
      .client()
      .post('/api/session', { email: member.email, password: member.password });
    expectProblem(byPassword, 403, 'sso_required');
    expect(byPassword.body.ssoStart).toBe('/api/sso/start');
    const adminLogin = await env.service
      .client()
      .post('/api/session', { email: signup.email, password: signup.password });
    expectProblem(adminLogin, 403, 'sso_required');
    expect(adminLogin.body.detail).toMatch(/only with two-factor/);
  });

  test('an Account Admin with TOTP signs in by the break-glass path, and the log says so', async () => {
    const { admin, signup, domain } = await ssoAccount();
    const { secret } = await enrolTotp(env.service, admin, signup.password);
    await changeSso(admin, domain, { enforce: true });
    const browser = env.service.client();
    env.service.clock.advance(30_000); // the enrolment used this step's code
    const reply = await browser.post('/api/session', {
      email: signup.email,
      password: signup.password,
      totp: totpCode(env.service, secret),
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const log = (await browser.get('/api/account/activity')).body.items;
    expect(log[0]).toMatchObject({
      action: 'sso.break_glass_sign_in',
      target: { type: 'team_member', id: signup.member.id },
      after: { method: 'password' },
      summary: 'Ada Admin signed in with a password and two-factor, bypassing single sign-on',
    });
  });

  test('an invitation cannot be accepted with a password', async () => {
    const { admin, domain } = await ssoAccount();
    await changeSso(admin, domain, { enforce: true });
    const invited = await invite(admin);
    const accepted = await env.service.client().post(`/api/invitations/${invited.token}/accept`, {
      firstName: 'Mo',
      lastName: 'Member',
      password: 'member password 123',
      marketingOptIn: false,
    });
    expectProblem(accepted, 403, 'sso_required');
    expect(await memberRow(invited.email)).toMatchObject({ status: 'invited', password_hash: null });
  });
});

describe('testing the connection', () => {
  test('an admin’s test run shows who signed in on the security page and opens no session', async () => {
    const { admin, domain } = await ssoAccount();
    const { login, email } = person(domain);
    const started = await admin.post('/api/account/sso/test');
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const callback = await authorizeAtProvider(started.body.url, login);
    const reply = await admin.get(callbackPath(callback));
    expect(reply.status).toBe(302);
    expect(reply.headers.get('location')).toBe(
      `/account/security?ssoTest=ok&email=${encodeURIComponent(email)}`,
    );
    expect(sessionCookieSet(reply)).toBe(false);
    expect(await memberRow(email)).toBeUndefined();
  });

  test('a refused test run says why on the security page', async () => {
    const { admin, domain } = await ssoAccount();
    const { login } = person(domain, { email_verified: false });
    const started = await admin.post('/api/account/sso/test');
    const callback = await authorizeAtProvider(started.body.url, login);
    const reply = await admin.get(callbackPath(callback));
    const location = new URL(reply.headers.get('location')!, env.service.url);
    expect(location.pathname).toBe('/account/security');
    expect(location.searchParams.get('ssoTest')).toBe('failed');
    expect(location.searchParams.get('reason')).toMatch(/not verified/);
  });
});
