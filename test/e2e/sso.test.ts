import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.js';
import { serveAtLocalhost, startService, type TestService } from '../support/service.js';
import { buildConsoleIfStale, haveChromium, launch, openPage } from './browser.js';

/**
 * Single sign-on in Chromium: a person starts at the service, signs in on oidc-provider's own
 * login and consent pages (another origin, as a real identity provider is), and comes back to the
 * console signed in. The service is reached as http://localhost:PORT, its public URL, so that the
 * redirect URI registered at the provider is where the browser lands.
 */
const dns = new Map<string, string[][]>();
let service: TestService;
let provider: TestOidcProvider;
let browser: Browser;
let origin: string;
const domain = `e2e${process.pid}.test`;

beforeAll(async () => {
  if (!haveChromium) return;
  await buildConsoleIfStale();
  service = await startService({
    resolveTxt: async (name) => dns.get(name) ?? Promise.reject(new Error(`ENOTFOUND ${name}`)),
  });
  origin = serveAtLocalhost(service);
  provider = await startOidcProvider({ redirectUri: `${origin}/api/sso/oidc/callback` });
  const admin = service.client();
  await admin.signup();
  const put = await admin.put('/api/account/sso', {
    type: 'oidc',
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    domains: [domain],
    jitProvisioning: true,
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  const { recordName, recordValue } = put.body.domains[0].verification;
  dns.set(recordName, [[recordValue]]);
  expect((await admin.post(`/api/account/sso/domains/${domain}/verify`)).status).toBe(200);
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await provider?.close();
  await service?.close();
});

describe.skipIf(!haveChromium)('single sign-on in the browser', () => {
  test('a person signs in at the identity provider and lands in the console, signed in', {
    timeout: 60_000,
  }, async () => {
    provider.people.set('grace', {
      email: `grace@${domain}`,
      email_verified: true,
      given_name: 'Grace',
      family_name: 'Hopper',
    });
    const page = await openPage(browser, origin, { width: 1280, height: 900 });
    await page.goto(`/api/sso/start?email=grace@${domain}`);
    // The provider's own pages: a login form, then consent.
    expect(new URL(page.url()).origin).toBe(provider.issuer);
    await page.locator('input[name="login"]').fill('grace');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('member-menu').waitFor();
    expect(new URL(page.url()).origin).toBe(origin);
    await expect(page.getByTestId('member-menu').textContent()).resolves.toContain('Grace Hopper');
  });

  test('someone the account does not know comes back to the log-in page, told why', {
    timeout: 60_000,
  }, async () => {
    provider.people.set('stranger', { email: 'stranger@elsewhere.test', email_verified: true });
    const page = await openPage(browser, origin, { width: 1280, height: 900 });
    await page.goto(`/api/sso/start?email=grace@${domain}`);
    await page.locator('input[name="login"]').fill('stranger');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/login\?ssoError=/);
    expect(new URL(page.url()).searchParams.get('ssoError')).toMatch(
      /elsewhere\.test is not a verified domain of this account/,
    );
  });
});
