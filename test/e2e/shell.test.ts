import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectGoodAtBothWidths } from './a11y.js';
import { consoleSuite, eventually, haveChromium, screenshot, signUp } from './browser.js';

/**
 * The console's frame: the navigation on a phone, the page titles, the 404 page, the way back to
 * the page asked for after logging in, and an error with "Try again" rather than a blank page.
 */
const suite = consoleSuite({ width: 1440, height: 900 });

const title = (page: Page) => page.title();

/** An account made through the API, its member signed out in the browser. */
async function accountWithoutBrowser() {
  const client = suite.service.client();
  const { email, password } = await client.signup();
  return { client, email, password };
}

async function logIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

describe.skipIf(!haveChromium)('the console’s frame', () => {
  test('signed-out pages: titles, and good at both widths', { timeout: 90_000 }, async () => {
    const page = await suite.newPage();
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(await title(page)).toBe('Log in · Atrium');
    await expectGoodAtBothWidths(page);

    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    expect(await title(page)).toBe('Create your account · Atrium');
    await expectGoodAtBothWidths(page);

    // A refused sign-up says what is wrong in words, next to the fields, with no pointer anywhere.
    await page.getByLabel('Account name').fill('   ');
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Email').fill(`words.${Date.now()}@example.com`);
    await page.getByRole('textbox', { name: 'Password' }).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('can’t be blank').waitFor();
    await page.getByText('must be at least 8 characters').waitFor();
    expect(await page.locator('body').textContent()).not.toMatch(
      /\/accountName|\/password|must match pattern/,
    );
    await expectGoodAtBothWidths(page);

    await page.goto('/forgot-password');
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    expect(await title(page)).toBe('Reset your password · Atrium');
    await expectGoodAtBothWidths(page);
  });

  test('the signed-in pages: titles, good at both widths; a 404 inside the frame', {
    timeout: 120_000,
  }, async () => {
    const page = await suite.newPage();
    await signUp(page, 'Frame Co');
    await eventually(async () => expect(await title(page)).toBe('Dashboard · Atrium'));
    await screenshot(page, 'dashboard');
    await expectGoodAtBothWidths(page);

    await page.getByRole('link', { name: 'Outbox' }).click();
    await page.getByTestId('outbox').waitFor();
    expect(await title(page)).toBe('Outbox · Atrium');
    await expectGoodAtBothWidths(page);

    await page.goto('/profile');
    await page.getByTestId('session').first().waitFor();
    expect(await title(page)).toBe('Your profile · Atrium');
    await expectGoodAtBothWidths(page);

    // An address the console does not know: a page in words, inside the frame, with a way back.
    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await title(page)).toBe('Page not found · Atrium');
    expect(await page.getByTestId('page-message').textContent()).toContain('/no/such/page');
    await page.getByTestId('workspace-switcher').waitFor();
    expect(await page.locator('body').textContent()).not.toContain('Hey developer');
    await expectGoodAtBothWidths(page);
    await page.getByRole('link', { name: 'Go to the dashboard' }).click();
    await page.getByTestId('setup-guide').waitFor();
  });

  test('on a phone, the burger opens the navigation; choosing a page closes it', {
    timeout: 90_000,
  }, async () => {
    const page = await suite.newPage();
    await signUp(page, 'Phone Co');
    await page.setViewportSize({ width: 390, height: 844 });
    const nav = page.getByRole('navigation', { name: 'Account settings' });
    const outbox = nav.getByRole('link', { name: 'Outbox' });
    // Put away: the links are off the screen until the burger is pressed.
    await eventually(async () => expect((await outbox.boundingBox())?.x ?? -1).toBeLessThan(0));
    // Keyboard first: the skip link is the first stop of the Tab key.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to main content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.getAttribute("aria-label")')).toBe('Open navigation');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Close navigation' }).waitFor();
    await eventually(async () => expect((await outbox.boundingBox())?.x ?? -1).toBeGreaterThanOrEqual(0));
    await screenshot(page, 'phone-navigation');
    await outbox.click();
    await page.waitForURL('**/outbox');
    await page.getByRole('button', { name: 'Open navigation' }).waitFor();
    await eventually(async () => expect((await outbox.boundingBox())?.x ?? -1).toBeLessThan(0));
    await eventually(async () => expect(await title(page)).toBe('Outbox · Atrium'));
  });

  test('a page asked for while signed out opens after the log-in, also after the second step', {
    timeout: 90_000,
  }, async () => {
    const { email, password } = await accountWithoutBrowser();
    const page = await suite.newPage();
    await page.goto('/team');
    await page.waitForURL('**/login?next=%2Fteam');
    await logIn(page, email, password);
    await page.waitForURL('**/team');
    await page.getByRole('heading', { name: 'Team members' }).waitFor();

    // Only paths of this site: another origin in `next` lands on the dashboard.
    const other = await suite.newPage();
    await other.goto('/login?next=//example.com/phish');
    await logIn(other, email, password);
    await other.getByTestId('setup-guide').waitFor();
    expect(new URL(other.url()).host).toBe(new URL(suite.service.url).host);

    // With two-factor on, the second step leads there too.
    const { client, email: email2, password: password2 } = await accountWithoutBrowser();
    const started = await client.post('/api/me/two-factor/totp', { currentPassword: password2 });
    const secret = started.body.secret as string;
    const code = () =>
      new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
        timestamp: suite.service.clock.now().getTime(),
      });
    expect((await client.post('/api/me/two-factor/totp/confirm', { code: code() })).status).toBe(200);
    // The next code: the one used to confirm does not sign in again.
    suite.service.clock.advance(30_000);
    const third = await suite.newPage();
    await third.goto('/profile');
    await third.waitForURL('**/login?next=%2Fprofile');
    await logIn(third, email2, password2);
    await third.getByLabel('Authentication code').fill(code());
    await third.getByRole('button', { name: 'Verify' }).click();
    await third.waitForURL('**/profile');
    await third.getByTestId('session').first().waitFor();
  });

  test('permissions that fail to load: an error with Try again, never a console with less in it', {
    timeout: 90_000,
  }, async () => {
    const page = await suite.newPage();
    await signUp(page, 'Failing Co');
    let failing = true;
    await page.route('**/api/team-members/*/permissions**', (route) =>
      failing
        ? route.fulfill({
            status: 500,
            contentType: 'application/problem+json',
            body: JSON.stringify({ status: 500, code: 'internal', title: 'Internal', detail: 'boom' }),
          })
        : route.continue(),
    );
    await page.goto('/team');
    const panel = page.getByTestId('error-panel');
    await panel.waitFor({ timeout: 15_000 });
    expect(await panel.textContent()).toContain('Atrium ran into a problem on its side');
    expect(await page.getByRole('navigation').count()).toBe(0);
    await expectGoodAtBothWidths(page);
    failing = false;
    await panel.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Team members' }).waitFor();
    await page.getByRole('navigation', { name: 'Account settings' }).waitFor();
    expect(await page.getByTestId('error-panel').count()).toBe(0);
  });
});
