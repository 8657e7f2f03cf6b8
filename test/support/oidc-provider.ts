import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { expect } from 'vitest';
import { Client, type Reply } from './client.js';
import type { TestService } from './service.js';

/** What the provider says about a person: the claims of the ID token and UserInfo. */
export interface ProviderPerson {
  sub?: string;
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  family_name?: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People who can sign in, by the login typed on the provider's page; tests change it freely. */
  people: Map<string, ProviderPerson>;
  /** How many times each path was asked for (the discovery document, the token endpoint…). */
  requests: Map<string, number>;
  close(): Promise<void>;
}

export interface ProviderOptions {
  /** The registered redirect URI: the service's serviceProvider.oidcRedirectUri. */
  redirectUri: string;
  /** Authorization codes live this long (default 60 s). */
  codeTtlSeconds?: number;
  /** Put email and names in the ID token (default: in UserInfo only, as in the code flow's rules). */
  claimsInIdToken?: boolean;
}

/**
 * Starts oidc-provider (a certified OpenID Provider) on 127.0.0.1 with one confidential client
 * that must use PKCE, and its own login and consent pages (devInteractions): any password passes,
 * the login names an entry of `people`.
 */
export async function startOidcProvider(options: ProviderOptions): Promise<TestOidcProvider> {
  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_req, res) => res.end();
  const requests = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://provider').pathname;
    requests.set(path, (requests.get(path) ?? 0) + 1);
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const people = new Map<string, ProviderPerson>();
  const clientId = 'atrium';
  const clientSecret = 'a-client-secret-long-enough-for-hs256-0123456789';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    async findAccount(_ctx: unknown, id: string) {
      const person = people.get(id);
      if (!person) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...person }) };
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['given_name', 'family_name'],
    },
    conformIdTokenClaims: !options.claimsInIdToken,
    pkce: { required: () => true },
    ttl: { AuthorizationCode: options.codeTtlSeconds ?? 60 },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-cookie-key'] },
    // Its own signing key (RS256), made for this run, rather than the quick-start development keys.
    jwks: {
      keys: [
        {
          ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
          use: 'sig',
        },
      ],
    },
  });
  handle = provider.callback();
  return {
    issuer,
    clientId,
    clientSecret,
    people,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const formAction = (html: string) => {
  const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
  expect(action, `a form on the provider's page:\n${html.slice(0, 500)}`).toBeDefined();
  return action!.replaceAll('&amp;', '&');
};

/**
 * Drives the provider's own pages like a person: opens the authorization URL, submits the login
 * form as `login` (any password), consents, and returns the URL the provider sends the browser
 * back to (the service's callback with code and state), without opening it.
 */
export async function authorizeAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const browser = new Client('');
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  let url = authorizationUrl;
  for (let step = 0; step < 12; step++) {
    const reply = await browser.get(url);
    if (reply.status === 200) {
      const html = reply.body as string;
      const action = new URL(formAction(html), url).href;
      const fields: Record<string, string> = html.includes('name="login"')
        ? { prompt: 'login', login, password: 'any password' }
        : { prompt: 'consent' };
      const posted = await browser.request('POST', action, undefined, {
        raw: new URLSearchParams(fields).toString(),
        headers: form,
      });
      expect(posted.status, String(posted.body).slice(0, 500)).toBeGreaterThanOrEqual(300);
      url = new URL(posted.headers.get('location')!, action).href;
      continue;
    }
    expect([302, 303], String(reply.body).slice(0, 500)).toContain(reply.status);
    const next = new URL(reply.headers.get('location')!, url);
    if (!next.href.startsWith(new URL(authorizationUrl).origin)) return next;
    url = next.href;
  }
  throw new Error('The provider did not send the browser back');
}

/** Starts a sign-in at the service (`start`: a path of /api/sso/start or a 302 answer). */
export async function startSignIn(browser: Client, start: string): Promise<string> {
  const reply = await browser.get(start);
  expect(reply.status, JSON.stringify(reply.body)).toBe(302);
  return reply.headers.get('location')!;
}

/** The callback as the browser would open it: the path and query at the service. */
export const callbackPath = (callback: URL) => `${callback.pathname}${callback.search}`;

/**
 * The whole dance: starts at the service, signs in at the provider as `login`, and returns the
 * service's answer to the callback (302 with a session cookie, or a refusal).
 */
export async function signInAtProvider(
  browser: Client,
  start: string,
  login: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const callback = await authorizeAtProvider(await startSignIn(browser, start), login);
  return browser.get(callbackPath(callback), { headers });
}

/** Points the service's public URL at where the test reaches it (the redirect URI is made from it). */
export function usePublicUrl(service: TestService): string {
  service.config.publicUrl = service.url;
  return `${service.url}/api/sso/oidc/callback`;
}
