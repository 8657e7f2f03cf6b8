import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { SESSION_COOKIE } from '../../src/features/auth/cookies.js';
import { hashToken } from '../../src/shared/secrets.js';
import { type Client, expectProblem, type Reply } from '../support/client.js';
import { addMember, invite } from '../support/members.js';
import {
  authorizeAtProvider,
  callbackPath,
  signInAtProvider,
  startOidcProvider,
  startSignIn,
  type TestOidcProvider,
  usePublicUrl,
} from '../support/oidc-provider.js';
import { startService, type TestService } from '../support/service.js';
import { enrolTotp, totpCode } from '../support/totp.js';

/** DNS as the tests publish it: TXT records by name. */
const dns = new Map<string, string[][]>();
let service: TestService;
let provider: TestOidcProvider;
let redirectUri: string;

beforeAll(async () => {
  service = await startService({
    resolveTxt: async (name) => dns.get(name) ?? Promise.reject(new Error(`ENOTFOUND ${name}`)),
  });
  redirectUri = usePublicUrl(service);
  provider = await startOidcProvider({ redirectUri });
});
afterAll(async () => {
  await provider?.close();
  await service?.close();
});

let domains = 0;
/** A domain of its own for each account: one account only may verify a domain. */
const newDomain = () => `corp${process.pid}x${domains++}.test`;

interface SsoOptions {
  enforce?: boolean;
  jitProvisioning?: boolean;
  jitAccess?: unknown;
  issuer?: string;
}

