import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Client } from '../support/client.js';
import { linkSentTo, tokenOf } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';
import { expectGoodAtBothWidths } from './a11y.js';
import {
  buildConsoleIfStale,
  eventually,
  haveChromium,
  launch,
  logIn,
  openPage,
  screenshot,
} from './browser.js';

/**
 * The Security page in Chromium: an Account Admin sets up SAML single sign-on with a real
 * certificate, adds a domain and verifies it by its DNS TXT record (the service's resolver answers
 * from `dns`, which the test fills with what the page says to add), then requires single sign-on;
 * the log-in page and an invitation then send people at that domain to the identity provider.
 */
const dns = new Map<string, string[][]>();
const certificate = readFileSync(new URL('../fixtures/saml/idp-cert.pem', import.meta.url), 'utf8');
const DOMAIN = 'acme-sso.test';

let service: TestService;
let browser: Browser;
beforeAll(async () => {
  if (!haveChromium) return;
  await buildConsoleIfStale();
  service = await startService({
    // As node:dns answers: the record's chunks, or ENOTFOUND while nobody has added it.
    resolveTxt: async (name) => {
      const records = dns.get(name);
      if (records) return records;
      throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    },
  });
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await service?.close();
});

const newPage = () => openPage(browser, service.url, { width: 1440, height: 900 });

