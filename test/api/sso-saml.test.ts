import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseStringPromise } from 'xml2js';
import { members } from '../../src/db/schema.js';
import { expectProblem } from '../support/client.js';
import { invite } from '../support/members.js';
import {
  answerLogin,
  expiredCertificate,
  IDP_SSO_URL,
  idpCertificate,
  otherCertificate,
  postToAcs,
} from '../support/saml-idp.js';
import { expectSignedOut, refusal, samlSuite } from '../support/saml-sign-in.js';
import type { TestService } from '../support/service.js';

const { env, samlAccount, startSignIn, signIn } = samlSuite();
let service: TestService;
beforeAll(() => {
  service = env.service;
});

const MINUTE = 60 * 1000;

describe('signing in with SAML', () => {
  test('a signed assertion for our entity id, ACS and request signs the member in, bound to its NameID', async () => {
    const account = await samlAccount();
    const user = account.user('grace');
    const client = service.client();
    const location = await startSignIn(client, user.email);
    const redirect = new URL(location);
    expect(`${redirect.origin}${redirect.pathname}`).toBe(IDP_SSO_URL);
    expect(redirect.searchParams.get('SAMLRequest')).toBeTruthy();
    expect(redirect.searchParams.get('RelayState')).toMatch(/^[A-Za-z0-9_-]{20,}$/);

    const answer = await answerLogin(service, account.accountId, location, {
      ...user,
      nameId: 'okta|00u1grace',
    });
    expect(answer.acsUrl).toBe(account.serviceProvider.samlAcsUrl);
    const reply = await postToAcs(client, answer, { browser: true });
    expect(reply.status).toBe(302);
    expect(reply.headers.get('location')).toBe('/');

    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(JSON.stringify(me.body)).toContain(user.email);
    const [row] = await service.ctx.db
      .select()
      .from(members)
      .where(and(eq(members.accountId, account.accountId), eq(members.email, user.email)));
    expect(row).toMatchObject({
      ssoSubject: 'okta|00u1grace',
      firstName: 'Grace',
      lastName: 'Hopper',
      status: 'active',
    });

    // Bound: the same address under another NameID is someone else.
    const other = await signIn(account, { ...user, nameId: 'okta|00u1impostor' });
    expect(refusal(other.reply)).toMatch(/another subject/);
    await expectSignedOut(other.client);
  });

  test('the email comes from the NameID when no attribute carries it; none at all is refused', async () => {
    const account = await samlAccount();
    const address = `nameid@${account.domain}`;
    const client = service.client();
    const location = await startSignIn(client, address);
    const answer = await answerLogin(service, account.accountId, location, { email: '', nameId: address });
    expect((await postToAcs(client, answer, { browser: true })).headers.get('location')).toBe('/');

    const nobody = service.client();
    const refused = await answerLogin(service, account.accountId, await startSignIn(nobody, address), {
      email: '',
      nameId: 'opaque-id-without-an-address',
    });
    expect(refusal(await postToAcs(nobody, refused, { browser: true }))).toMatch(/carries no email address/);
  });

  test('an API client is answered a problem, not a redirect', async () => {
    const account = await samlAccount();
    const user = account.user('api');
    const client = service.client();
    const answer = await answerLogin(
      service,
      account.accountId,
      await startSignIn(client, user.email),
      user,
      {
        signAssertion: false,
      },
    );
    const reply = await postToAcs(client, answer);
    expectProblem(reply, 403, 'sso_refused');
    expect(reply.body.detail).toMatch(/signed/);
  });

  test('an unsigned assertion is refused, even in a Response signed by the IdP', async () => {
    const account = await samlAccount();
    const { client, reply } = await signIn(account, account.user('unsigned'), { signAssertion: false });
    expect(refusal(reply)).toMatch(/not signed with the identity provider’s certificate/);
    await expectSignedOut(client);
  });

  test('an assertion signed with another key is refused', async () => {
    const account = await samlAccount();
    const { client, reply } = await signIn(account, account.user('forged'), { signWith: 'other' });
    expect(refusal(reply)).toMatch(/not signed with the identity provider’s certificate/);
    await expectSignedOut(client);
  });

  test('an assertion for another audience is refused', async () => {
    const account = await samlAccount();
    const { client, reply } = await signIn(account, account.user('audience'), {
      audience: 'https://another-service.test/saml',
    });
    expect(refusal(reply)).toMatch(/meant for another service/);
    await expectSignedOut(client);
  });

  test('an assertion for another account’s entity id is refused', async () => {
    const account = await samlAccount();
    const other = await samlAccount();
    const { reply } = await signIn(account, account.user('cross'), {
      audience: other.serviceProvider.samlEntityId,
    });
    expect(refusal(reply)).toMatch(/meant for another service/);
  });

  test('an assertion addressed to another ACS URL is refused', async () => {
    const account = await samlAccount();
    const { client, reply } = await signIn(account, account.user('recipient'), {
      recipient: 'https://another-service.test/saml/acs',
    });
    expect(refusal(reply)).toMatch(/assertion is addressed to https:\/\/another-service\.test\/saml\/acs/);
    await expectSignedOut(client);
  });

  test('a response sent to another destination is refused', async () => {
    const account = await samlAccount();
    const { client, reply } = await signIn(account, account.user('destination'), {
      destination: 'https://another-service.test/saml/acs',
    });
    expect(refusal(reply)).toMatch(/response is addressed to https:\/\/another-service\.test\/saml\/acs/);
    await expectSignedOut(client);
  });

  test('an assertion from another issuer than the IdP set up is refused', async () => {
    const account = await samlAccount();
    const { reply } = await signIn(account, account.user('issuer'), { issuer: 'https://evil.test/idp' });
    expect(refusal(reply)).toMatch(/issued by https:\/\/evil\.test\/idp/);
  });

  test('an answer to another request (InResponseTo) or to no sign-in of ours is refused', async () => {
    const account = await samlAccount();
    const user = account.user('request');
    const wrong = await signIn(account, user, { inResponseTo: '_not-our-request' });
    expect(refusal(wrong.reply)).toMatch(/another sign-in request/);

    const client = service.client();
    const answer = await answerLogin(service, account.accountId, await startSignIn(client, user.email), user);
    const unknown = await postToAcs(
      client,
      { ...answer, RelayState: 'not-a-state-of-ours' },
      { browser: true },
    );
    expect(refusal(unknown)).toMatch(/unknown, already used or expired/);
    await expectSignedOut(client);
  });

  test('an answer that is not SAML at all is refused, not a fault', async () => {
    const account = await samlAccount();
    const user = account.user('garbage');
    for (const SAMLResponse of ['garbage', Buffer.from('<not-saml/>').toString('base64')]) {
      const client = service.client();
      const RelayState = new URL(await startSignIn(client, user.email)).searchParams.get('RelayState')!;
      const reply = await postToAcs(client, { SAMLResponse, RelayState });
      expectProblem(reply, 403, 'sso_refused');
    }
  });

  test('a replayed assertion is refused: the same form twice, and the same assertion for a new sign-in', async () => {
    const account = await samlAccount();
    const user = account.user('replay');
    const first = await signIn(account, user);
    expect(first.reply.headers.get('location')).toBe('/');

    const again = service.client();
    expect(refusal(await postToAcs(again, first.answer, { browser: true }))).toMatch(
      /unknown, already used or expired/,
    );
    await expectSignedOut(again);

    const attacker = service.client();
    const location = await startSignIn(attacker, user.email);
    const relayState = new URL(location).searchParams.get('RelayState')!;
    const replay = await postToAcs(attacker, { ...first.answer, RelayState: relayState }, { browser: true });
    expect(refusal(replay)).toMatch(/already used/);
    await expectSignedOut(attacker);
  });

  test('an expired or not yet valid assertion is refused, by the service’s clock', async () => {
    const account = await samlAccount();
    const user = account.user('time');
    const client = service.client();
    const expired = await answerLogin(
      service,
      account.accountId,
      await startSignIn(client, user.email),
      user,
    );
    // The assertion lives 5 minutes and the clock skew allowed is 2: 8 minutes later it is dead,
    // while the sign-in itself (10 minutes) is not.
    service.clock.advance(8 * MINUTE);
    try {
      expect(refusal(await postToAcs(client, expired, { browser: true }))).toMatch(/expired at/);
    } finally {
      service.clock.advance(-8 * MINUTE);
    }

    service.clock.advance(-10 * MINUTE);
    try {
      const early = await signIn(account, user);
      expect(refusal(early.reply)).toMatch(/not valid yet/);
    } finally {
      service.clock.advance(10 * MINUTE);
    }
    await expectSignedOut(client);

    // Within the skew allowed, the same answers pass.
    service.clock.advance(-MINUTE);
    try {
      expect((await signIn(account, user)).reply.headers.get('location')).toBe('/');
    } finally {
      service.clock.advance(MINUTE);
    }
  });

  test('conditions the IdP dated in the past are refused', async () => {
    const account = await samlAccount();
    const past = new Date(Date.now() - 30 * MINUTE);
    const { reply } = await signIn(account, account.user('dated'), { notOnOrAfter: past });
    expect(refusal(reply)).toMatch(/expired at/);
  });

  test('a certificate that has expired since it was saved refuses sign-ins', async () => {
    const account = await samlAccount();
    const years = 101 * 365 * 24 * 60 * MINUTE;
    service.clock.advance(years);
    try {
      const { reply } = await signIn(account, account.user('later'));
      expect(refusal(reply)).toMatch(/certificate expired on 2125-01-01/);
    } finally {
      service.clock.advance(-years);
    }
  });

  test('an invitation is accepted through SAML with the invited address only', async () => {
    const account = await samlAccount({ jitProvisioning: false });
    const invited = await invite(account.admin, { all: { role: 'author' } });
    const start = `/api/sso/start?account=${account.accountId}&invitation=${invited.token}`;

    const wrong = service.client();
    const first = await wrong.get(start);
    const impostor = account.user('impostor');
    const refused = await postToAcs(
      wrong,
      await answerLogin(service, account.accountId, first.headers.get('location')!, impostor),
      { browser: true },
    );
    expect(refusal(refused)).toMatch(/the invitation is for/);

    // The invited address is at no verified domain: the invitation alone vouches for it.
    const browser = service.client();
    const location = (await browser.get(start)).headers.get('location')!;
    const answer = await answerLogin(service, account.accountId, location, { email: invited.email });
    expect((await postToAcs(browser, answer, { browser: true })).headers.get('location')).toBe('/');
    const [row] = await service.ctx.db.select().from(members).where(eq(members.id, invited.id));
    expect(row).toMatchObject({ status: 'active', ssoSubject: invited.email });
  });

  test('an admin’s test run shows who signed in and opens no session', async () => {
    const account = await samlAccount();
    const started = await account.admin.post('/api/account/sso/test');
    expect(started.status).toBe(200);
    const user = account.user('tester');
    const answer = await answerLogin(service, account.accountId, started.body.url, user);
    const browser = service.client();
    const reply = await postToAcs(browser, answer, { browser: true });
    expect(reply.status).toBe(302);
    expect(reply.headers.get('location')).toBe(
      `/account/security?ssoTest=ok&email=${encodeURIComponent(user.email)}`,
    );
    await expectSignedOut(browser);
  });

  test('the ACS takes only a form with both fields; no other route takes forms', async () => {
    const client = service.client();
    const missing = await client.request('POST', '/api/sso/saml/acs', undefined, {
      raw: 'RelayState=abc',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(missing, 400);
    const elsewhere = await client.request('POST', '/api/session', undefined, {
      raw: 'email=a%40b.test&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(elsewhere, 415);
  });
});

describe('the service provider’s metadata', () => {
  test('is XML naming our entity id and ACS (HTTP-POST), wanting signed assertions', async () => {
    const account = await samlAccount();
    const reply = await service.client().get(`/api/sso/saml/metadata?account=${account.accountId}`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/samlmetadata\+xml/);
    const xml = await parseStringPromise(reply.body);
    const descriptor = xml.EntityDescriptor;
    expect(descriptor.$.entityID).toBe(account.serviceProvider.samlEntityId);
    expect(account.serviceProvider.samlEntityId).toBe(account.serviceProvider.samlMetadataUrl);
    const sp = descriptor.SPSSODescriptor[0];
    expect(sp.$.WantAssertionsSigned).toBe('true');
    expect(sp.AssertionConsumerService[0].$).toMatchObject({
      Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
      Location: account.serviceProvider.samlAcsUrl,
    });
    expect(sp.NameIDFormat[0]).toBe('urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress');
  });

  test('is not found for an account without SAML, or no such account', async () => {
    const admin = service.client();
    const { account } = await admin.signup();
    expectProblem(await admin.get(`/api/sso/saml/metadata?account=${account.id}`), 404);
    expectProblem(await admin.get('/api/sso/saml/metadata?account=acc_nobody'), 404);
  });
});

describe('setting SAML up', () => {
  const body = (idpCertificate: string) => ({
    type: 'saml',
    entryPoint: IDP_SSO_URL,
    idpCertificate,
    domains: [],
  });

  test('a certificate that is not one is refused at /idpCertificate, in words', async () => {
    const admin = service.client();
    await admin.signup();
    for (const broken of ['hello', '-----BEGIN CERTIFICATE-----\nMIIBroken\n-----END CERTIFICATE-----']) {
      const reply = await admin.put('/api/account/sso', body(broken));
      expectProblem(reply, 400, 'invalid');
      expect(reply.body.detail).toMatch(/not an X\.509 certificate/);
      expect(reply.body.errors).toEqual([{ path: '/idpCertificate', message: reply.body.detail }]);
    }
    expect((await admin.get('/api/account/sso')).body.type).toBeNull();
  });

  test('an expired certificate is refused, saying when it expired', async () => {
    const admin = service.client();
    await admin.signup();
    const reply = await admin.put('/api/account/sso', body(expiredCertificate));
    expectProblem(reply, 400, 'invalid');
    expect(reply.body.detail).toMatch(/expired on 2021-01-01/);
    expect(reply.body.errors[0].path).toBe('/idpCertificate');
  });

  test('a certificate as PEM or as base64 DER alone is taken', async () => {
    const admin = service.client();
    await admin.signup();
    expect((await admin.put('/api/account/sso', body(otherCertificate))).status).toBe(200);
    const der = idpCertificate.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    expect((await admin.put('/api/account/sso', body(der))).status).toBe(200);
  });
});
