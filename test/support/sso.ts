import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { SESSION_COOKIE } from '../../src/features/auth/cookies.js';
import { hashToken } from '../../src/shared/secrets.js';
import { type Client, expectProblem, type Reply } from './client.js';
import { startOidcProvider, type TestOidcProvider, usePublicUrl } from './oidc-provider.js';
import { startService, type TestService } from './service.js';

/** A service whose DNS answers from `dns`, and an OpenID provider whose client it is. */
export interface SsoTestEnv {
  service: TestService;
  provider: TestOidcProvider;
  redirectUri: string;
  /** DNS as the tests publish it: TXT records by name. */
  dns: Map<string, string[][]>;
}

export interface SsoOptions {
  enforce?: boolean;
  jitProvisioning?: boolean;
  jitAccess?: unknown;
  issuer?: string;
}

interface MemberFields {
  id: string;
  status: string;
  sso_subject: string | null;
  password_hash: string | null;
  first_name: string;
  last_name: string;
}

/**
 * For a test file of single sign-on over HTTP: starts the service and oidc-provider before its
 * tests (closed after) and gives the helpers that set up accounts and people against them.
 */
export function oidcSuite() {
  const env = { dns: new Map() } as SsoTestEnv;
  beforeAll(async () => {
    env.service = await startService({
      resolveTxt: async (name) => env.dns.get(name) ?? Promise.reject(new Error(`ENOTFOUND ${name}`)),
    });
    env.redirectUri = usePublicUrl(env.service);
    env.provider = await startOidcProvider({ redirectUri: env.redirectUri });
  });
  afterAll(async () => {
    await env.provider?.close();
    await env.service?.close();
  });

  let domains = 0;
  /** A domain of its own for each account: one account only may verify a domain. */
  const newDomain = () => `corp${process.pid}x${domains++}.test`;

  /** An account (its admin signed in) with OIDC set up against `provider` and a verified domain. */
  async function ssoAccount(options: SsoOptions = {}, idp: TestOidcProvider = env.provider, plan?: string) {
    const admin = env.service.client();
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
    env.dns.set(recordName, [[recordValue]]);
    const verified = await admin.post(`/api/account/sso/domains/${domain}/verify`);
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    return { admin, signup, domain };
  }

  let people = 0;
  /** Someone the provider knows, at this domain; returns their login at the provider and address. */
  function person(domain: string, overrides: Record<string, unknown> = {}) {
    const login = `person${people++}`;
    const email = `${login}@${domain}`;
    env.provider.people.set(login, {
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
      await queryRows<MemberFields>(
        env.service.database.db,
        sql`select id, status, sso_subject, password_hash, first_name, last_name from members where email = ${email}`,
      )
    )[0];

  /** The sign-in in flight that an authorization URL's state belongs to. */
  const loginOf = (authorizationUrl: string) =>
    hashToken(new URL(authorizationUrl).searchParams.get('state')!);

  const sessionCookieSet = (reply: Reply) =>
    reply.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`));

  /** Changes what a member's account says about SSO (a PUT keeps the secret when it is left out). */
  async function changeSso(admin: Client, domain: string, changes: SsoOptions) {
    const put = await admin.put('/api/account/sso', {
      type: 'oidc',
      issuer: env.provider.issuer,
      clientId: env.provider.clientId,
      domains: [domain],
      ...changes,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  }

  const refusedWith = (reply: Reply, words: RegExp) => {
    expectProblem(reply, 403, 'sso_refused');
    expect(reply.body.detail).toMatch(words);
  };

  return { env, ssoAccount, person, memberRow, loginOf, sessionCookieSet, changeSso, refusedWith };
}
