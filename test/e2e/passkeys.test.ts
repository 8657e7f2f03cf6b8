import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveAtLocalhost, startService, type TestService } from '../support/service.js';
import { expectAccessible } from './a11y.js';
import {
  buildConsoleIfStale,
  consolePassword,
  eventually,
  haveChromium,
  launch,
  openPage,
  screenshot,
  signUp,
} from './browser.js';

/**
 * Passkeys in Chromium, with CDP's virtual authenticators standing in for a laptop's and a phone's:
 * the service is reached as http://localhost:PORT, its public URL, since WebAuthn refuses an IP
 * address as the relying party.
 */
let service: TestService;
let browser: Browser;
let origin: string;
beforeAll(async () => {
  if (!haveChromium) return;
  await buildConsoleIfStale();
  service = await startService();
  origin = serveAtLocalhost(service);
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await service?.close();
});

const newPage = () => openPage(browser, origin, { width: 1280, height: 900 });

/** A platform authenticator that holds discoverable credentials and verifies its user. */
async function addAuthenticator(cdp: CDPSession): Promise<string> {
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return authenticatorId;
}

/**
 * In the page: a passkey's answer to a fresh sign-in challenge (navigator.credentials.get, encoded
 * as @simplewebauthn/browser does), sent with the email and password to POST /api/session.
 */
const passkeyAsSecondFactor = (email: string, password: string) => `(async () => {
  const bytes = (s) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const text = (b) => btoa(String.fromCharCode(...new Uint8Array(b))).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  const options = await (await fetch('/api/session/passkey-options', { method: 'POST' })).json();
  const credential = await navigator.credentials.get({
    publicKey: { challenge: bytes(options.challenge), rpId: options.rpId, userVerification: 'preferred', allowCredentials: [] },
  });
  const r = credential.response;
  const passkey = {
    id: credential.id,
    rawId: text(credential.rawId),
    type: credential.type,
    response: {
      clientDataJSON: text(r.clientDataJSON),
      authenticatorData: text(r.authenticatorData),
      signature: text(r.signature),
      ...(r.userHandle && { userHandle: text(r.userHandle) }),
    },
    clientExtensionResults: {},
  };
  const reply = await fetch('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ${JSON.stringify(email)}, password: ${JSON.stringify(password)}, passkey }),
  });
  return { status: reply.status, body: await reply.json() };
})()`;

async function addPasskey(page: Page, name: string) {
  // dispatchEvent: at 390 px the shell's navigation lies over the page (not this section's doing).
  await page.getByRole('button', { name: 'Add a passkey' }).dispatchEvent('click');
  const dialog = page.getByRole('dialog', { name: 'Name your passkey' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Save passkey' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByTestId('passkey').filter({ hasText: name }).waitFor();
}

describe.skipIf(!haveChromium)('passkeys in the console', () => {
  test('add two, rename one, delete one; sign in with a passkey alone, and as a second factor', {
    timeout: 60_000,
  }, async () => {
    const page = await newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const laptop = await addAuthenticator(cdp);

    const email = await signUp(page, 'Passkeys');
    await page.goto('/profile');
    await page.getByTestId('no-passkeys').waitFor();
    await addPasskey(page, 'Work laptop');

    // The second passkey on another device (the first one is put away: it already holds one).
    await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: laptop });
    const phone = await addAuthenticator(cdp);
    await addPasskey(page, 'Phone');
    expect(await page.getByTestId('passkey').count()).toBe(2);
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId: phone });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]!.isResidentCredential).toBe(true);

    await page.getByRole('button', { name: 'Rename Phone' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename passkey' });
    await rename.getByLabel('Name').fill('My phone');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await page.getByTestId('passkey').filter({ hasText: 'My phone' }).waitFor();
    await screenshot(page, 'profile-passkeys');
    await expectAccessible(page, '[data-testid="passkeys"]');

    await page.getByRole('button', { name: 'Delete Work laptop' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this passkey?' });
    await confirm.getByText('“Work laptop” will no longer sign you in', { exact: false }).waitFor();
    await expectAccessible(page, '[role="dialog"]');
    await confirm.getByRole('button', { name: 'Delete passkey' }).click();
    await eventually(async () => expect(await page.getByTestId('passkey').count()).toBe(1));
    await expect(page.getByTestId('passkey').first().textContent()).resolves.toContain('My phone');

    // Log out, then in with the phone's passkey: no email, no password.
    await page.getByTestId('member-menu').click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor();
    await expectAccessible(page, '[data-testid="passkey-sign-in"]');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.getByTestId('setup-guide').waitFor();
    await page.goto('/profile');
    await eventually(async () =>
      expect(await page.getByTestId('passkey').first().textContent()).toMatch(/last used/),
    );

    // As the second factor of a password log-in, from the page itself.
    const wrongPassword = (await page.evaluate(passkeyAsSecondFactor(email, 'not the password'))) as {
      status: number;
    };
    expect(wrongPassword.status).toBe(401);
    const login = (await page.evaluate(passkeyAsSecondFactor(email, consolePassword))) as {
      status: number;
      body: { member: { email: string } };
    };
    expect(login.status).toBe(200);
    expect(login.body.member.email).toBe(email);
  });

  test('at 390 px the section fits the screen, and a browser without passkeys is told so', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await addAuthenticator(cdp);
    await signUp(page, 'Narrow');
    await page.goto('/profile');
    await addPasskey(page, 'A passkey with a rather long name for a narrow screen');
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await page.getByRole('button', { name: /^Delete / }).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await expectAccessible(page, '[data-testid="passkeys"]');

    // No WebAuthn at all (an old or locked-down browser).
    const bare = await newPage();
    await bare.addInitScript('delete window.PublicKeyCredential');
    await bare.goto('/login');
    await bare.getByText('This browser does not support passkeys').waitFor();
    expect(await bare.getByRole('button', { name: 'Sign in with a passkey' }).count()).toBe(0);
  });
});
