import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { addMember } from '../support/members.js';
import { expectAccessible, expectFitsPhone } from './a11y.js';
import { consolePassword, consoleSuite, eventually, haveChromium, screenshot, signUp } from './browser.js';

/** Two-factor in the console: set up in the profile, the log-in's second step, the account's requirement. */
const suite = consoleSuite({ width: 1280, height: 900 });
const STEP_MS = 30_000;

/** The code an authenticator app would show now, by the service's clock. */
const codeOf = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: suite.service.clock.now().getTime(),
  });

/** Sets up the authenticator app in the open set-up flow; returns the secret read off the page. */
async function setUpAuthenticator(page: Page, password: string): Promise<string> {
  await page.getByLabel('Your current password').fill(password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  await page.getByLabel('Enter the 6-digit code the app shows').fill(codeOf(secret));
  await page.getByRole('button', { name: 'Turn on two-factor' }).click();
  await page.getByTestId('recovery-codes').waitFor();
  return secret;
}

describe.skipIf(!haveChromium)('two-factor in the console', () => {
  test('set up in the profile, log out, log in with the second step; the account requires it and a member must enrol', {
    timeout: 120_000,
  }, async () => {
    const admin = await suite.newPage();
    const email = await signUp(admin, 'Secure Corp');
    await admin.getByTestId('member-menu').click();
    await admin.getByRole('menuitem', { name: 'Your profile' }).click();
    const section = admin.getByTestId('two-factor-section');
    await section.getByText('Off', { exact: true }).waitFor();
    await section.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = await setUpAuthenticator(admin, consolePassword);
    const codes = await admin.getByTestId('recovery-codes').locator('code').allTextContents();
    expect(codes).toHaveLength(10);
    expect(await admin.getByRole('button', { name: 'Copy codes' }).isVisible()).toBe(true);
    const download = admin.waitForEvent('download');
    await admin.getByRole('button', { name: 'Download (.txt)' }).click();
    expect((await download).suggestedFilename()).toBe('atrium-recovery-codes.txt');
    await expectAccessible(admin, '[data-testid="two-factor-section"]');
    await screenshot(admin, 'profile-two-factor');
    await admin.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await section.getByText('On', { exact: true }).waitFor();
    await section.getByText('Recovery codes left: 10 of 10.').waitFor();
    await expectFitsPhone(admin, { restore: true });

    // Log out, and in again: the password, then the code.
    await admin.getByTestId('member-menu').click();
    await admin.getByRole('menuitem', { name: 'Log out' }).click();
    // Wait for the log-in page: the page left may have an Email field of its own (the profile's).
    await admin.waitForURL('**/login');
    await admin.getByLabel('Email').fill(email);
    await admin.getByRole('textbox', { name: 'Password' }).fill(consolePassword);
    await admin.getByRole('button', { name: 'Log in' }).click();
    await admin.getByLabel('Authentication code').waitFor();
    await expectAccessible(admin);
    await expectFitsPhone(admin, { restore: true });
    await screenshot(admin, 'login-second-step');
    // A wrong code says so, and the form stays.
    await admin.getByLabel('Authentication code').fill('000000');
    await admin.getByRole('button', { name: 'Verify' }).click();
    await admin.getByText('wrong or already used').waitFor();
    // Or a recovery code instead.
    await admin.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await admin.getByLabel('Recovery code').fill(codes[0]!);
    await admin.getByRole('button', { name: 'Verify' }).click();
    await admin.getByTestId('setup-guide').waitFor();

    // Log out once more and use the app: a new code (the next time step).
    await admin.getByTestId('member-menu').click();
    await admin.getByRole('menuitem', { name: 'Log out' }).click();
    // Wait for the log-in page: the page left may have an Email field of its own (the profile's).
    await admin.waitForURL('**/login');
    await admin.getByLabel('Email').fill(email);
    await admin.getByRole('textbox', { name: 'Password' }).fill(consolePassword);
    await admin.getByRole('button', { name: 'Log in' }).click();
    suite.service.clock.advance(STEP_MS);
    await admin.getByLabel('Authentication code').fill(codeOf(secret));
    await admin.getByRole('button', { name: 'Verify' }).click();
    await admin.getByTestId('setup-guide').waitFor();

    // The account requires two-factor (Team page, Account Admins).
    await admin.getByRole('link', { name: 'Team members' }).click();
    await admin.getByRole('switch', { name: 'Require two-factor for everyone' }).click();
    await eventually(async () =>
      expect(await admin.getByRole('switch', { name: 'Require two-factor for everyone' }).isChecked()).toBe(
        true,
      ),
    );
    // Its own row says two-factor is on.
    await eventually(async () =>
      expect(await admin.getByTestId(`member-${email}`).getByTestId('two-factor').textContent()).toBe('On'),
    );

    // A member joins (through the API, as an admin client signed in with a code).
    const api = suite.service.client();
    suite.service.clock.advance(STEP_MS);
    expect(
      (await api.post('/api/session', { email, password: consolePassword, totp: codeOf(secret) })).status,
    ).toBe(200);
    const member = await addMember(suite.service, api, { firstName: 'Grace' });

    const page = await suite.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(member.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(member.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor();
    // Nothing else: no navigation, no workspace switcher.
    expect(await page.getByRole('link', { name: 'Team members' }).count()).toBe(0);
    expect(await page.getByTestId('workspace-switcher').count()).toBe(0);
    await page.goto('/people');
    await page.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor();
    await expectAccessible(page);
    await expectFitsPhone(page, { restore: true });
    await screenshot(page, 'two-factor-enrolment');
    await setUpAuthenticator(page, member.password);
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await page.getByTestId('workspace-switcher').waitFor();

    // The admin sees it on, and resets it: the member is signed out.
    await admin.reload();
    const row = admin.getByTestId(`member-${member.email}`);
    await eventually(async () => expect(await row.getByTestId('two-factor').textContent()).toBe('On'));
    await row.getByRole('button', { name: `Actions for ${member.email}` }).click();
    await admin.getByRole('menuitem', { name: 'Reset two-factor' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('is signed out everywhere').waitFor();
    await dialog.getByRole('button', { name: 'Reset two-factor' }).click();
    await eventually(async () => expect(await row.getByTestId('two-factor').textContent()).toBe('Off'));
    await page.reload();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
  });
});
