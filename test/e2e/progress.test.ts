import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Client } from '../support/client.js';
import { addMember } from '../support/members.js';
import { consoleSuite, eventually, haveChromium, navLink, screenshot, signUp } from './browser.js';

/**
 * Long work in the console (a CSV import, an export, a broadcast send), each a job whose progress
 * the page polls, in a real Chromium against the real service. The test service runs jobs only when
 * told (worker.runUntilIdle), so each step is seen waiting first, then finished.
 */
const suite = consoleSuite({ width: 1280, height: 900 });
const newPage = () => suite.newPage();

/** An API client signed in as the page's member (its cookies, and so its CSRF token). */
async function clientOf(page: Page): Promise<Client> {
  const client = suite.service.client();
  for (const cookie of await page.context().cookies())
    client.cookies.set(cookie.name, decodeURIComponent(cookie.value));
  return client;
}

/** The job shown in `scope` has reached `state`, with this "done of total" line. */
async function expectJob(scope: Locator, state: string, count: string): Promise<void> {
  const progress = scope.getByTestId('job-progress');
  await eventually(async () => expect(await progress.getAttribute('data-state')).toBe(state));
  expect(await progress.getByTestId('job-count').textContent()).toBe(count);
}

/** Runs the queued jobs, then waits for the page's polling to see the job in `scope` finished. */
async function runJobs(scope: Locator, count: string): Promise<void> {
  expect(await suite.service.worker.runUntilIdle()).toBeGreaterThan(0);
  await expectJob(scope, 'succeeded', count);
  expect(await scope.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
}

const csv = [
  'id,email,plan',
  'p1,ada@example.com,premium',
  'p2,not-an-email,free', // line 3: refused
  'p3,grace@example.com,premium',
  'p4,,premium', // no email: skipped by the broadcast
].join('\n');

describe.skipIf(!haveChromium)('the console’s long work, with progress', () => {
  test('an Account Admin imports and exports people, and sends a broadcast to a segment', {
    timeout: 90_000,
  }, async () => {
    const page = await newPage();
    const email = await signUp(page, 'Progress Co');
    const api = await clientOf(page);
    const workspaceId = (await api.get('/api/me')).body.currentWorkspaceId as string;

    // Import: the job waits (queued, 0 of 4), then runs to completion with its report.
    await navLink(page, 'Workspace', 'People').click();
    await page.getByRole('button', { name: 'Import CSV' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expectJob(dialog, 'queued', '0 of 4 rows');
    await runJobs(dialog, '4 of 4 rows');
    expect(await dialog.getByTestId('count-created').textContent()).toBe('Created3');
    expect(await dialog.getByTestId('count-updated').textContent()).toBe('Updated0');
    expect(await dialog.getByTestId('count-refused').textContent()).toBe('Refused1');
    // The refused rows, in words: line 3 only.
    expect(await dialog.getByTestId('import-errors').getByRole('listitem').allTextContents()).toEqual([
      'Line 3: email "not-an-email" is not one email address, like jo@example.com',
    ]);
    await screenshot(page, 'people-import');

    // The list behind the dialog was refreshed when the import finished.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const people = page.getByTestId('people');
    await eventually(async () => expect(await people.getByRole('row').count()).toBe(4));
    expect(await people.textContent()).toContain('grace@example.com');

    // Export: progress, then a link to the file, which the browser downloads.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expectJob(dialog, 'queued', '0 of 3 people');
    await runJobs(dialog, '3 of 3 people');
    const link = dialog.getByTestId('export-download');
    expect(await link.getAttribute('href')).toMatch(
      new RegExp(`^/api/workspaces/${workspaceId}/people/exports/\\w+$`),
    );
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('people.csv');
    const file = await readFile(await download.path(), 'utf8');
    expect(file.trim().split('\n')).toHaveLength(4);
    expect(file).toContain('ada@example.com');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // A segment of the three premium people, and a broadcast (set up through the API).
    const segment = await api.post(`/api/workspaces/${workspaceId}/segments`, {
      name: 'Premium',
      type: 'data',
      conditions: { match: 'all', rules: [{ attribute: 'plan', operator: 'eq', value: 'premium' }] },
    });
    expect(segment.status, JSON.stringify(segment.body)).toBe(201);
    const broadcast = await api.post(`/api/workspaces/${workspaceId}/broadcasts`, {
      name: 'Launch',
      messages: [
        { name: 'Announcement', channel: 'email', subject: 'Hello {{ customer.plan }}', body: '<p>News</p>' },
      ],
    });
    expect(broadcast.status, JSON.stringify(broadcast.body)).toBe(201);

    // A test send of its email message: where it went (the workspace is in test mode: to Ada).
    await navLink(page, 'Journeys', 'Broadcasts').click();
    const row = page.getByTestId('row-Launch');
    await row.getByRole('button', { name: 'Send test' }).click();
    await dialog.getByTestId('message-Announcement').getByRole('button', { name: 'Send test' }).click();
    await eventually(async () =>
      expect(await dialog.getByTestId('test-delivery').textContent()).toMatch(
        new RegExp(`^(queued|captured|sent) → ${email.replace(/\./g, '\\.')}$`),
      ),
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Send it to the segment, chosen with its count: progress, then what became of each person.
    await row.getByRole('button', { name: 'Send', exact: true }).click();
    await dialog.getByLabel('Send to the people of').click();
    await page.getByRole('option', { name: 'Premium (3 people)' }).click();
    await dialog.getByRole('button', { name: 'Send to 3 people' }).click();
    await expectJob(dialog, 'queued', '0 of 3 people');
    expect(await dialog.textContent()).toContain('Sending ‘Launch’ to 3 people');
    await runJobs(dialog, '3 of 3 people');
    expect(await dialog.getByTestId('count-queued').textContent()).toBe('Queued2');
    expect(await dialog.getByTestId('count-suppressed').textContent()).toBe('Suppressed0');
    expect(await dialog.getByTestId('count-skipped').textContent()).toBe('Skipped1');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await eventually(async () => expect(await row.textContent()).toContain('sent'));

    // A newsletter goes out once: its Send is now disabled, and says why.
    const again = row.getByRole('button', { name: 'Send', exact: true });
    await eventually(async () => expect(await again.isDisabled()).toBe(true));
    await again.locator('..').hover();
    await eventually(async () =>
      expect(await page.getByRole('tooltip').textContent()).toBe('A newsletter is sent once'),
    );
    await page.mouse.move(0, 0);
  });

  test('a Viewer sees the import, export and send actions disabled, each naming its permission', {
    timeout: 60_000,
  }, async () => {
    const admin = suite.service.client();
    const { workspace } = await admin.signup();
    const created = await admin.post(`/api/workspaces/${workspace.id}/broadcasts`, {
      name: 'Digest',
      messages: [{ name: 'Weekly', channel: 'email', subject: 'This week', body: '<p>News</p>' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const viewer = await addMember(suite.service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer' }],
    });

    const page = await newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(viewer.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(viewer.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('setup-guide').waitFor();

    // Why not, in the server's words (the explanation of each permission), never its key.
    const permissions = await viewer.client.get(
      `/api/team-members/${viewer.id}/permissions?workspaceId=${workspace.id}`,
    );
    const explanation = (key: string): string =>
      permissions.body.permissions.find((p: { key: string }) => p.key === key).explanation;

    /** The button is disabled, and hovering it says in words why. */
    async function expectGuarded(button: Locator, permission: string): Promise<void> {
      await eventually(async () => expect(await button.isDisabled()).toBe(true));
      await button.locator('..').hover();
      await eventually(async () =>
        expect(await page.getByRole('tooltip').textContent()).toBe(explanation(permission)),
      );
      expect(await page.getByRole('tooltip').textContent()).not.toContain(permission);
      await page.mouse.move(0, 0);
      await page.getByRole('tooltip').waitFor({ state: 'detached' });
    }

    await navLink(page, 'Workspace', 'People').click();
    await expectGuarded(page.getByRole('button', { name: 'Import CSV' }), 'data.import');
    await expectGuarded(page.getByRole('button', { name: 'Export', exact: true }), 'data.export');

    await navLink(page, 'Journeys', 'Broadcasts').click();
    const row = page.getByTestId('row-Digest');
    await expectGuarded(row.getByRole('button', { name: 'Send', exact: true }), 'messages.send');
    await expectGuarded(row.getByRole('button', { name: 'Send test' }), 'messages.send');

    // Pages she may not open are not in her navigation (the Journeys links show her permissions loaded).
    for (const label of ['General settings', 'Account activity', 'Outbox']) {
      expect(await page.getByRole('link', { name: label, exact: true }).count()).toBe(0);
    }
  });
});
