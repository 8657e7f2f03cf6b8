import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { HIDE_ATTRIBUTES_DESCRIPTION } from '../../src/access/vocabulary.js';
import type { Client } from '../support/client.js';
import { addMember } from '../support/members.js';
import { expectGoodAtBothWidths } from './a11y.js';
import { consoleSuite, eventually, haveChromium, navLink, screenshot, signUp } from './browser.js';

/**
 * The People screen (list led by names, a person's attributes as a table, add, edit and delete,
 * import and export with progress) and the activity log as sentences, in Chromium.
 */
const suite = consoleSuite({ width: 1440, height: 900 });

async function clientOf(page: Page): Promise<Client> {
  const client = suite.service.client();
  for (const cookie of await page.context().cookies())
    client.cookies.set(cookie.name, decodeURIComponent(cookie.value));
  return client;
}

async function expectJob(scope: Locator, state: string): Promise<void> {
  const progress = scope.getByTestId('job-progress');
  await eventually(async () => expect(await progress.getAttribute('data-state')).toBe(state));
}

const csv = [
  'email,first_name,last_name,plan',
  'ada@example.com,Ada,Byron,premium',
  'not-an-email,Bad,Row,free', // line 3: refused
  'alan@example.com,Alan,Turing,free',
].join('\n');

