import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectGoodAtBothWidths } from './a11y.js';
import { consoleSuite, eventually, haveChromium, navLink, screenshot, signUp } from './browser.js';

/**
 * The Journeys, Data and Content pages rendered from GET /api/resource-kinds: lists and their
 * states, create and edit in forms rendered from the served JSON Schemas (and as JSON behind the
 * Advanced switch), the server's errors next to their fields, delete confirmed by name, copy with
 * its missing references in words.
 */
const suite = consoleSuite({ width: 1440, height: 900 });

/** A call of the API from the page, with its session and CSRF token (set-up the test does not look at). */
async function api(page: Page, method: string, path: string, body?: unknown): Promise<unknown> {
  return page.evaluate(`(async () => {
    const csrf = decodeURIComponent((document.cookie.split('; ').find((c) => c.startsWith('csrf=')) ?? 'csrf=').slice(5));
    const response = await fetch(${JSON.stringify(path)}, {
      method: ${JSON.stringify(method)},
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      ${body === undefined ? '' : `body: ${JSON.stringify(JSON.stringify(body))},`}
    });
    return response.json();
  })()`);
}

/** The Mantine error shown for an input: its aria-describedby text. */
async function errorOf(input: Locator): Promise<string> {
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  const ids = (await input.getAttribute('aria-describedby')) ?? '';
  const id = ids.split(' ').find((i) => i.endsWith('-error'));
  expect(id, 'the field names its error').toBeTruthy();
  return (await input.page().locator(`[id="${id}"]`).textContent()) ?? '';
}