/** Invites someone at the SSO domain through the API: their invitation link's token. */
async function inviteAtDomain(api: Client, local: string): Promise<string> {
  const email = `${local}@${DOMAIN}`;
  const reply = await api.post('/api/team-members', {
    firstName: local,
    lastName: 'Member',
    email,
    accountRole: 'member',
    workspaceAccess: { mode: 'all', role: 'viewer' },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return tokenOf(await linkSentTo(api, email));
}

const ssoLink = (page: Page) => page.getByRole('link', { name: 'Continue with single sign-on' });

describe.skipIf(!haveChromium)('the Security page and single sign-on', () => {
  test('set up SAML, verify a domain by DNS, require SSO; log-in and invitation pages offer it', {
    timeout: 120_000,
  }, async () => {
    const api = service.client();
    const admin = await api.signup({ firstName: 'Ada', lastName: 'Admin' });
    // Grace joins with a password while SSO is offered; Alan's invitation stays open.
    const graceToken = await inviteAtDomain(api, 'grace');
    const alanToken = await inviteAtDomain(api, 'alan');
    const page = await newPage();
    await logIn(page, admin.email, admin.password);

    // Off: a sentence, the values for OpenID Connect, and the connection form to fill.
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByTestId('sso-summary').getByText('Single sign-on is off', { exact: false }).waitFor();
    expect(await page.title()).toBe('Security · Atrium');
    expect(await page.getByTestId('sp-redirect-uri').textContent()).toBe(
      `${service.config.publicUrl}/api/sso/oidc/callback`,
    );
    await expectGoodAtBothWidths(page, 'main');

    // SAML: its three values to paste into the identity provider, then what it gives back.
    await page.getByRole('radio', { name: 'SAML 2.0' }).check();
    expect(await page.getByTestId('sp-acs-url').textContent()).toBe(
      `${service.config.publicUrl}/api/sso/saml/acs`,
    );
    expect(await page.getByTestId('sp-metadata-url').textContent()).toMatch(
      new RegExp(`^${service.config.publicUrl}/api/sso/saml/metadata\\?account=`),
    );
    await page.getByRole('button', { name: 'Set up single sign-on' }).click();
    // What the protocol needs shows at its fields.
    await page.getByText('required for saml').first().waitFor();
    expect(await page.getByRole('textbox', { name: 'Sign-in URL' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await page.getByRole('textbox', { name: 'Sign-in URL' }).fill(`https://idp.${DOMAIN}/sso/saml`);
    await page.getByRole('textbox', { name: 'Identity provider’s entity ID' }).fill(`https://idp.${DOMAIN}`);
    await page.getByRole('textbox', { name: 'Signing certificate' }).fill(certificate);
    await page.getByRole('button', { name: 'Set up single sign-on' }).click();
    await page.getByTestId('sso-summary').getByText('Set up with SAML 2.0.', { exact: false }).waitFor();
    await page.getByTestId('sso-domains').getByText('No domains yet').waitFor();

    // A domain waits for its TXT record: verifying before it is added says so, in words.
    await page.getByRole('textbox', { name: 'Add a domain' }).fill(`  ${DOMAIN.toUpperCase()} `);
    await page.getByRole('button', { name: 'Add domain' }).click();
    const row = page.getByTestId(`domain-${DOMAIN}`);
    await row.getByText('Waiting for DNS').waitFor();
    await row.getByRole('button', { name: `Verify ${DOMAIN}` }).click();
    await row.getByText('No TXT record', { exact: false }).waitFor();
    const recordName = (await row.getByTestId('txt-name').textContent()) ?? '';
    const recordValue = (await row.getByTestId('txt-value').textContent()) ?? '';
    expect(recordName).toBe(`_atrium-challenge.${DOMAIN}`);
    // DNS hands a long TXT record over in chunks; the service joins them.
    dns.set(recordName, [['v=spf1 -all'], [recordValue.slice(0, 20), recordValue.slice(20)]]);
    await row.getByRole('button', { name: `Verify ${DOMAIN}` }).click();
    await row.getByText('Verified', { exact: true }).waitFor();
    expect(await row.getByTestId('txt-value').count()).toBe(0);

    // While SSO is offered, an invitation offers it above the password form; Grace picks a password.
    const invitee = await newPage();
    await invitee.goto(`/invitations/${alanToken}`);
    await invitee.getByTestId('invitation-sso').waitFor();
    expect(await ssoLink(invitee).getAttribute('href')).toBe(`/api/sso/start?invitation=${alanToken}`);
    await invitee.getByLabel('Choose a password').waitFor();
    const grace = service.client();
    const accepted = await grace.post(`/api/invitations/${graceToken}/accept`, {
      firstName: 'Grace',
      lastName: 'Member',
      password: 'grace password 1234',
      marketingOptIn: false,
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBeLessThan(300);

    // Require single sign-on: it asks first, saying what it does.
    const rules = page.getByTestId('sso-rules');
    await rules.getByRole('switch', { name: 'Require single sign-on' }).check();
    await rules.getByRole('button', { name: 'Save sign-in rules' }).click();
    const confirm = page.getByRole('dialog', { name: 'Require single sign-on?' });
    await confirm.getByText('Account Admins keep a way in', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Require single sign-on' }).click();
    await page
      .getByTestId('sso-summary')
      .getByText('Members must sign in through your identity provider.', { exact: false })
      .waitFor();
    await page.getByTestId('sso-summary').getByText('1 verified domain.', { exact: false }).waitFor();

    // Members made at their first sign-in: Authors in the first workspace only.
    await rules.getByRole('switch', { name: 'Create members at their first sign-in' }).check();
    await rules.getByRole('radio', { name: 'Custom' }).check();
    await rules.getByRole('combobox', { name: `Role in ${admin.workspace.name}` }).click();
    await page.getByRole('option', { name: 'Author' }).click();
    await rules.getByRole('button', { name: 'Save sign-in rules' }).click();
    await eventually(async () =>
      expect((await api.get('/api/account/sso')).body).toMatchObject({
        enforce: true,
        jitProvisioning: true,
        jitAccess: { mode: 'custom', roles: [{ workspaceId: admin.workspace.id, role: 'author' }] },
      }),
    );
    await expectGoodAtBothWidths(page, 'main');
    await page.goto('/account/security');
    await page.getByTestId('sso-summary').waitFor();
    await screenshot(page, 'security');

    // The identity provider's answer to "Test connection" comes back to the page as a banner.
    await page.goto(`/account/security?ssoTest=ok&email=${encodeURIComponent(`grace@${DOMAIN}`)}`);
    await page
      .getByTestId('sso-test-result')
      .getByText(`Signed in as grace@${DOMAIN}; nothing else changed.`)
      .waitFor();
    await page.goto(
      `/account/security?ssoTest=failed&reason=${encodeURIComponent('The audience is wrong.')}`,
    );
    await page.getByTestId('sso-test-result').getByText('The audience is wrong.', { exact: false }).waitFor();
    await page.getByTestId('sso-test-result').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('sso-test-result').waitFor({ state: 'hidden' });
    expect(new URL(page.url()).search).toBe('');

    // Enforced, the invitation offers only single sign-on, and says why.
    await invitee.reload();
    await invitee.getByText('so you choose no password here', { exact: false }).waitFor();
    expect(await invitee.getByLabel('Choose a password').count()).toBe(0);
    expect(await ssoLink(invitee).getAttribute('href')).toBe(`/api/sso/start?invitation=${alanToken}`);

    // The log-in page: an address at the domain continues with SSO; the password hides behind
    // the Account Admins' way in.
    const visitor = await newPage();
    await visitor.goto('/login?next=/team');
    await visitor.getByLabel('Email').fill(`grace@${DOMAIN}`);
    await ssoLink(visitor).waitFor();
    expect(await ssoLink(visitor).getAttribute('href')).toBe(
      `/api/sso/start?email=${encodeURIComponent(`grace@${DOMAIN}`)}&next=%2Fteam`,
    );
    expect(await visitor.getByRole('textbox', { name: 'Password' }).count()).toBe(0);
    await expectGoodAtBothWidths(visitor);
    await screenshot(visitor, 'login-sso');
    // The page to land on goes along, but only a path of this site.
    await visitor.goto('/login?next=//evil.example/team');
    await visitor.getByLabel('Email').fill(`grace@${DOMAIN}`);
    await ssoLink(visitor).waitFor();
    expect(await ssoLink(visitor).getAttribute('href')).toBe(
      `/api/sso/start?email=${encodeURIComponent(`grace@${DOMAIN}`)}`,
    );
    // Another domain: the password is back, and no SSO.
    await visitor.getByLabel('Email').fill('someone@elsewhere.example');
    await visitor.getByRole('textbox', { name: 'Password' }).waitFor();
    await ssoLink(visitor).waitFor({ state: 'hidden' });

    // Grace's password is refused with the server's sentence, and the way to SSO beside it.
    await visitor.getByLabel('Email').fill(`grace@${DOMAIN}`);
    await visitor.getByRole('button', { name: 'Account Admin? Sign in with your password' }).click();
    await visitor.getByRole('textbox', { name: 'Password' }).fill('grace password 1234');
    await visitor.getByRole('button', { name: 'Log in' }).click();
    await visitor
      .getByTestId('problem')
      .getByText('Your account signs in with single sign-on', { exact: false })
      .waitFor();
    await ssoLink(visitor).waitFor();

    // A refused sign-in comes back to the log-in page with why.
    await visitor.goto(
      `/login?ssoError=${encodeURIComponent('This sign-in was already used: start again.')}`,
    );
    await visitor.getByTestId('sso-error').getByText('This sign-in was already used: start again.').waitFor();
    await expectGoodAtBothWidths(visitor);
  });
});
