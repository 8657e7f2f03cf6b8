import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { type Client, expectProblem, uniqueEmail } from '../support/client.js';
import { invite } from '../support/members.js';
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
async function ssoAccount(options: SsoOptions = {}, idp: TestOidcProvider = provider) {
  const admin = service.client();
  const signup = await admin.signup();
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

const memberRow = async (email: string) =>
  (
    await queryRows<{ status: string; sso_subject: string | null; password_hash: string | null }>(
      service.database.db,
      sql`select status, sso_subject, password_hash, first_name, last_name from members where email = ${email}`,
    )
  )[0];

describe('signing in through an OpenID provider', () => {
  test('a team member signs in: 302 to next, the session works, and the subject is bound', async () => {
    const { admin, domain } = await ssoAccount({ jitProvisioning: true });
    const { login, email } = person(domain);
    void admin;
    const browser = service.client();
    const reply = await signInAtProvider(browser, `/api/sso/start?email=${email}&next=/people`, login);
    expect(reply.status, JSON.stringify(reply.body)).toBe(302);
    expect(reply.headers.get('location')).toBe('/people');
    const me = await browser.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.member).toMatchObject({ email, firstName: 'Grace', lastName: 'Hopper' });
    expect((await memberRow(email))?.sso_subject).toBe(login);
  });
});