async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe.skipIf(!haveChromium)('the console’s resource pages, rendered from the served kinds', () => {
  test('lists with their states; a snippet, a layout and a campaign made, edited, copied and deleted through forms', {
    timeout: 240_000,
  }, async () => {
    const page = await suite.newPage();
    await signUp(page, 'Forms Co');
    await api(page, 'POST', '/api/workspaces', { name: 'Forms Staging' });
    await page.reload();

    // A list that fails to load says so and offers to try again.
    let failing = true;
    await page.route('**/api/workspaces/*/snippets?*', (route) =>
      failing
        ? route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{"status":500}' })
        : route.fallback(),
    );
    await navLink(page, 'Content', 'Snippets').click();
    const errorPanel = page.getByTestId('error-panel');
    await errorPanel.waitFor();
    failing = false;
    await errorPanel.getByRole('button', { name: 'Try again' }).click();

    // Empty, it says what a snippet is and offers to create one.
    const empty = page.getByTestId('empty-state');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('No snippets yet');
    expect(await empty.textContent()).toContain('reuse in messages');
    expect(await page.title()).toBe('Snippets · Atrium');
    await expectGoodAtBothWidths(page);

    // A snippet through the form; a template that does not parse is refused next to its field.
    await empty.getByRole('button', { name: 'Create snippet' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('footer');
    await dialog.getByLabel('Value').fill('<p>Forms Co {{ unclosed </p>');
    await expectGoodAtBothWidths(page, { dialog: 'Create snippet' });
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await eventually(async () =>
      expect(await errorOf(dialog.getByLabel('Value'))).toContain('not a valid template'),
    );
    expect(await dialog.getByTestId('problem').count()).toBe(0);
    await dialog.getByLabel('Value').fill('<p>Forms Co, 1 Main Street</p>');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByTestId('row-footer').waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('row-footer').textContent()).toContain('{{ snippets.footer }}');

    // A layout: its HTML in a text area.
    await navLink(page, 'Content', 'Layouts').click();
    await page.getByRole('button', { name: 'Create email layout' }).first().click();
    await dialog.getByLabel('Name').fill('Brand');
    await dialog.getByLabel('HTML').fill('<html><body>{{ content }}</body></html>');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByTestId('row-Brand').waitFor();
    await dialog.waitFor({ state: 'detached' });

    // A campaign: a trigger chosen among its kinds, a message added, its layout chosen by name.
    await navLink(page, 'Journeys', 'Campaigns').click();
    await page.getByRole('button', { name: 'Create campaign' }).first().click();
    await dialog.getByRole('button', { name: 'Create', exact: true }).waitFor();
    await choose(page, dialog.getByLabel('Trigger'), 'When someone performs an event');
    await dialog.getByLabel('Event name').fill('signed_up');
    await dialog.getByRole('button', { name: 'Add message' }).click();
    const message = dialog.getByRole('group', { name: 'Messages' });
    await message.getByLabel('Name').fill('Day 1');
    await choose(page, message.getByLabel('Channel'), 'Email');
    await message.getByLabel('Subject').fill('Welcome aboard');
    await message.getByLabel('Body').fill('<p>Hello {{ customer.first_name }}</p>{{ snippets.footer }}');
    await choose(page, message.getByLabel('Layout'), 'Brand');
    // Its name left empty: the server's refusal is shown at the name, in words.
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    const name = dialog.getByLabel(/^Name/).first();
    await eventually(async () => expect((await errorOf(name)).length).toBeGreaterThan(0));
    expect(await errorOf(name)).not.toContain('/name');
    await name.fill('Welcome');
    await screenshot(page, 'content');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    const welcome = page.getByTestId('row-Welcome');
    await welcome.waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await welcome.textContent()).toContain('draft');
    expect(await welcome.textContent()).toContain('event');
    await expectGoodAtBothWidths(page);

    // Edit in the form: what changed is saved.
    await welcome.getByRole('button', { name: 'Edit' }).click();
    await dialog.getByLabel(/^Name/).first().fill('Welcome series');
    await dialog.getByText('Paused', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    const series = page.getByTestId('row-Welcome series');
    await series.waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await series.textContent()).toContain('paused');

    // Advanced (JSON): the body as JSON, edited there, and back in the form.
    await series.getByRole('button', { name: 'Edit' }).click();
    // By keyboard: the switch is reachable and toggles with Space.
    const advanced = dialog.getByRole('switch', { name: 'Advanced (JSON)' });
    await advanced.focus();
    await page.keyboard.press('Space');
    const json = dialog.getByTestId('json-editor');
    const body = JSON.parse(await json.inputValue());
    expect(body).toMatchObject({ name: 'Welcome series', state: 'paused' });
    expect(body).not.toHaveProperty('createdBy');
    expect(body.messages[0].id).toMatch(/^mg_/);
    await json.fill(JSON.stringify({ ...body, name: 'Welcome again' }, null, 2));
    await advanced.focus();
    await page.keyboard.press('Space');
    expect(await dialog.getByLabel(/^Name/).first().inputValue()).toBe('Welcome again');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const again = page.getByTestId('row-Welcome again');
    await again.waitFor();
    await dialog.waitFor({ state: 'detached' });

    // Copy: the snippet and the layout it uses are not in the other workspace, said in words.
    await again.getByRole('button', { name: 'Copy' }).click();
    await choose(page, dialog.getByLabel('Target workspace'), 'Forms Staging');
    await expectGoodAtBothWidths(page, { dialog: 'Copy campaign' });
    await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
    const missing = dialog.getByTestId('missing-references');
    await missing.waitFor();
    const said = (await missing.textContent()) ?? '';
    expect(said).toContain('The snippet “footer” is not in Forms Staging');
    expect(said).toContain('The email layout “Brand” is not in Forms Staging');
    expect(said).toContain('message 1’s body');
    expect(said).not.toContain('/messages');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Delete asks first, naming the campaign; cancelled, nothing happens.
    await again.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete campaign “Welcome again”?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('cannot be undone');
    await expectGoodAtBothWidths(page, { dialog: 'Delete campaign' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await again.count()).toBe(1);
    await again.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete campaign' }).click();
    await eventually(async () => expect(await again.count()).toBe(0));
    await page.getByTestId('empty-state').waitFor();

    // An address of no kind is a page in words, not an empty table.
    await page.goto('/resources/nothing-here');
    await page.getByText('There is no such page').waitFor();
  });
});
