import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { type Client, expectProblem } from '../support/client.js';
import { addMember } from '../support/members.js';
import { startOidcProvider, type TestOidcProvider, usePublicUrl } from '../support/oidc-provider.js';
import { startService, type TestService } from '../support/service.js';

/** DNS as the tests publish it: TXT records by name. */
const dns = new Map<string, string[][]>();
let service: TestService;
let provider: TestOidcProvider;

beforeAll(async () => {
  service = await startService({
    resolveTxt: async (name) => dns.get(name) ?? Promise.reject(new Error(`ENOTFOUND ${name}`)),
  });
  provider = await startOidcProvider({ redirectUri: usePublicUrl(service) });
});
afterAll(async () => {
  await provider?.close();
  await service?.close();
});

/** A port nothing listens on (one that was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let domains = 0;
const newDomain = () => `settings${process.pid}x${domains++}.test`;

const oidcBody = (domain: string, overrides: Record<string, unknown> = {}) => ({
  type: 'oidc',
  issuer: provider.issuer,
  clientId: provider.clientId,
  clientSecret: provider.clientSecret,
  domains: [domain],
  ...overrides,
});

async function setUp(admin: Client, domain: string) {
  const put = await admin.put('/api/account/sso', oidcBody(domain));
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  return put.body;
}

/** Publishes the domain's verification record and verifies it. */
async function verify(admin: Client, domain: string) {
  const settings = (await admin.get('/api/account/sso')).body;
  const { recordName, recordValue } = settings.domains.find(
    (d: { domain: string }) => d.domain === domain,
  ).verification;
  dns.set(recordName, [[recordValue]]);
  return admin.post(`/api/account/sso/domains/${domain}/verify`);
}

