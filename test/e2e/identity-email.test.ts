import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { linkInOutboxTable } from '../support/members.js';
import { expectAccessible, expectFitsPhone } from './a11y.js';
import { consolePassword, consoleSuite, eventually, haveChromium, screenshot, signUp } from './browser.js';

/** Verified email in the console: the banner, the confirmation page, and the profile's email change. */
const suite = consoleSuite({ width: 1280, height: 800 });
// What this work adds to the signed-in pages (the rest of those pages is other work's to check).
const BANNER = '[data-testid="verify-email-banner"]';
const DETAILS = 'section[aria-labelledby="details-title"]';

async function openProfile(page: Page) {
  await page.getByTestId('member-menu').click();
  await page.getByRole('menuitem', { name: 'Your profile' }).click();
  await page.getByRole('heading', { name: 'Your details' }).waitFor();
}

describe.skipIf(!haveChromium)('verified email in the console', () => {
  test('sign up → banner → the link from the outbox → banner gone; change the email → pending → link → new email', {
    timeout: 120_000,
  }, async () => {
    const page = await suite.newPage();
    const email = await signUp(page, 'Verify Co');
    const banner = page.getByTestId('verify-email-banner');
    await eventually(async () => expect(await banner.textContent()).toContain(`we sent a link to ${email}`));
    await expectAccessible(page, BANNER);

    // The link, from the Outbox (an Account Admin reads their own confirmation email there).
    await page.getByRole('link', { name: 'Outbox' }).click();
    await page.getByText('Confirm your email address for Atrium').first().click();
    const link = await page.getByTestId('outbox').getByRole('link').first().getAttribute('href');
    expect(link).toMatch(/\/verify-email\//);
    await page.goto(new URL(link!).pathname);
    await page.getByRole('heading', { name: 'Your email address is confirmed' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Go to the console' }).click();
    await page.getByTestId('setup-guide').waitFor();
    expect(await banner.count()).toBe(0);

    // The same link again: used, said in plain words.
    await page.goto(new URL(link!).pathname);
    await page.getByRole('heading', { name: 'This link was already used' }).waitFor();
    await page.goto('/');

    // A new email: the current password, then pending until the new address confirms it.
    await openProfile(page);
    const emailField = page.getByLabel(/^Email/);
    await eventually(async () => expect(await emailField.inputValue()).toBe(email));
    expect(await page.getByTestId('email-status').textContent()).toBe('Confirmed');
    const moved = `moved.${email}`;
    await emailField.fill(moved);
    await page.getByLabel('Your current password').fill(consolePassword);
    await page.getByRole('button', { name: 'Save' }).click();
    const pending = page.getByTestId('pending-email');
    await eventually(async () =>
      expect(await pending.textContent()).toContain(`Waiting for confirmation from ${moved}`),
    );
    expect(await emailField.inputValue()).toBe(email);
    await expectAccessible(page, DETAILS);
    await screenshot(page, 'profile');

    // Recipient-only in the outbox (it goes to the new address): read as the operator would.
    const confirm = await linkInOutboxTable(suite.service, moved, 'email_change');
    await page.goto(new URL(confirm).pathname);
    await page.getByRole('heading', { name: 'Your email address is confirmed' }).waitFor();
    await page.getByRole('link', { name: 'Go to the console' }).click();
    await openProfile(page);
    await eventually(async () => expect(await emailField.inputValue()).toBe(moved));
    expect(await pending.count()).toBe(0);

    // At a phone's width too.
    await expectFitsPhone(page);
    await expectAccessible(page, DETAILS);
  });

  test('an expired or unknown link says so, at a phone’s width', { timeout: 60_000 }, async () => {
    const page = await suite.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/verify-email/not-a-real-token');
    await page.getByRole('heading', { name: 'This link does not work' }).waitFor();
    await expectFitsPhone(page);
    await expectAccessible(page);

    const { email } = await suite.service.client().signup();
    const token = new URL(await linkInOutboxTable(suite.service, email, 'email_verification')).pathname;
    suite.service.clock.advance(24 * 60 * 60 * 1000 + 1000);
    await page.goto(token);
    await page.getByRole('heading', { name: 'This link has expired' }).waitFor();
  });
});