describe.skipIf(!haveChromium)('people and the activity log', () => {
  test('people: led by name, attributes as a table, add, edit, delete, import and export', {
    timeout: 120_000,
  }, async () => {
    const page = await suite.newPage();
    await signUp(page, 'People Co');

    // Loading fails once: an error with "Try again", never an empty table.
    await page.route('**/api/workspaces/*/people?*', (route) =>
      route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{}' }),
    );
    await navLink(page, 'Workspace', 'People').click();
    const failed = page.getByTestId('error-panel');
    await failed.waitFor();
    await page.unroute('**/api/workspaces/*/people?*');
    await failed.getByRole('button', { name: 'Try again' }).click();

    // Empty: what to do next.
    const empty = page.getByTestId('empty-state');
    await empty.waitFor();
    expect(await empty.textContent()).toContain(
      'No people yet — import a CSV or send them from your app with the Track API',
    );
    expect(await page.title()).toBe('People · Atrium');
    await expectGoodAtBothWidths(page, 'main');

    // Add a person with a form: email and attributes as rows.
    await page.getByRole('button', { name: 'Add person' }).click();
    const add = page.getByRole('dialog', { name: 'Add person' });
    await add.getByLabel('Email').fill('grace@example.com');
    await add.getByLabel('Attribute 1 value').fill('Grace');
    await add.getByLabel('Attribute 2 value').fill('Hopper');
    await add.getByRole('button', { name: 'Add attribute' }).click();
    await add.getByLabel('Attribute 3 name').fill('plan');
    await add.getByLabel('Attribute 3 value').fill('free');
    await expectGoodAtBothWidths(page, { dialog: 'Add person' });
    await add.getByRole('button', { name: 'Add person' }).click();
    await add.waitFor({ state: 'detached' });

    // The drawer of the new person: identifiers and attributes as two-column tables.
    const drawer = page.getByRole('dialog', { name: 'Grace Hopper' });
    const attributes = drawer.getByTestId('person-attributes');
    await attributes.waitFor();
    const rowText = async (table: Locator) =>
      (await table.getByRole('row').allTextContents()).map((t) => t.trim());
    expect(await rowText(attributes)).toEqual(['first_nameGrace', 'last_nameHopper', 'planfree']);
    expect(await rowText(drawer.getByTestId('person-identifiers'))).toContain('Emailgrace@example.com');
    await expectGoodAtBothWidths(page, { dialog: 'Grace Hopper' });

    // Edit: the plan changes, the rest stays.
    await drawer.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Grace Hopper' });
    expect(await edit.getByLabel('Attribute 3 name').inputValue()).toBe('plan');
    await edit.getByLabel('Attribute 3 value').fill('pro');
    await expectGoodAtBothWidths(page, { dialog: 'Edit Grace Hopper' });
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await eventually(async () => expect(await rowText(attributes)).toContain('planpro'));
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    // Import: progress, then the refused row in words.
    await page.getByRole('button', { name: 'Import CSV' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Import people' });
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expectGoodAtBothWidths(page, { dialog: 'Import people' });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expectJob(dialog, 'queued');
    expect(await suite.service.worker.runUntilIdle()).toBeGreaterThan(0);
    await expectJob(dialog, 'succeeded');
    expect(await dialog.getByTestId('import-errors').getByRole('listitem').allTextContents()).toEqual([
      'Line 3: email "not-an-email" is not one email address, like jo@example.com',
    ]);
    await expectGoodAtBothWidths(page, { dialog: 'Import people' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The list: led by name (the cio_id only beneath it), then email.
    const people = page.getByTestId('people');
    await eventually(async () => expect(await people.getByRole('row').count()).toBe(4));
    const first = people.getByRole('row').nth(1).getByRole('cell').first();
    expect(await first.textContent()).toMatch(/^(Grace Hopper|Ada Byron|Alan Turing)cio_id /);
    expect(await people.getByRole('columnheader').first().textContent()).toBe('Name');
    await expectGoodAtBothWidths(page, 'main');
    await screenshot(page, 'people');

    // Search by email.
    await page.getByLabel('Find a person by email or ID').fill('alan@example.com');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await eventually(async () => expect(await people.getByRole('row').count()).toBe(2));
    expect(await people.textContent()).toContain('Alan Turing');
    await page.getByRole('button', { name: 'Show everyone' }).click();
    await eventually(async () => expect(await people.getByRole('row').count()).toBe(4));

    // Export: progress, then the file.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const exporting = page.getByRole('dialog', { name: 'Export people' });
    await expectGoodAtBothWidths(page, { dialog: 'Export people' });
    await exporting.getByRole('button', { name: 'Export', exact: true }).click();
    await expectJob(exporting, 'queued');
    expect(await suite.service.worker.runUntilIdle()).toBeGreaterThan(0);
    await expectJob(exporting, 'succeeded');
    const link = exporting.getByTestId('export-download');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = await readFile(await download.path(), 'utf8');
    expect(file).toContain('grace@example.com');
    expect(file.trim().split('\n')).toHaveLength(4);
    await page.keyboard.press('Escape');
    await exporting.waitFor({ state: 'detached' });

    // Delete, after a confirmation that names the person.
    await people.getByRole('button', { name: 'Open Grace Hopper' }).click();
    await page.getByRole('dialog', { name: 'Grace Hopper' }).getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Grace Hopper?' });
    expect(await confirm.textContent()).toContain('Grace Hopper (grace@example.com) and their 3 attributes');
    await expectGoodAtBothWidths(page, { dialog: 'Delete Grace Hopper?' });
    await confirm.getByRole('button', { name: 'Delete person' }).click();
    await eventually(async () => expect(await people.getByRole('row').count()).toBe(3));
    expect(await people.textContent()).not.toContain('Grace Hopper');
  });

  test('a member with hidden attributes sees “Hidden”, and why', { timeout: 90_000 }, async () => {
    const admin = suite.service.client();
    const { workspace } = await admin.signup();
    const made = await admin.post(`/api/workspaces/${workspace.id}/people`, {
      email: 'secret@example.com',
      attributes: { first_name: 'Secret', plan: 'gold' },
    });
    expect(made.status).toBe(201);
    const viewer = await addMember(suite.service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer', hideAttributes: true }],
    });
    const page = await suite.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(viewer.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(viewer.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('setup-guide').waitFor();

    await navLink(page, 'Workspace', 'People').click();
    const people = page.getByTestId('people');
    await eventually(async () => expect(await people.getByRole('row').count()).toBe(2));
    expect(await people.textContent()).not.toMatch(/secret|gold/i);
    await people.getByRole('button', { name: 'Open Hidden' }).click();
    const attributes = page.getByTestId('person-attributes');
    await attributes.waitFor();
    expect(await attributes.getByRole('row').allTextContents()).toEqual(['first_nameHidden', 'planHidden']);
    await attributes.getByTestId('hidden-value').first().hover();
    await eventually(async () =>
      expect(await page.getByRole('tooltip').textContent()).toBe(HIDE_ATTRIBUTES_DESCRIPTION),
    );
    await expectGoodAtBothWidths(page, { dialog: 'Hidden' });
  });

  test('the activity log reads as sentences, with details and filters', { timeout: 90_000 }, async () => {
    const page = await suite.newPage();
    await signUp(page, 'Log Co');
    const api = await clientOf(page);
    const workspaceId = (await api.get('/api/me')).body.currentWorkspaceId as string;
    const workspaceName = (await api.get(`/api/workspaces/${workspaceId}`)).body.name as string;
    const invited = await api.post('/api/team-members', {
      firstName: 'Grace',
      lastName: 'Hopper',
      email: `grace.${Date.now()}@example.com`,
      accountRole: 'member',
      workspaceAccess: { mode: 'custom', roles: [{ workspaceId, role: 'viewer' }] },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const roles = await api.patch(`/api/team-members/${invited.body.id}`, {
      workspaceAccess: { mode: 'custom', roles: [{ workspaceId, role: 'author' }] },
    });
    expect(roles.status, JSON.stringify(roles.body)).toBe(200);
    await api.patch(`/api/workspaces/${workspaceId}/settings`, { sendMode: 'never' });

    await navLink(page, 'Account settings', 'Account activity').click();
    const log = page.getByTestId('activity');
    await log.waitFor();
    expect(await page.title()).toBe('Account activity · Atrium');
    const summaries = log.getByTestId('activity-summary');
    await eventually(async () =>
      expect(await summaries.allTextContents()).toEqual(
        expect.arrayContaining([
          `Ada Lovelace changed ${workspaceName}’s send mode to never send`,
          `Ada Lovelace changed Grace Hopper’s role in ${workspaceName} from Viewer to Author`,
        ]),
      ),
    );
    expect((await summaries.allTextContents()).join('\n')).not.toMatch(/team_member\.|[{}]/);

    // Details: before and after, in words.
    const roleEntry = log.getByTestId('activity-entry').filter({ hasText: 'from Viewer to Author' });
    await roleEntry.getByRole('button', { name: 'Details' }).click();
    const changes = roleEntry.getByTestId('activity-changes');
    await changes.waitFor();
    expect(await changes.getByRole('row').nth(1).textContent()).toBe(`Role in ${workspaceName}ViewerAuthor`);
    await expectGoodAtBothWidths(page, 'main');
    await screenshot(page, 'activity');

    // Filter by the kind of action, in words.
    await page.getByRole('combobox', { name: 'What happened' }).click();
    await page.getByRole('option', { name: 'Role changes' }).click();
    await eventually(async () =>
      expect(await summaries.allTextContents()).toEqual([
        `Ada Lovelace changed Grace Hopper’s role in ${workspaceName} from Viewer to Author`,
      ]),
    );

    // The workspace's own log, in sentences too.
    await navLink(page, 'Workspace', 'Activity log').click();
    await eventually(async () =>
      expect(await page.getByTestId('activity-summary').first().textContent()).toBe(
        `Ada Lovelace changed ${workspaceName}’s send mode to never send`,
      ),
    );
    expect(await page.title()).toBe('Activity log · Atrium');
    await expectGoodAtBothWidths(page, 'main');
  });
});