describe('single sign-on settings', () => {
  test('before setup: type null, and the values to paste into the identity provider', async () => {
    const admin = service.client();
    const { account } = await admin.signup();
    const reply = await admin.get('/api/account/sso');
    expect(reply.status).toBe(200);
    const metadata = `${service.url}/api/sso/saml/metadata?account=${account.id}`;
    expect(reply.body).toEqual({
      type: null,
      issuer: null,
      clientId: null,
      clientSecretSet: false,
      entryPoint: null,
      idpIssuer: null,
      idpCertificate: null,
      domains: [],
      enforce: false,
      jitProvisioning: false,
      jitAccess: { mode: 'all', role: 'viewer', hideAttributes: true },
      serviceProvider: {
        oidcRedirectUri: `${service.url}/api/sso/oidc/callback`,
        samlEntityId: metadata,
        samlAcsUrl: `${service.url}/api/sso/saml/acs`,
        samlMetadataUrl: metadata,
      },
    });
  });

  test('OIDC: the client secret is required the first time, never answered, and kept when left out', async () => {
    const admin = service.client();
    const { account } = await admin.signup();
    const domain = newDomain();
    const { clientSecret: _secret, ...withoutSecret } = oidcBody(domain);
    const first = await admin.put('/api/account/sso', withoutSecret);
    expectProblem(first, 400, 'invalid');
    expect(first.body.errors).toEqual([{ path: '/clientSecret', message: 'required for oidc' }]);

    const put = await admin.put('/api/account/sso', oidcBody(domain));
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({
      type: 'oidc',
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecretSet: true,
      domains: [{ domain, verified: false, verifiedAt: null }],
    });
    expect(JSON.stringify(put.body)).not.toContain(provider.clientSecret);
    expect(JSON.stringify((await admin.get('/api/account/sso')).body)).not.toContain(provider.clientSecret);

    const again = await admin.put('/api/account/sso', { ...withoutSecret, enforce: true });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ clientSecretSet: true, enforce: true });
    const [row] = await queryRows<{ client_secret: string }>(
      service.database.db,
      sql`select client_secret from account_sso where account_id = ${account.id}`,
    );
    expect(row?.client_secret).toBe(provider.clientSecret);
    // Another issuer never gets the stored secret: it must be given again.
    const moved = await admin.put('/api/account/sso', {
      ...withoutSecret,
      issuer: `${provider.issuer}/other`,
    });
    expectProblem(moved, 400, 'invalid');
    expect(moved.body.errors).toEqual([{ path: '/clientSecret', message: 'required for oidc' }]);
    const log = (await admin.get('/api/account/activity')).body.items;
    expect(JSON.stringify(log)).not.toContain(provider.clientSecret);
  });

  test('an issuer whose discovery does not answer is refused at /issuer, saying why', async () => {
    const admin = service.client();
    await admin.signup();
    const closed = await closedPort();
    const refused = await admin.put(
      '/api/account/sso',
      oidcBody(newDomain(), { issuer: `http://127.0.0.1:${closed}` }),
    );
    expectProblem(refused, 400, 'invalid');
    expect(refused.body.errors[0].path).toBe('/issuer');
    expect(refused.body.detail).toMatch(
      new RegExp(
        `discovery document at http://127\\.0\\.0\\.1:${closed}/\\.well-known/openid-configuration could not be used: .*ECONNREFUSED`,
      ),
    );
    const notFound = await admin.put(
      '/api/account/sso',
      oidcBody(newDomain(), { issuer: `${provider.issuer}/no-such-issuer` }),
    );
    expectProblem(notFound, 400, 'invalid');
    expect(notFound.body.errors[0].path).toBe('/issuer');
    expect(notFound.body.detail).toMatch(/unexpected HTTP response status code/);
    const plainHttp = await admin.put(
      '/api/account/sso',
      oidcBody(newDomain(), { issuer: 'http://idp.example.com' }),
    );
    expectProblem(plainHttp, 400, 'invalid');
    expect(plainHttp.body.errors).toEqual([
      { path: '/issuer', message: expect.stringMatching(/https:\/\//) },
    ]);
    expect((await admin.get('/api/account/sso')).body.type).toBeNull();
  });

  test('discovery gives up after a few seconds when the issuer does not answer', async () => {
    const admin = service.client();
    await admin.signup();
    // Accepts connections and never answers.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const started = Date.now();
      const reply = await admin.put(
        '/api/account/sso',
        oidcBody(newDomain(), { issuer: `http://127.0.0.1:${port}` }),
      );
      expectProblem(reply, 400, 'invalid');
      expect(reply.body.detail).toMatch(/timed out/);
      expect(Date.now() - started).toBeLessThan(9000);
    } finally {
      silent.close();
    }
  }, 15_000);

  test('SAML without its entry point and certificate is refused, naming both', async () => {
    const admin = service.client();
    await admin.signup();
    const reply = await admin.put('/api/account/sso', { type: 'saml', domains: [] });
    expectProblem(reply, 400, 'invalid');
    expect(reply.body.errors).toEqual([
      { path: '/entryPoint', message: 'required for saml' },
      { path: '/idpCertificate', message: 'required for saml' },
    ]);
  });

  test('DELETE turns single sign-on off and drops its domains; the log tells it all in words', async () => {
    const admin = service.client();
    await admin.signup({ firstName: 'Ada', lastName: 'Lovelace' });
    const domain = newDomain();
    await setUp(admin, domain);
    await admin.put('/api/account/sso', {
      ...oidcBody(domain),
      clientSecret: undefined,
      jitProvisioning: true,
    });
    expect((await verify(admin, domain)).status).toBe(200);
    expect((await admin.delete('/api/account/sso')).status).toBe(204);
    expect((await admin.get('/api/account/sso')).body).toMatchObject({ type: null, domains: [] });
    expectProblem(await admin.delete('/api/account/sso'), 404, 'not_found');
    expect((await service.client().get(`/api/sso/lookup?email=a@${domain}`)).body).toEqual({
      sso: false,
      enforced: false,
    });

    const log = (await admin.get('/api/account/activity')).body.items.filter((e: { action: string }) =>
      e.action.startsWith('sso.'),
    );
    expect(log.map((e: { action: string; summary: string }) => [e.action, e.summary])).toEqual([
      ['sso.deleted', 'Ada Lovelace turned single sign-on off'],
      ['sso.domain_verified', `Ada Lovelace verified the domain ${domain} for single sign-on`],
      ['sso.updated', 'Ada Lovelace changed the single sign-on settings'],
      ['sso.created', 'Ada Lovelace set up single sign-on (OpenID Connect)'],
    ]);
  });
});