/** An account (its admin signed in) with OIDC set up against `provider` and a verified domain. */
async function ssoAccount(options: SsoOptions = {}, idp: TestOidcProvider = provider, plan?: string) {
  const admin = service.client();
  const signup = await admin.signup(plan ? { plan } : {});
  const domain = newDomain();
  const put = await admin.put('/api/account/sso', {
    type: 'oidc',
    issuer: options.issuer ?? idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    domains: [domain],
    enforce: options.enforce ?? false,
    jitProvisioning: options.jitProvisioning ?? false,
    ...(options.jitAccess !== undefined && { jitAccess: options.jitAccess }),
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  const { recordName, recordValue } = put.body.domains[0].verification;
  dns.set(recordName, [[recordValue]]);
  const verified = await admin.post(`/api/account/sso/domains/${domain}/verify`);
  expect(verified.status, JSON.stringify(verified.body)).toBe(200);
  return { admin, signup, domain };
}

let people = 0;
/** Someone the provider knows, at this domain; returns their login at the provider and address. */
function person(domain: string, overrides: Record<string, unknown> = {}) {
  const login = `person${people++}`;
  const email = `${login}@${domain}`;
  provider.people.set(login, {
    email,
    email_verified: true,
    given_name: 'Grace',
    family_name: 'Hopper',
    ...overrides,
  });
  return { login, email: (overrides.email as string | undefined) ?? email };
}

interface MemberFields {
  id: string;
  status: string;
  sso_subject: string | null;
  password_hash: string | null;
  first_name: string;
  last_name: string;
}
const memberRow = async (email: string) =>
  (
    await queryRows<MemberFields>(
      service.database.db,
      sql`select id, status, sso_subject, password_hash, first_name, last_name from members where email = ${email}`,
    )
  )[0];

/** The sign-in in flight that an authorization URL's state belongs to. */
const loginOf = (authorizationUrl: string) => hashToken(new URL(authorizationUrl).searchParams.get('state')!);

const sessionCookieSet = (reply: Reply) =>
  reply.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`));

/** Changes what a member's account says about SSO (a PUT keeps the secret when it is left out). */
async function changeSso(admin: Client, domain: string, changes: SsoOptions) {
  const put = await admin.put('/api/account/sso', {
    type: 'oidc',
    issuer: provider.issuer,
    clientId: provider.clientId,
    domains: [domain],
    ...changes,
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
}

const refusedWith = (reply: Reply, words: RegExp) => {
  expectProblem(reply, 403, 'sso_refused');
  expect(reply.body.detail).toMatch(words);
};

describe('signing in through an OpenID provider', () => {
  test('a person signs in: 302 to next, the session works, the subject is bound', async () => {
    const { domain } = await ssoAccount({ jitProvisioning: true });
    const { login, email } = person(domain);
    const browser = service.client();
    const reply = await signInAtProvider(browser, `/api/sso/start?email=${email}&next=/people`, login);
    expect(reply.status, JSON.stringify(reply.body)).toBe(302);
    expect(reply.headers.get('location')).toBe('/people');
    const me = await browser.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.member).toMatchObject({ email, firstName: 'Grace', lastName: 'Hopper' });
    expect(await memberRow(email)).toMatchObject({ sso_subject: login, password_hash: null });

    // Signing in again finds the same member; an unsafe next lands on the console's start.
    const again = await signInAtProvider(
      service.client(),
      `/api/sso/start?email=${email}&next=//evil.test`,
      login,
    );
    expect(again.status, JSON.stringify(again.body)).toBe(302);
    expect(again.headers.get('location')).toBe('/');
  });

  test('the discovery document is read when the settings are saved, not again at each sign-in', async () => {
    const { domain } = await ssoAccount({ jitProvisioning: true });
    const discovery = '/.well-known/openid-configuration';
    const before = provider.requests.get(discovery) ?? 0;
    for (const { login, email } of [person(domain), person(domain)]) {
      expect((await signInAtProvider(service.client(), `/api/sso/start?email=${email}`, login)).status).toBe(
        302,
      );
    }
    expect(provider.requests.get(discovery) ?? 0).toBe(before);
  });

  test('the authorization request uses the code flow with PKCE S256, a state and a nonce', async () => {
    const { domain } = await ssoAccount();
    const url = new URL(await startSignIn(service.client(), `/api/sso/start?email=${person(domain).email}`));
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: provider.clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      state: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/),
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/),
    });
  });

  test('a tampered state is refused', async () => {
    const { domain } = await ssoAccount({ jitProvisioning: true });
    const { login, email } = person(domain);
    const browser = service.client();
    const callback = await authorizeAtProvider(
      await startSignIn(browser, `/api/sso/start?email=${email}`),
      login,
    );
    const state = callback.searchParams.get('state')!;
    callback.searchParams.set('state', `${state.slice(0, -2)}xx`);
    refusedWith(await browser.get(callbackPath(callback)), /unknown, already used or expired/);
    expect(await memberRow(email)).toBeUndefined();
  });

  test('an answer is taken once: the same state again is refused', async () => {
    const { domain } = await ssoAccount({ jitProvisioning: true });
    const { login, email } = person(domain);
    const browser = service.client();
    const callback = await authorizeAtProvider(
      await startSignIn(browser, `/api/sso/start?email=${email}`),
      login,
    );
    const cookie = browser.cookies.get('atrium_sso')!;
    expect((await browser.get(callbackPath(callback))).status).toBe(302);
    const replay = service.client();
    replay.cookies.set('atrium_sso', cookie);
    refusedWith(await replay.get(callbackPath(callback)), /already used/);
  });

  test('the answer must come back to the browser that started the sign-in', async () => {
    const { domain } = await ssoAccount({ jitProvisioning: true });
    const { login, email } = person(domain);
    const started = service.client();
    const callback = await authorizeAtProvider(
      await startSignIn(started, `/api/sso/start?email=${email}`),
      login,
    );
    // A victim's browser opened with the attacker's code (login CSRF): no cookie, or its own.
    refusedWith(await service.client().get(callbackPath(callback)), /another browser/);
    const other = service.client();
    await startSignIn(other, `/api/sso/start?email=${email}`);
    expect(other.cookies.get('atrium_sso')).toBeDefined();
    const callback2 = await authorizeAtProvider(
      await startSignIn(started, `/api/sso/start?email=${email}`),
      login,
    );
    refusedWith(await other.get(callbackPath(callback2)), /another browser/);
    expect(await memberRow(email)).toBeUndefined();
  });

  test('an ID token with another nonce than the sign-in’s is refused', async () => {
    const { domain } = await ssoAccount({ jitProvisioning: true });
    const { login, email } = person(domain);
    const browser = service.client();
    const authorization = await startSignIn(browser, `/api/sso/start?email=${email}`);
    const callback = await authorizeAtProvider(authorization, login);
    await service.database.db.execute(
      sql`update sso_logins set nonce = 'another-nonce' where state_hash = ${loginOf(authorization)}`,
    );
    refusedWith(await browser.get(callbackPath(callback)), /nonce/);
    expect(await memberRow(email)).toBeUndefined();
  });

  test('a code exchanged with another PKCE verifier is refused by the provider', async () => {
    const { domain } = await ssoAccount({ jitProvisioning: true });
    const { login, email } = person(domain);
    const browser = service.client();
    const authorization = await startSignIn(browser, `/api/sso/start?email=${email}`);
    const callback = await authorizeAtProvider(authorization, login);
    await service.database.db.execute(
      sql`update sso_logins set code_verifier = ${'v'.repeat(64)} where state_hash = ${loginOf(authorization)}`,
    );
    refusedWith(await browser.get(callbackPath(callback)), /invalid_grant/);
  });

  test('an expired code is refused (a provider whose codes live 1 s)', async () => {
    const shortLived = await startOidcProvider({ redirectUri, codeTtlSeconds: 1 });
    try {
      const { domain } = await ssoAccount({ jitProvisioning: true }, shortLived);
      const login = 'late';
      shortLived.people.set(login, { email: `late@${domain}`, email_verified: true });
      const browser = service.client();
      const callback = await authorizeAtProvider(
        await startSignIn(browser, `/api/sso/start?email=late@${domain}`),
        login,
      );
      await new Promise((resolve) => setTimeout(resolve, 2100));
      refusedWith(await browser.get(callbackPath(callback)), /invalid_grant/);
      expect(await memberRow(`late@${domain}`)).toBeUndefined();
    } finally {
      await shortLived.close();
    }
  });

  test('a sign-in answered after 10 minutes is refused', async () => {
    const { domain } = await ssoAccount({ jitProvisioning: true });
    const { login, email } = person(domain);
    const browser = service.client();
    const callback = await authorizeAtProvider(
      await startSignIn(browser, `/api/sso/start?email=${email}`),
      login,
    );
    service.clock.advance(10 * 60 * 1000 + 1000);
    refusedWith(await browser.get(callbackPath(callback)), /expired/);
  });

  test('the provider’s own refusal (access_denied) is said in words', async () => {
    const { domain } = await ssoAccount();
    const browser = service.client();
    const authorization = new URL(await startSignIn(browser, `/api/sso/start?email=${person(domain).email}`));
    const state = authorization.searchParams.get('state')!;
    const reply = await browser.get(
      `/api/sso/oidc/callback?error=access_denied&error_description=${encodeURIComponent('End-User aborted interaction')}&state=${state}`,
    );
    refusedWith(reply, /did not sign you in \(access_denied: End-User aborted interaction\)/);
  });

  test('an identity whose email is missing or not verified at the provider is refused', async () => {
    const { domain } = await ssoAccount({ jitProvisioning: true });
    const unverified = person(domain, { email_verified: false });
    refusedWith(
      await signInAtProvider(service.client(), `/api/sso/start?email=${unverified.email}`, unverified.login),
      /not verified/,
    );
    const noEmail = person(domain);
    provider.people.set(noEmail.login, { given_name: 'No', family_name: 'Mail' });
    refusedWith(
      await signInAtProvider(service.client(), `/api/sso/start?email=${noEmail.email}`, noEmail.login),
      /did not give an email address/,
    );
  });

  test('the email and names may come in the ID token itself (a provider that puts them there)', async () => {
    const inToken = await startOidcProvider({ redirectUri, claimsInIdToken: true });
    try {
      const { domain } = await ssoAccount({ jitProvisioning: true }, inToken);
      inToken.people.set('ada', { email: `ada@${domain}`, given_name: 'Ada', family_name: 'Lovelace' });
      const reply = await signInAtProvider(service.client(), `/api/sso/start?email=ada@${domain}`, 'ada');
      expect(reply.status, JSON.stringify(reply.body)).toBe(302);
      expect(await memberRow(`ada@${domain}`)).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace' });
    } finally {
      await inToken.close();
    }
  });

  test('a browser that is refused lands on the log-in page saying why; an API client gets a problem', async () => {
    const { domain } = await ssoAccount();
    const { login, email } = person(domain);
    const html = await signInAtProvider(service.client(), `/api/sso/start?email=${email}`, login, {
      accept: 'text/html,application/xhtml+xml',
    });
    expect(html.status).toBe(302);
    const location = new URL(html.headers.get('location')!, service.url);
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('ssoError')).toMatch(/not a team member of this account/);
    const api = await signInAtProvider(service.client(), `/api/sso/start?email=${email}`, login);
    refusedWith(api, /ask an Account Admin to invite you/);
  });
});

