import { afterAll, beforeAll, expect } from 'vitest';
import type { Config } from '../../src/config.js';
import type { Client, Reply } from './client.js';
import {
  type AnswerOptions,
  answerLogin,
  IDP_ENTITY_ID,
  IDP_SSO_URL,
  idpCertificate,
  postToAcs,
  type SamlUser,
} from './saml-idp.js';
import { startService, type TestService } from './service.js';

/**
 * For a test file of SAML sign-ins over HTTP: starts the service (its DNS answering from `txt`)
 * before its tests, and gives the helpers that set up accounts on the test IdP and sign people in.
 */
export function samlSuite(options: { config?: Partial<Config> } = {}) {
  /** TXT records the service's DNS resolver finds (domain verification). */
  const txt = new Map<string, string[][]>();
  const env = { txt } as { service: TestService; txt: Map<string, string[][]> };
  beforeAll(async () => {
    env.service = await startService({
      ...options,
      resolveTxt: async (name) => txt.get(name) ?? [],
    });
  });
  afterAll(() => env.service?.close());

  let domains = 0;

  /** An account with SAML single sign-on on the test IdP, a verified domain and just-in-time members. */
  async function samlAccount(settings: Record<string, unknown> = {}) {
    const admin = env.service.client();
    const { account } = await admin.signup();
    const domain = `saml-${process.pid}-${domains++}.test`;
    const put = await admin.put('/api/account/sso', {
      type: 'saml',
      entryPoint: IDP_SSO_URL,
      idpIssuer: IDP_ENTITY_ID,
      idpCertificate,
      domains: [domain],
      jitProvisioning: true,
      ...settings,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const { recordName, recordValue } = put.body.domains[0].verification;
    txt.set(recordName, [[recordValue]]);
    expect((await admin.post(`/api/account/sso/domains/${domain}/verify`)).status).toBe(200);
    const user = (name: string): SamlUser => ({
      email: `${name}@${domain}`,
      firstName: 'Grace',
      lastName: 'Hopper',
    });
    return { admin, accountId: account.id, domain, user, serviceProvider: put.body.serviceProvider };
  }

  /** Starts signing in (by email, or another query): Atrium's 302 to the IdP, with the AuthnRequest. */
  async function startSignIn(client: Client, email: string, query = `email=${encodeURIComponent(email)}`) {
    const start = await client.get(`/api/sso/start?${query}`);
    expect(start.status, JSON.stringify(start.body)).toBe(302);
    return start.headers.get('location')!;
  }

  /** A whole sign-in in a browser: start, the IdP's answer (tampered as told), the form post. */
  async function signIn(
    account: SamlAccount,
    user: SamlUser,
    answerOptions: AnswerOptions = {},
    client = env.service.client(),
    query?: string,
  ) {
    const answer = await answerLogin(
      env.service,
      account.accountId,
      await startSignIn(client, user.email, query),
      user,
      answerOptions,
    );
    return { client, answer, reply: await postToAcs(client, answer, { browser: true }) };
  }

  return { env, samlAccount, startSignIn, signIn };
}

export type SamlAccount = {
  admin: Client;
  accountId: string;
  domain: string;
  user: (name: string) => SamlUser;
};

/** The reason a browser was sent back to the log-in page with. */
export function refusal(reply: Reply): string {
  expect(reply.status).toBe(302);
  const location = new URL(reply.headers.get('location')!, 'http://atrium.test');
  expect(location.pathname).toBe('/login');
  return location.searchParams.get('ssoError') ?? '';
}

export async function expectSignedOut(client: Client) {
  expect((await client.get('/api/me')).status).toBe(401);
}
