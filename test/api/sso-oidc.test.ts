import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import {
  authorizeAtProvider,
  callbackPath,
  signInAtProvider,
  startOidcProvider,
  startSignIn,
} from '../support/oidc-provider.js';
import { oidcSuite } from '../support/sso.js';

/**
 * Signing in through an OpenID provider (oidc-provider, started on 127.0.0.1), over HTTP: each
 * check of the answer (state, browser, nonce, PKCE, code expiry, the sign-in's own expiry, the
 * identity's email) refuses what it must. Who may sign in: sso-oidc-members.test.ts.
 */
const { env, ssoAccount, person, memberRow, loginOf, refusedWith } = oidcSuite();

describe('signing in through an OpenID provider', () => {
  test('a person signs in: 302 to next, the session works, the subject is bound', async () => {
    const { domain } = await ssoAccount({ jitProvisioning: true });
    const { login, email } = person(domain);
    const browser = env.service.client();
    const reply = await signInAtProvider(browser, `/api/sso/start?email=${email}&next=/people`, login);
    expect(reply.status, JSON.stringify(reply.body)).toBe(302);
    expect(reply.headers.get('location')).toBe('/people');
    const me = await browser.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.member).toMatchObject({ email, firstName: 'Grace', lastName: 'Hopper' });
    expect(await memberRow(email)).toMatchObject({ sso_subject: login, password_hash: null });

    // Signing in again finds the same member; an unsafe next lands on the console's start.
    const again = await signInAtProvider(
      env.service.client(),
      `/api/sso/start?email=${email}&next=//evil.test`,
      login,
    );
    expect(again.status, JSON.stringify(again.body)).toBe(302);
    expect(again.headers.get('location')).toBe('/');
  });

  test('the discovery document is read when the settings are saved, not again at each sign-in', async () => {
    const { domain } = await ssoAccount({ jitProvisioning: true });
    const discovery = '/.well-known/openid-configuration';
    const before = env.provider.requests.get(discovery) ?? 0;
    for (const { login, email } of [person(domain), person(domain)]) {
      expect(
        (await signInAtProvider(env.service.client(), `/api/sso/start?email=${email}`, login)).status,
      ).toBe(302);
    }
    expect(env.provider.requests.get(discovery) ?? 0).toBe(before);
  });

  test('the authorization request uses the code flow with PKCE S256, a state and a nonce', async () => {
    const { domain } = await ssoAccount();
    const url = new URL(
      await startSignIn(env.service.client(), `/api/sso/start?email=${person(domain).email}`),
    );
    expect(url.origin).toBe(env.provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: env.provider.clientId,
      redirect_uri: env.redirectUri,
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
    const browser = env.service.client();
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
    const browser = env.service.client();
    const callback = await authorizeAtProvider(
      await startSignIn(browser, `/api/sso/start?email=${email}`),
      login,
    );
    const cookie = browser.cookies.get('atrium_sso')!;
    expect((await browser.get(callbackPath(callback))).status).toBe(302);
    const replay = env.service.client();
    replay.cookies.set('atrium_sso', cookie);
    refusedWith(await replay.get(callbackPath(callback)), /already used/);
  });

  test('the answer must come back to the browser that started the sign-in', async () => {
    const { domain } = await ssoAccount({ jitProvisioning: true });
    const { login, email } = person(domain);
    const started = env.service.client();
    const callback = await authorizeAtProvider(
      await startSignIn(started, `/api/sso/start?email=${email}`),
      login,
    );
    // A victim's browser opened with the attacker's code (login CSRF): no cookie, or its own.
    refusedWith(await env.service.client().get(callbackPath(callback)), /another browser/);
    const other = env.service.client();
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
    const browser = env.service.client();
    const authorization = await startSignIn(browser, `/api/sso/start?email=${email}`);
    const callback = await authorizeAtProvider(authorization, login);
    await env.service.database.db.execute(
      sql`update sso_logins set nonce = 'another-nonce' where state_hash = ${loginOf(authorization)}`,
    );
    refusedWith(await browser.get(callbackPath(callback)), /nonce/);
    expect(await memberRow(email)).toBeUndefined();
  });

  test('a code exchanged with another PKCE verifier is refused by the provider', async () => {
    const { domain } = await ssoAccount({ jitProvisioning: true });
    const { login, email } = person(domain);
    const browser = env.service.client();
    const authorization = await startSignIn(browser, `/api/sso/start?email=${email}`);
    const callback = await authorizeAtProvider(authorization, login);
    await env.service.database.db.execute(
      sql`update sso_logins set code_verifier = ${'v'.repeat(64)} where state_hash = ${loginOf(authorization)}`,
    );
    refusedWith(await browser.get(callbackPath(callback)), /invalid_grant/);
  });

  test('an expired code is refused (a provider whose codes live 1 s)', async () => {
    const shortLived = await startOidcProvider({ redirectUri: env.redirectUri, codeTtlSeconds: 1 });
    try {
      const { domain } = await ssoAccount({ jitProvisioning: true }, shortLived);
      const login = 'late';
      shortLived.people.set(login, { email: `late@${domain}`, email_verified: true });
      const browser = env.service.client();
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
    const browser = env.service.client();
    const callback = await authorizeAtProvider(
      await startSignIn(browser, `/api/sso/start?email=${email}`),
      login,
    );
    env.service.clock.advance(10 * 60 * 1000 + 1000);
    refusedWith(await browser.get(callbackPath(callback)), /expired/);
  });

  test('the provider’s own refusal (access_denied) is said in words', async () => {
    const { domain } = await ssoAccount();
    const browser = env.service.client();
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
      await signInAtProvider(
        env.service.client(),
        `/api/sso/start?email=${unverified.email}`,
        unverified.login,
      ),
      /not verified/,
    );
    const noEmail = person(domain);
    env.provider.people.set(noEmail.login, { given_name: 'No', family_name: 'Mail' });
    refusedWith(
      await signInAtProvider(env.service.client(), `/api/sso/start?email=${noEmail.email}`, noEmail.login),
      /did not give an email address/,
    );
  });

  test('the email and names may come in the ID token itself (a provider that puts them there)', async () => {
    const inToken = await startOidcProvider({ redirectUri: env.redirectUri, claimsInIdToken: true });
    try {
      const { domain } = await ssoAccount({ jitProvisioning: true }, inToken);
      inToken.people.set('ada', { email: `ada@${domain}`, given_name: 'Ada', family_name: 'Lovelace' });
      const reply = await signInAtProvider(env.service.client(), `/api/sso/start?email=ada@${domain}`, 'ada');
      expect(reply.status, JSON.stringify(reply.body)).toBe(302);
      expect(await memberRow(`ada@${domain}`)).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace' });
    } finally {
      await inToken.close();
    }
  });

  test('a browser that is refused lands on the log-in page saying why; an API client gets a problem', async () => {
    const { domain } = await ssoAccount();
    const { login, email } = person(domain);
    const html = await signInAtProvider(env.service.client(), `/api/sso/start?email=${email}`, login, {
      accept: 'text/html,application/xhtml+xml',
    });
    expect(html.status).toBe(302);
    const location = new URL(html.headers.get('location')!, env.service.url);
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('ssoError')).toMatch(/not a team member of this account/);
    const api = await signInAtProvider(env.service.client(), `/api/sso/start?email=${email}`, login);
    refusedWith(api, /ask an Account Admin to invite you/);
  });
});