describe('who may sign in', () => {
  test('an invitee accepts by SSO: active, no password, names from the provider', async () => {
    const { admin, signup } = await ssoAccount();
    const invited = await invite(admin, { firstName: 'Invited' });
    const login = `invitee${people++}`;
    provider.people.set(login, {
      email: invited.email,
      email_verified: true,
      given_name: 'Katherine',
      family_name: 'Johnson',
    });
    const browser = service.client();
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
    expect((await service.client().get(`/api/invitations/${invited.token}`)).status).toBe(410);
  });

  test('an invitation is not accepted by another address; it stays usable', async () => {
    const { admin, signup, domain } = await ssoAccount({ jitProvisioning: true });
    const invited = await invite(admin);
    const other = person(domain);
    const reply = await signInAtProvider(
      service.client(),
      `/api/sso/start?account=${signup.account.id}&invitation=${invited.token}`,
      other.login,
    );
    refusedWith(reply, new RegExp(`the invitation is for ${invited.email.replaceAll('.', '\\.')}`));
    expect(await memberRow(other.email)).toBeUndefined();
    expect(await memberRow(invited.email)).toMatchObject({ status: 'invited' });
    expect((await service.client().get(`/api/invitations/${invited.token}`)).status).toBe(200);
  });

  test('an identity from a domain the account has not verified is refused', async () => {
    const { signup } = await ssoAccount({ jitProvisioning: true });
    const stranger = person('unverified.test');
    refusedWith(
      await signInAtProvider(service.client(), `/api/sso/start?account=${signup.account.id}`, stranger.login),
      /unverified\.test is not a verified domain of this account/,
    );
    expect(await memberRow(stranger.email)).toBeUndefined();
  });

  test('a member whose provider subject changes is refused', async () => {
    const { domain } = await ssoAccount({ jitProvisioning: true });
    const { login, email } = person(domain);
    expect((await signInAtProvider(service.client(), `/api/sso/start?email=${email}`, login)).status).toBe(
      302,
    );
    // Another person at the provider (another subject) now holds the same address.
    provider.people.set('impostor', { email, email_verified: true });
    refusedWith(
      await signInAtProvider(service.client(), `/api/sso/start?email=${email}`, 'impostor'),
      /another subject than before/,
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
    const browser = service.client();
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
    const { domain } = await ssoAccount({ jitProvisioning: true }, provider, 'free');
    const { login, email } = person(domain);
    const reply = await signInAtProvider(service.client(), `/api/sso/start?email=${email}`, login);
    expectProblem(reply, 409, 'limit_reached');
    expect(await memberRow(email)).toBeUndefined();
  });

  test('without just-in-time provisioning, a stranger is refused in words', async () => {
    const { domain } = await ssoAccount({ jitProvisioning: false });
    const { login, email } = person(domain);
    refusedWith(
      await signInAtProvider(service.client(), `/api/sso/start?email=${email}`, login),
      new RegExp(
        `${email.replaceAll('.', '\\.')} is not a team member of this account: ask an Account Admin to invite you`,
      ),
    );
  });
});

describe('enforced single sign-on', () => {
  test('passwords are refused to Members and to Account Admins without two-factor', async () => {
    const { admin, signup, domain } = await ssoAccount();
    const member = await addMember(service, admin);
    await changeSso(admin, domain, { enforce: true });
    const byPassword = await service
      .client()
      .post('/api/session', { email: member.email, password: member.password });
    expectProblem(byPassword, 403, 'sso_required');
    expect(byPassword.body.ssoStart).toBe('/api/sso/start');
    const adminLogin = await service
      .client()
      .post('/api/session', { email: signup.email, password: signup.password });
    expectProblem(adminLogin, 403, 'sso_required');
    expect(adminLogin.body.detail).toMatch(/only with two-factor/);
  });

  test('an Account Admin with TOTP signs in by the break-glass path, and the log says so', async () => {
    const { admin, signup, domain } = await ssoAccount();
    const { secret } = await enrolTotp(service, admin, signup.password);
    await changeSso(admin, domain, { enforce: true });
    const browser = service.client();
    service.clock.advance(30_000); // the enrolment used this step's code
    const reply = await browser.post('/api/session', {
      email: signup.email,
      password: signup.password,
      totp: totpCode(service, secret),
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
    const accepted = await service.client().post(`/api/invitations/${invited.token}/accept`, {
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
    const location = new URL(reply.headers.get('location')!, service.url);
    expect(location.pathname).toBe('/account/security');
    expect(location.searchParams.get('ssoTest')).toBe('failed');
    expect(location.searchParams.get('reason')).toMatch(/not verified/);
  });
});
