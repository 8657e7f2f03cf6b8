import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { addMember } from '../support/members.js';
import { expectGoodAtBothWidths } from './a11y.js';
import { consolePassword, consoleSuite, eventually, haveChromium, screenshot, signUp } from './browser.js';

/**
 * The account's screens in Chromium: Account & plan, Workspaces (who has access, typed deletion),
 * General settings (its error state, the identifier change), API keys. Each screen and dialog is
 * checked at 1440 px and 390 px with axe.
 */
const suite = consoleSuite({ width: 1440, height: 900 });

/** Signs up in the console and signs the same admin in over HTTP, for what the test sets up. */
async function admin(page: Page, accountName: string) {
  const email = await signUp(page, accountName);
  const api = suite.service.client();
  expect((await api.post('/api/session', { email, password: consolePassword })).status).toBe(200);
  const me = (await api.get('/api/me')).body;
  return { email, api, workspaceId: me.currentWorkspaceId as string };
}

const nav = (page: Page, label: string) => page.getByRole('link', { name: label, exact: true });
const dialogNamed = (page: Page, name: string) => page.getByRole('dialog', { name });

describe.skipIf(!haveChromium)('the account’s screens', () => {
  test('Account & plan: usage against limits, trial end, and a plan change that says what changes', {
    timeout: 90_000,
  }, async () => {
    const page = await suite.newPage();
    const { api } = await admin(page, 'Plan Co');
    await nav(page, 'Account & plan').click();
    await page.getByRole('heading', { name: 'Premium plan' }).waitFor();
    expect(await page.title()).toBe('Account & plan · Atrium');
    expect(await page.getByTestId('usage-workspaces').textContent()).toContain('1 — unlimited on this plan');
    expect(await page.getByTestId('usage-team members').textContent()).toContain('1 of 300 used');
    expect(await page.getByTestId('trial').textContent()).toMatch(/Trial ends .+ \(in 14 days\)/);
    await expectGoodAtBothWidths(page);
    await screenshot(page, 'account');

    // Moving to Team: the confirmation names the new limits against the usage, and the trial's end.
    await page.getByRole('radio', { name: /^Team/ }).click();
    await page.getByRole('button', { name: 'Change plan' }).click();
    const confirm = dialogNamed(page, 'Move to the Team plan?');
    await confirm.waitFor();
    const said = await confirm.textContent();
    expect(said).toContain('Workspaces: up to 10 (you have 1)');
    expect(said).toContain('Team members: up to 10 (you have 1)');
    expect(said).toContain('ends with this change');
    await expectGoodAtBothWidths(page, { dialog: 'Move to the Team plan?' });
    await confirm.getByRole('button', { name: 'Move to Team' }).click();
    await page.getByText('The account is now on the Team plan.').waitFor();
    await page.getByRole('heading', { name: 'Team plan' }).waitFor();
    expect(await page.getByTestId('usage-workspaces').textContent()).toContain('1 of 10 used');
    expect(await page.getByTestId('trial').count()).toBe(0);
    expect((await api.get('/api/account')).body).toMatchObject({ plan: 'team', trialEndsAt: null });

    // The account's name, renamed here.
    await page.getByLabel('Account name').fill('Plan Company');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByText('The account is now called Plan Company.').waitFor();

    // A plan the account has outgrown: said before anything is sent, and not offered.
    expect((await api.post('/api/workspaces', { name: 'Second' })).status).toBe(201);
    await page.reload();
    await page.getByRole('radio', { name: /^Free/ }).click();
    await eventually(async () =>
      expect(await page.getByTestId('plan-outgrown').textContent()).toContain(
        'This account has 2 workspaces and Free allows 1: remove 1 first.',
      ),
    );
    expect(await page.getByRole('button', { name: 'Change plan' }).isDisabled()).toBe(true);
  });

  test('Workspaces: add one, see who has access in words, delete it only once its name is typed', {
    timeout: 90_000,
  }, async () => {
    const page = await suite.newPage();
    const { api, workspaceId } = await admin(page, 'Access Co');
    await nav(page, 'Workspaces').click();
    await page.getByTestId('workspace-row-Access Co').waitFor();
    expect(await page.title()).toBe('Workspaces · Atrium');
    await expectGoodAtBothWidths(page);

    await page.getByRole('button', { name: 'Add workspace' }).click();
    const add = dialogNamed(page, 'Add workspace');
    await add.getByLabel('Name').fill('Staging');
    await add.getByText('Never send').click();
    await add.getByText('No message of any kind leaves this workspace.').waitFor();
    await expectGoodAtBothWidths(page, { dialog: 'Who should have access' });
    await add.getByRole('button', { name: 'Add workspace' }).click();
    await page.getByText('Workspace Staging added.').waitFor();
    await page.getByTestId('workspace-row-Staging').waitFor();
    await add.waitFor({ state: 'detached' });
    await screenshot(page, 'workspaces');

    // A Viewer in the first workspace, to see in its access table.
    await addMember(suite.service, api, {
      firstName: 'Grace',
      roles: [{ workspaceId, role: 'viewer', hideAttributes: true }],
    });
    await page.reload();

    // Who has access to the first workspace: the Account Admin by their role, Grace as a Viewer.
    await page.getByTestId('workspace-row-Access Co').getByRole('button', { name: 'Who has access' }).click();
    const access = dialogNamed(page, 'Who has access to Access Co?');
    await access.getByTestId('who-has-access').waitFor();
    const rows = access.getByRole('row');
    await eventually(async () =>
      expect(await rows.filter({ hasText: 'Account Admin — always Workspace Admin' }).count()).toBe(1),
    );
    const grace = rows.filter({ hasText: 'Grace Member' });
    expect(await grace.textContent()).toContain('Viewer');
    expect(await grace.textContent()).toContain('Attributes hidden');
    await expectGoodAtBothWidths(page, { dialog: 'Who has access to Access Co?' });
    await page.keyboard.press('Escape');
    await access.waitFor({ state: 'detached' });

    // Deleting Staging: what goes, and the button stays disabled until the exact name is typed.
    await page.getByTestId('workspace-row-Staging').getByRole('button', { name: 'Delete' }).click();
    const remove = dialogNamed(page, 'Delete workspace Staging?');
    const said = await remove.textContent();
    expect(said).toContain('its people and their events');
    expect(said).toContain('API keys are revoked at once');
    expect(said).toContain('It cannot be undone.');
    const button = remove.getByRole('button', { name: 'Delete workspace' });
    const typed = remove.getByLabel('Type “Staging” to confirm');
    expect(await button.isDisabled()).toBe(true);
    await typed.fill('staging');
    expect(await button.isDisabled()).toBe(true);
    await expectGoodAtBothWidths(page, { dialog: 'Delete workspace Staging?' });
    await typed.fill('Staging');
    await eventually(async () => expect(await button.isDisabled()).toBe(false));
    await button.click();
    await page.getByText('Workspace Staging deleted.').waitFor();
    await eventually(async () => expect(await page.getByTestId('workspace-row-Staging').count()).toBe(0));
    // Its data goes in the background: the progress says so, then that nothing is left.
    const purge = page.getByTestId('purge-progress');
    await purge.waitFor();
    await suite.service.worker.runUntilIdle();
    await eventually(async () => expect(await purge.getAttribute('data-state')).toBe('succeeded'));
    expect(await purge.textContent()).toContain('All of Staging’s data is removed');
  });

  test('General settings: an error with retry, and identifiers changed only after saying what it does', {
    timeout: 90_000,
  }, async () => {
    const page = await suite.newPage();
    await admin(page, 'Settings Co');
    // The settings fail (the console retries a 500 twice on its own), then "Try again" loads them.
    let failures = 3;
    await page.route('**/api/workspaces/*/settings', async (route) => {
      if (route.request().method() === 'GET' && failures > 0) {
        failures--;
        await route.fulfill({
          status: 500,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'about:blank',
            title: 'Internal',
            status: 500,
            code: 'internal',
            detail: 'x',
          }),
        });
      } else await route.continue();
    });
    await nav(page, 'General settings').click();
    const error = page.getByTestId('error-panel');
    await error.waitFor({ timeout: 15_000 });
    expect(await error.textContent()).toContain('Atrium ran into a problem on its side');
    await expectGoodAtBothWidths(page);
    await error.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Identifiers' }).waitFor();
    expect(await page.title()).toBe('General settings — Settings Co · Atrium');
    await expectGoodAtBothWidths(page);

    // A send mode, saved as chosen, with the one success feedback.
    // Saved, then shown as the server answers (a controlled radio: checked once the answer is in).
    await page.getByLabel('Never send messages').click();
    await page.getByText('No message leaves this workspace any more.').waitFor();
    await eventually(async () => expect(await page.getByLabel('Never send messages').isChecked()).toBe(true));

    // Email off as an identifier: a confirmation says what that does, then people are revalidated.
    await page.getByLabel('Email', { exact: true }).uncheck();
    await page.getByRole('button', { name: 'Change configuration…' }).click();
    const confirm = dialogNamed(page, 'Change how people are identified?');
    const said = await confirm.textContent();
    expect(said).toContain('no longer be added or updated by their email address');
    expect(said).toContain('processing of people and event data pauses');
    await expectGoodAtBothWidths(page, { dialog: 'Change how people are identified?' });
    await confirm.getByRole('button', { name: 'Change configuration' }).click();
    await page.getByText('Identifiers changed: Atrium is revalidating people.').waitFor();
    await page.getByTestId('revalidating').waitFor();
    await screenshot(page, 'workspace-settings');
    await suite.service.worker.runUntilIdle();
    await eventually(async () => expect(await page.getByTestId('revalidating').count()).toBe(0), 8000);
    expect(await page.getByLabel('Email', { exact: true }).isChecked()).toBe(false);
  });

  test('API keys: created and shown once with a copy button; revoked after a confirmation naming it', {
    timeout: 90_000,
  }, async () => {
    const page = await suite.newPage();
    await admin(page, 'Keys Co');
    await nav(page, 'API keys').click();
    await page.getByTestId('empty-state').waitFor();
    expect(await page.title()).toBe('API keys — Keys Co · Atrium');
    await expectGoodAtBothWidths(page);

    await page.getByRole('button', { name: 'Create API key' }).first().click();
    const create = dialogNamed(page, 'Create API key');
    await create.getByLabel('Name').fill('prod');
    await expectGoodAtBothWidths(page, { dialog: 'Create API key' });
    await create.getByRole('button', { name: 'Create' }).click();
    const created = page.getByTestId('created-key');
    await created.waitFor();
    expect(await created.textContent()).toContain('once you close this, nobody can see it again');
    await created.getByRole('button', { name: 'Copy API key' }).waitFor();
    const [siteId, secret] = await created.getByTestId('secret').allTextContents();
    await expectGoodAtBothWidths(page);

    // The key at work: its last use shows in the confirmation.
    const track = await suite.service.client().request(
      'PUT',
      '/api/v1/customers/ada',
      { email: 'ada@example.com' },
      {
        headers: { authorization: `Basic ${Buffer.from(`${siteId}:${secret}`).toString('base64')}` },
      },
    );
    expect(track.status).toBeLessThan(300);
    await created.getByRole('button', { name: 'I have copied it' }).click();
    await page.reload();
    await page.getByTestId('api-key-prod').waitFor();
    await screenshot(page, 'api-keys');

    await page.getByRole('button', { name: 'Revoke prod' }).click();
    const revoke = dialogNamed(page, 'Revoke key prod?');
    await eventually(async () =>
      expect(await revoke.textContent()).toMatch(
        /Revoke key ‘prod’ \(last used (just now|this minute|\d+ minutes? ago)\)\? Apps using it stop working at once/,
      ),
    );
    await expectGoodAtBothWidths(page, { dialog: 'Revoke key prod?' });
    await revoke.getByRole('button', { name: 'Revoke key' }).click();
    await page.getByText('Key prod revoked.').waitFor();
    await page.getByTestId('empty-state').waitFor();
  });
});
