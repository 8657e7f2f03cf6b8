import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { addMember } from '../support/members.js';
import { consoleSuite, eventually, haveChromium, navLink, signUp } from './browser.js';

/**
 * The console's Journeys, Data and Content areas (one generic page for every kind that
 * GET /api/resource-kinds serves) in a real Chromium, against the real service. Bodies are typed
 * as JSON behind the form's "Advanced (JSON)" switch here; resources.test.ts drives the forms.
 */
const suite = consoleSuite({ width: 1280, height: 900 });
const newPage = () => suite.newPage();

/** Turns the open dialog's form to JSON ("Advanced (JSON)"), unless it already is. */
async function advanced(page: Page): Promise<void> {
  const toggle = page.getByRole('dialog').getByRole('switch', { name: 'Advanced (JSON)' });
  if (await toggle.isChecked()) return;
  await toggle.focus();
  await page.keyboard.press('Space');
}

/** Types a body into the open dialog's JSON editor and submits it with `button`. */
async function submitJson(page: Page, body: unknown, button: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await advanced(page);
  await dialog.getByTestId('json-editor').fill(JSON.stringify(body, null, 2));
  await dialog.getByRole('button', { name: button, exact: true }).click();
}

const campaign = {
  name: 'Welcome',
  state: 'draft',
  trigger: { type: 'event', eventName: 'signed_up' },
  messages: [
    {
      name: 'Day 1',
      channel: 'email',
      subject: 'Welcome aboard',
      body: '<p>Hello {{ customer.first_name }}</p>{{ snippets.footer }}',
    },
  ],
};

