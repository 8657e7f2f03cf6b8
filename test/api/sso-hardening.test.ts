import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { sweepSignIns } from '../../src/features/sso/logins.js';
import { expectProblem, uniqueEmail } from '../support/client.js';
import { invite } from '../support/members.js';
import { answerLogin, IDP_SSO_URL, idpCertificate, postToAcs } from '../support/saml-idp.js';
import { expectSignedOut, refusal, samlSuite } from '../support/saml-sign-in.js';
import { createScimToken, PATCH_OP, scimClient } from '../support/scim.js';

/**
 * The ways around single sign-on that a review found, each closed and kept closed. The service
 * runs behind TLS (an https public URL), as a deployment does: that is when a SAML answer can be
 * bound to the browser that started the sign-in.
 */
const { env, samlAccount, startSignIn, signIn } = samlSuite({
  config: { publicUrl: 'https://atrium.test' },
});

describe('single sign-on cannot be steered by another site', () => {
  test('behind TLS a SAML answer is taken only from the browser that started it (no login CSRF)', async () => {
    const account = await samlAccount();
    const user = account.user('victim');
    const attacker = env.service.client();
    const start = await attacker.get(`/api/sso/start?email=${encodeURIComponent(user.email)}`);
    expect(start.headers.get('set-cookie')).toMatch(/atrium_sso=[^;]+;.*SameSite=None/i);
    expect(start.headers.get('set-cookie')).toMatch(/Secure/);
    const answer = await answerLogin(env.service, account.accountId, start.headers.get('location')!, user);

    // The attacker's answer, posted by the victim's browser (an auto-submitting form elsewhere).
    const victim = env.service.client();
    expect(refusal(await postToAcs(victim, answer, { browser: true }))).toMatch(/another browser/);
    await expectSignedOut(victim);
    // The refusal took nothing: the browser that started it still signs in.
    expect((await postToAcs(attacker, answer, { browser: true })).headers.get('location')).toBe('/');
    expect((await attacker.get('/api/me')).status).toBe(200);
  });

  test('a start another site asks for is refused: a browser lands on the log-in page, an API client gets a problem', async () => {
    const account = await samlAccount();
    const client = env.service.client();
    const path = `/api/sso/start?account=${account.accountId}`;
    const browser = await client.get(path, {
      headers: { 'sec-fetch-site': 'cross-site', accept: 'text/html' },
    });
    expect(refusal(browser)).toMatch(/log-in page/);
    const api = await client.get(path, { headers: { 'sec-fetch-site': 'cross-site' } });
    expectProblem(api, 403, 'sso_refused');
    expect((await client.get(path, { headers: { 'sec-fetch-site': 'same-origin' } })).status).toBe(302);
  });

  test.each([
    ['a tab', '%2F%09%2Fevil.example'],
    ['a newline', '%2F%0A%2Fevil.example'],
    ['a backslash', '%2F%5Cevil.example'],
    ['non-ASCII', '%2F%C3%A9'],
  ])('a next path with %s lands on the dashboard, never elsewhere and never a 500', async (_what, next) => {
    const account = await samlAccount();
    const user = account.user(`next${Math.random().toString(36).slice(2, 8)}`);
    const { reply } = await signIn(
      account,
      user,
      {},
      undefined,
      `email=${encodeURIComponent(user.email)}&next=${next}`,
    );
    expect(reply.status).toBe(302);
    expect(reply.headers.get('location')).toBe('/');
  });
});

describe('who single sign-on lets in', () => {
  test('an invitee outside the verified domains signs in again by the subject their invitation bound', async () => {
    const account = await samlAccount();
    const invited = await invite(account.admin, { all: { role: 'viewer' } });
    const user = { email: invited.email, nameId: 'idp|outsider', firstName: 'Olu', lastName: 'Outside' };
    const first = await signIn(account, user, {}, undefined, `invitation=${invited.token}`);
    expect(first.reply.headers.get('location')).toBe('/');

    const again = await signIn(account, user, {}, undefined, `account=${account.accountId}`);
    expect(again.reply.headers.get('location')).toBe('/');
    expect((await again.client.get('/api/me')).body.member.email).toBe(invited.email);
    // The same address under another subject is not vouched for: its domain is not the account's.
    const other = await signIn(
      account,
      { ...user, nameId: 'idp|impostor' },
      {},
      undefined,
      `account=${account.accountId}`,
    );
    expect(refusal(other.reply)).toMatch(/not a verified domain/);
  });

  test('a member SCIM deactivated is refused, with no session', async () => {
    const account = await samlAccount();
    const user = account.user('leaver');
    await signIn(account, user);
    const scim = scimClient(env.service, await createScimToken(account.admin, 'IdP'));
    const found = await scim.get(`/Users?filter=${encodeURIComponent(`userName eq "${user.email}"`)}`);
    const id = found.body.Resources[0].id as string;
    const patched = await scim.patch(`/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);

    const { reply, client } = await signIn(account, user);
    expect(refusal(reply)).toMatch(/deactivated/);
    await expectSignedOut(client);
  });

  test('just-in-time provisioning of an address active in another account is a 409, not a 500', async () => {
    const account = await samlAccount();
    const user = account.user('taken');
    const elsewhere = env.service.client();
    expect((await elsewhere.signup({ email: user.email })).member.email).toBe(user.email);
    const client = env.service.client();
    const answer = await answerLogin(
      env.service,
      account.accountId,
      await startSignIn(client, user.email),
      user,
    );
    expectProblem(await postToAcs(client, answer), 409, 'email_in_other_account');
  });

  test('changing the identity provider forgets the subjects the old one bound', async () => {
    const account = await samlAccount();
    const user = { ...account.user('mover'), nameId: 'old-idp|1' };
    await signIn(account, user);
    const moved = { ...user, nameId: 'new-idp|9' };
    expect(refusal((await signIn(account, moved)).reply)).toMatch(/another subject/);

    // The same IdP keeps its bindings; another one does not (here: known by its sign-in URL now,
    // its entity id left out).
    const put = await account.admin.put('/api/account/sso', {
      type: 'saml',
      entryPoint: IDP_SSO_URL,
      idpCertificate,
      domains: [account.domain],
      jitProvisioning: true,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const { reply, client } = await signIn(account, moved);
    expect(reply.headers.get('location')).toBe('/');
    expect((await client.get('/api/me')).status).toBe(200);
  });
});

test('finished and abandoned sign-ins are swept once expired', async () => {
  const account = await samlAccount();
  await startSignIn(env.service.client(), uniqueEmail('abandoned').replace(/@.*/, `@${account.domain}`));
  const count = async () =>
    (
      await queryRows<{ n: number }>(
        env.service.ctx.db,
        sql`SELECT count(*)::int AS n FROM sso_logins WHERE account_id = ${account.accountId}`,
      )
    )[0]!.n;
  expect(await count()).toBe(1);
  await sweepSignIns(env.service.ctx);
  expect(await count()).toBe(1);
  env.service.clock.advance(11 * 60 * 1000);
  await sweepSignIns(env.service.ctx);
  expect(await count()).toBe(0);
});