describe('domains', () => {
  test('a domain is verified by its TXT record: missing → 409 in words, right → verified', async () => {
    const admin = service.client();
    await admin.signup();
    const domain = newDomain();
    const settings = await setUp(admin, domain);
    const { recordName, recordValue } = settings.domains[0].verification;
    expect(recordName).toBe(`_atrium-challenge.${domain}`);
    expect(recordValue).toMatch(/^atrium-domain-verification=[A-Za-z0-9_-]{20,}$/);

    const missing = await admin.post(`/api/account/sso/domains/${domain}/verify`);
    expectProblem(missing, 409, 'conflict');
    expect(missing.body.detail).toContain(`No TXT record "${recordValue}" was found at ${recordName}`);
    dns.set(recordName, [['v=spf1 -all'], ['atrium-domain-verification=', 'wrong']]);
    expectProblem(await admin.post(`/api/account/sso/domains/${domain}/verify`), 409, 'conflict');

    // A long record comes split in chunks of 255 characters; they are joined.
    dns.set(recordName, [['v=spf1 -all'], [recordValue.slice(0, 30), recordValue.slice(30)]]);
    const verified = await admin.post(`/api/account/sso/domains/${domain}/verify`);
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body.domains).toEqual([
      expect.objectContaining({ domain, verified: true, verifiedAt: expect.any(String) }),
    ]);
    expect((await service.client().get(`/api/sso/lookup?email=Someone@${domain}`)).body).toEqual({
      sso: true,
      enforced: false,
    });
  });

  test('a domain verified by another account stays theirs (409)', async () => {
    const first = service.client();
    await first.signup();
    const second = service.client();
    await second.signup();
    const domain = newDomain();
    await setUp(first, domain);
    await setUp(second, domain);
    expect((await verify(first, domain)).status).toBe(200);
    const taken = await verify(second, domain);
    expectProblem(taken, 409, 'conflict');
    expect(taken.body.detail).toBe(`${domain} is already verified by another account.`);
  });

  test('start by the email of a domain nobody verified: 404; lookup says no SSO', async () => {
    const admin = service.client();
    await admin.signup();
    const domain = newDomain();
    await setUp(admin, domain);
    expectProblem(await service.client().get(`/api/sso/start?email=a@${domain}`), 404, 'not_found');
    expect((await service.client().get(`/api/sso/lookup?email=a@${domain}`)).body).toEqual({
      sso: false,
      enforced: false,
    });
    expectProblem(await service.client().get('/api/sso/start?email=no-at-sign'), 400, 'invalid');
  });
});

describe('who may see and change it', () => {
  test('a Member may not (403); another account sees only its own, and cannot verify yours (404)', async () => {
    const admin = service.client();
    await admin.signup();
    const domain = newDomain();
    await setUp(admin, domain);
    const member = await addMember(service, admin);
    expectProblem(await member.client.get('/api/account/sso'), 403, 'forbidden');
    expectProblem(await member.client.put('/api/account/sso', oidcBody(domain)), 403, 'forbidden');
    expectProblem(await member.client.delete('/api/account/sso'), 403, 'forbidden');
    expectProblem(await member.client.post('/api/account/sso/test'), 403, 'forbidden');

    const other = service.client();
    await other.signup();
    expect((await other.get('/api/account/sso')).body).toMatchObject({ type: null, domains: [] });
    expectProblem(await other.post(`/api/account/sso/domains/${domain}/verify`), 404, 'not_found');
    expectProblem(await other.post('/api/account/sso/test'), 404, 'not_found');
    expect((await admin.get('/api/account/sso')).body.type).toBe('oidc');
  });
});