describe.skipIf(!haveChromium)('the console’s workspace resources', () => {
  test('an Account Admin creates a snippet and a campaign, edits, copies and deletes them', {
    timeout: 90_000,
  }, async () => {
    const admin = await newPage();
    await signUp(admin, 'Content Co');

    // A second workspace to copy into.
    await admin.getByRole('link', { name: 'Workspaces' }).click();
    await admin.getByRole('button', { name: 'Add workspace' }).click();
    await admin.getByRole('dialog').getByLabel('Name').fill('Content Staging');
    await admin.getByRole('dialog').getByRole('button', { name: 'Add workspace' }).click();
    await admin.getByTestId('workspace-row-Content Staging').waitFor();
    await admin.getByRole('dialog').waitFor({ state: 'detached' });

    // Every group is in the navigation of a Workspace Admin.
    for (const [section, label] of [
      ['Journeys', 'Campaigns'],
      ['Journeys', 'Segments'],
      ['Data', 'Object types'],
      ['Data', 'Webhooks'],
      ['Content', 'Assets'],
      ['Content', 'Message library'],
    ] as const)
      await navLink(admin, section, label).waitFor();

    // A snippet: the JSON starts from the form's empty body.
    await navLink(admin, 'Content', 'Snippets').click();
    await admin.getByRole('button', { name: 'Create snippet' }).first().click();
    await advanced(admin);
    const editor = admin.getByRole('dialog').getByTestId('json-editor');
    expect(JSON.parse(await editor.inputValue())).toEqual({ name: '', value: '' });
    await submitJson(admin, { name: 'footer', value: '<p>Content Co, 1 Main Street</p>' }, 'Create');
    await admin.getByTestId('row-footer').waitFor();
    await admin.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await admin.getByTestId('row-footer').textContent()).toContain('{{ snippets.footer }}');

    // A campaign: a refused body shows the problem next to the editor, and stays open to fix.
    await navLink(admin, 'Journeys', 'Campaigns').click();
    await admin.getByRole('button', { name: 'Create campaign' }).first().click();
    await submitJson(admin, { ...campaign, name: '' }, 'Create');
    // In the JSON no field shows it: the form's summary says which field, in words.
    await eventually(async () =>
      expect(await admin.getByRole('dialog').getByTestId('problem').textContent()).toContain(
        'Name: can’t be blank',
      ),
    );
    expect(await admin.getByRole('dialog').getByTestId('problem').textContent()).not.toContain('/name');
    await submitJson(admin, campaign, 'Create');
    const welcome = admin.getByTestId('row-Welcome');
    await welcome.waitFor();
    await admin.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await welcome.textContent()).toContain('draft');

    // Edit: the editor holds the item's editable fields; a PATCH of what changed.
    await welcome.getByRole('button', { name: 'Edit' }).click();
    await advanced(admin);
    const current = JSON.parse(await admin.getByRole('dialog').getByTestId('json-editor').inputValue());
    expect(current).toMatchObject({ name: 'Welcome', state: 'draft' });
    expect(current).not.toHaveProperty('createdBy');
    expect(current.messages[0].id).toMatch(/^mg_/);
    await submitJson(admin, { ...current, name: 'Welcome series', state: 'paused' }, 'Save');
    const series = admin.getByTestId('row-Welcome series');
    await series.waitFor();
    await admin.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await series.textContent()).toContain('paused');
    expect(await welcome.count()).toBe(0);

    // Copy to the other workspace: its snippet is not there, and the dialog says so in words.
    await series.getByRole('button', { name: 'Copy' }).click();
    await admin.getByRole('dialog').getByLabel('Target workspace').click();
    await admin.getByRole('option', { name: 'Content Staging' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Copy', exact: true }).click();
    const missing = admin.getByTestId('missing-references');
    await eventually(async () =>
      expect(await missing.textContent()).toContain('one thing it uses is not in'),
    );
    expect(await missing.textContent()).toContain('The snippet “footer” is not in Content Staging');
    expect(await missing.textContent()).toContain('message 1’s body still names it');
    await admin.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
    await admin.getByRole('dialog').waitFor({ state: 'detached' });

    // Switch: the copy is in Content Staging's list, and can be deleted there.
    await admin.getByTestId('workspace-switcher').click();
    await admin.getByRole('menuitem', { name: 'Content Staging' }).click();
    await eventually(async () =>
      expect(await admin.getByTestId('workspace-switcher').textContent()).toContain('Content Staging'),
    );
    const copy = admin.getByTestId('row-Welcome series');
    await copy.waitFor();
    expect(await admin.getByRole('heading', { name: /Campaigns — Content Staging/ }).count()).toBe(1);
    await copy.getByRole('button', { name: 'Delete' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Delete campaign', exact: true }).click();
    await eventually(async () => expect(await copy.count()).toBe(0));
    await admin.getByTestId('empty-state').waitFor();

    // The snippets of Content Staging: none, so the copy did not bring one along.
    await navLink(admin, 'Content', 'Snippets').click();
    await admin.getByTestId('empty-state').waitFor();
  });

  test('an Author with hidden attributes may not create object types: the button says why', {
    timeout: 60_000,
  }, async () => {
    const adminClient = suite.service.client();
    const { workspace } = await adminClient.signup();
    const created = await adminClient.post(`/api/workspaces/${workspace.id}/object-types`, {
      name: 'Company',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const member = await addMember(suite.service, adminClient, {
      roles: [{ workspaceId: workspace.id, role: 'author', hideAttributes: true }],
    });

    const page = await newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(member.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(member.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('setup-guide').waitFor();

    // Integrations and webhooks are Workspace Admins' only: not in her navigation.
    await navLink(page, 'Data', 'Object types').waitFor();
    expect(await navLink(page, 'Data', 'Integrations').count()).toBe(0);
    expect(await navLink(page, 'Data', 'Webhooks').count()).toBe(0);

    await navLink(page, 'Data', 'Object types').click();
    await page.getByTestId('row-Company').waitFor();
    const create = page.getByRole('button', { name: 'Create object type' }).first();
    await eventually(async () => expect(await create.isDisabled()).toBe(true));
    await create.locator('..').hover();
    // Why, in words: no permission key.
    await eventually(async () => expect(await page.getByRole('tooltip').textContent()).toContain('can’t'));
    expect(await page.getByRole('tooltip').textContent()).not.toContain('object_types');
    const row = page.getByTestId('row-Company');
    expect(await row.getByRole('button', { name: 'Edit' }).isDisabled()).toBe(true);
    expect(await row.getByRole('button', { name: 'Delete' }).isDisabled()).toBe(true);

    // What she may do, she may: a snippet (Authors with hidden attributes create them).
    await navLink(page, 'Content', 'Snippets').click();
    await eventually(async () =>
      expect(await page.getByRole('button', { name: 'Create snippet' }).first().isDisabled()).toBe(false),
    );
  });
});
