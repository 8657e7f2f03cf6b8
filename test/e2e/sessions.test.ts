import { describe, expect, test } from 'vitest';
import { expectAccessible } from './a11y.js';
import { consolePassword, consoleSuite, eventually, haveChromium, screenshot, signUp } from './browser.js';

/**
 * Your profile's Password and Sessions sections, and the inline "confirm it's you" prompt, in
 * Chromium against the real service (whose clock the test moves past the 10 minutes).
 */
const suite = consoleSuite({ width: 1280, height: 900 });

// The shell's header and navigation are left out (not this work's: their faint section labels and
// the yellow test-mode badge miss AA contrast).
const PAGE = { exclude: ['.mantine-AppShell-navbar', '.mantine-AppShell-header'] };

const MINUTE = 60_000;

describe.skipIf(!haveChromium)('sessions, password and confirming it is you', () => {
  test('two devices: one signs the other out; the password changes; creating a key after 10 minutes asks for the password, then goes ahead', {
    timeout: 120_000,
  }, async () => {
    const laptop = await suite.newPage();
    const email = await signUp(laptop, 'Sessions Co');

    // The same person on another device.
    const phone = await suite.newPage();
    await phone.goto('/login');
    await phone.getByLabel('Email').fill(email);
    await phone.getByRole('textbox', { name: 'Password' }).fill(consolePassword);
    await phone.getByRole('button', { name: 'Log in' }).click();
    await phone.getByTestId('setup-guide').waitFor();

    await laptop.getByTestId('member-menu').click();
    await laptop.getByRole('menuitem', { name: 'Your profile' }).click();
    const sessions = laptop.getByTestId('session');
    await eventually(async () => expect(await sessions.count()).toBe(2));
    expect(await sessions.filter({ hasText: 'This device' }).count()).toBe(1);
    expect(await laptop.getByTestId('sessions').textContent()).toMatch(/Chrom(e|ium) on Linux/);
    await laptop.getByRole('heading', { name: 'Where you’re signed in' }).scrollIntoViewIfNeeded();
    await screenshot(laptop, 'profile-sessions');
    await expectAccessible(laptop, PAGE);

    // Sign the phone out: asked first, then gone from the list; the phone's next page is the log-in.
    const other = sessions.filter({ hasNotText: 'This device' });
    await other.getByRole('button', { name: 'Sign out' }).click();
    const ask = laptop.getByRole('dialog', { name: 'Sign out this session?' });
    expect(await ask.textContent()).toContain('has to log in again');
    await expectAccessible(laptop, { dialog: 'Sign out this session?' });
    await ask.getByRole('button', { name: 'Sign out' }).click();
    await eventually(async () => expect(await sessions.count()).toBe(1));
    await phone.getByRole('link', { name: 'People', exact: true }).click();
    await phone.waitForURL(/\/login(\?|$)/);

    // Change the password: a common one is refused in plain words, then a good one is taken.
    const form = laptop.getByTestId('password-form');
    await form.getByRole('textbox', { name: 'Current password' }).fill(consolePassword);
    await form.getByRole('textbox', { name: 'New password', exact: true }).fill('iloveyou1');
    await form.getByRole('textbox', { name: 'New password again' }).fill('iloveyou1');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('This password is too common').waitFor();
    const newPassword = 'a much better passphrase';
    await form.getByRole('textbox', { name: 'New password', exact: true }).fill(newPassword);
    await form.getByRole('textbox', { name: 'New password again' }).fill(newPassword);
    await form.getByRole('button', { name: 'Change password' }).click();
    await laptop.getByTestId('password-changed').waitFor();
    const relogin = await suite.service.client().post('/api/session', { email, password: newPassword });
    expect(relogin.status).toBe(200);

    // More than 10 minutes on: creating an API key asks for the password, then the key comes.
    suite.service.clock.advance(11 * MINUTE);
    await laptop.getByRole('link', { name: 'API keys' }).click();
    await laptop.getByRole('button', { name: 'Create API key' }).first().click();
    await laptop
      .getByRole('dialog', { name: 'Create API key' })
      .getByRole('button', { name: 'Create' })
      .click();
    const prompt = laptop.getByRole('dialog', { name: 'Confirm it’s you' });
    await prompt.getByRole('textbox', { name: 'Your password' }).waitFor();
    await expectAccessible(laptop, { dialog: 'Confirm it’s you' });
    await prompt.getByRole('textbox', { name: 'Your password' }).fill('not my password');
    await prompt.getByRole('button', { name: 'Confirm' }).click();
    await prompt.getByText('That is not your password.').waitFor();
    await prompt.getByRole('textbox', { name: 'Your password' }).fill(newPassword);
    await prompt.getByRole('button', { name: 'Confirm' }).click();
    await laptop.getByText('Copy your key now').waitFor();
    await eventually(async () => expect(await prompt.count()).toBe(0));
  });

  test('Your profile’s password and sessions at 390 px: nothing wider than the screen, accessible', {
    timeout: 60_000,
  }, async () => {
    const page = await suite.newPage();
    await signUp(page, 'Narrow Co');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/profile');
    await page.getByTestId('session').first().waitFor();
    await page.getByTestId('password-form').waitFor();
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    await expectAccessible(page, PAGE);
  });
});
