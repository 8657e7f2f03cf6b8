import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Client } from '../support/client.js';
import { addMember } from '../support/members.js';
import { expectGoodAtBothWidths } from './a11y.js';
import { consoleSuite, eventually, haveChromium, screenshot, signUp } from './browser.js';

/**
 * The segment screens in Chromium against the real service: the condition builder (in a segment's
 * and a broadcast's edit dialog on their resource pages), the send confirmation (from a broadcast's
 * row), Ad Audiences, relationships and a manual segment's CSV import, each at 1440 px and 390 px
 * with axe.
 */
const suite = consoleSuite({ width: 1440, height: 900 });

async function clientOf(page: Page): Promise<Client> {
  const client = suite.service.client();
  for (const cookie of await page.context().cookies())
    client.cookies.set(cookie.name, decodeURIComponent(cookie.value));
  return client;
}

/** Opens a screen from the navigation (its `section`), and waits for its tab title. */
async function open(page: Page, label: string, title = label, section = 'Workspace') {
  await page
    .getByRole('navigation', { name: section })
    .getByRole('link', { name: label, exact: true })
    .click();
  await eventually(async () => expect(await page.title()).toBe(`${title} · Atrium`));
}

/** A screen's own content (the shell around it is the shell's tests' concern). */
const MAIN = { include: ['main'] };

async function created(reply: { status: number; body: any }) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

/** Picks `option` in the Mantine select or autocomplete labelled `label` within `scope`. */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe.skipIf(!haveChromium)('segments, audiences and sending, in words', () => {
  test('an Account Admin builds conditions, confirms a send, and manages audiences, relationships and imports', {
    timeout: 180_000,
  }, async () => {
    const page = await suite.newPage();
    const email = await signUp(page, 'Segments Co');
    const api = await clientOf(page);
    const ws = (await api.get('/api/me')).body.currentWorkspaceId as string;
    const at = (rest: string) => `/api/workspaces/${ws}/${rest}`;
    for (const [address, plan] of [
      ['ada@example.com', 'premium'],
      ['grace@example.com', 'premium'],
      ['alan@example.com', 'free'],
    ])
      await created(await api.post(at('people'), { email: address, attributes: { plan, age: 36 } }));
    const premium = await created(
      await api.post(at('segments'), {
        name: 'Premium',
        conditions: { match: 'all', rules: [{ attribute: 'plan', operator: 'eq', value: 'premium' }] },
      }),
    );
    const engaged = await created(await api.post(at('segments'), { name: 'Engaged', type: 'data' }));
    await created(await api.post(at('segments'), { name: 'VIP', type: 'manual' }));
    const sale = await created(
      await api.post(at('broadcasts'), {
        name: 'Spring sale',
        audience: { segmentIds: [premium.id] },
        messages: [{ name: 'Offer', channel: 'email', subject: 'Sale', body: '<p>20% off</p>' }],
      }),
    );

    // ---- The condition builder, in a segment's edit dialog: add rows, match any, remove one.
    await open(page, 'Segments', 'Segments', 'Journeys');
    const engagedRow = page.getByTestId('row-Engaged');
    // Its people: the "People" column (name, type, people, …).
    await eventually(async () => expect(await engagedRow.getByRole('cell').nth(2).textContent()).toBe('3'));
    const editing = page.getByRole('dialog', { name: 'Edit segment “Engaged”' });
    const editEngaged = async () => {
      await engagedRow.getByRole('button', { name: 'Edit', exact: true }).click();
      await editing.waitFor();
    };
    await editEngaged();
    const builder = editing.getByTestId('condition-builder');
    expect(await builder.textContent()).toContain('No conditions yet: everyone matches.');
    for (let i = 0; i < 3; i++) await builder.getByRole('button', { name: 'Add condition' }).click();
    const row = (n: number) => builder.getByRole('group', { name: `Condition ${n}` });
    // The attribute suggests the workspace's known attributes (free text is allowed too).
    await row(1).getByRole('combobox', { name: 'Attribute' }).fill('pl');
    await page.getByRole('option', { name: 'plan', exact: true }).click();
    await row(1).getByRole('textbox', { name: 'Value' }).fill('premium');
    await row(2).getByRole('combobox', { name: 'Attribute' }).fill('age');
    await choose(page, row(2), 'Operator', 'is greater than');
    await row(2).getByRole('textbox', { name: 'Value' }).fill('40');
    await row(3).getByRole('combobox', { name: 'Attribute' }).fill('email');
    await choose(page, row(3), 'Operator', 'does not exist');
    expect(await row(3).getByRole('textbox', { name: 'Value' }).count()).toBe(0);
    await choose(page, row(3), 'Operator', 'contains');
    await row(3).getByRole('textbox', { name: 'Value' }).fill('alan@');
    await builder.getByLabel('Any of these conditions').check();
    await builder.getByRole('button', { name: 'Remove condition 2' }).click();
    expect(await builder.getByRole('group', { name: /^Condition \d$/ }).count()).toBe(2);
    expect(await row(2).getByRole('combobox', { name: 'Attribute' }).inputValue()).toBe('email');
    await expectGoodAtBothWidths(page, { dialog: 'Edit segment “Engaged”' });
    await screenshot(page, 'segment-conditions');
    // Saved, the dialog closes and the list is fetched again (the next edit starts from it).
    const relisted = page.waitForResponse(
      (r) => r.request().method() === 'GET' && new URL(r.url()).pathname === at('segments'),
    );
    await editing.getByRole('button', { name: 'Save', exact: true }).click();
    await editing.waitFor({ state: 'detached' });
    await relisted;
    await eventually(async () =>
      expect((await api.get(at(`segments/${engaged.id}`))).body).toMatchObject({
        count: 3,
        conditions: {
          match: 'any',
          rules: [
            { attribute: 'plan', operator: 'eq', value: 'premium' },
            { attribute: 'email', operator: 'contains', value: 'alan@' },
          ],
        },
      }),
    );
    // An incomplete rule: the server's reason, in words, under the builder.
    await editEngaged();
    expect(await builder.getByRole('group', { name: /^Condition \d$/ }).count()).toBe(2);
    await builder.getByRole('button', { name: 'Add condition' }).click();
    await row(3).getByRole('combobox', { name: 'Attribute' }).fill('age');
    await choose(page, row(3), 'Operator', 'is less than');
    await editing.getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(async () =>
      expect(await builder.getByRole('alert').textContent()).toBe(
        '“age is less than” needs a value to compare with',
      ),
    );
    await editing.getByRole('button', { name: 'Close', exact: true }).click();
    await editing.waitFor({ state: 'detached' });

    // ---- The send confirmation, from the broadcast's row, in test mode: the count and the test
    // address; Cancel sends nothing.
    await open(page, 'Broadcasts', 'Broadcasts', 'Journeys');
    const sendButton = page.getByTestId('row-Spring sale').getByRole('button', { name: 'Send', exact: true });
    await sendButton.click();
    const dialog = page.getByRole('dialog', { name: 'Send ‘Spring sale’' });
    const summary = dialog.getByTestId('send-summary');
    await eventually(async () =>
      expect(await summary.textContent()).toBe(
        `Send ‘Spring sale’ to 2 people? This workspace sends to a test address: every email goes to ${email}.`,
      ),
    );
    await expectGoodAtBothWidths(page, { dialog: 'Send ‘Spring sale’' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await suite.service.worker.runUntilIdle()).toBe(0);
    expect((await api.get(at(`broadcasts/${sale.id}`))).body.state).toBe('draft');
    expect((await api.get(at('deliveries'))).body.items).toEqual([]);

    // Send: the job's progress, then what became of each person.
    await sendButton.click();
    await dialog.getByRole('button', { name: 'Send to 2 people' }).click();
    const progress = dialog.getByTestId('job-progress');
    await eventually(async () => expect(await progress.getAttribute('data-state')).toBe('queued'));
    expect(await dialog.textContent()).toContain('Sending ‘Spring sale’ to 2 people.');
    expect(await suite.service.worker.runUntilIdle()).toBeGreaterThan(0);
    await eventually(async () => expect(await progress.getAttribute('data-state')).toBe('succeeded'));
    expect(await progress.getByTestId('job-count').textContent()).toBe('2 of 2 people');
    expect(await dialog.getByTestId('count-queued').textContent()).toBe('Queued2');
    await expectGoodAtBothWidths(page, { dialog: 'Send ‘Spring sale’' });
    await screenshot(page, 'broadcast-send');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await api.get(at(`broadcasts/${sale.id}`))).body.state).toBe('sent');

    // ---- Ad Audiences: connect a platform, add an audience, pause, resume, delete (confirmed).
    await open(page, 'Ad Audiences');
    await choose(page, page.locator('main'), 'Segment', 'Premium (2 people)');
    await page.getByText('‘Premium’ has no Ad Audience').waitFor();
    await page.getByRole('button', { name: 'Connect Facebook' }).click();
    const connect = page.getByRole('dialog', { name: 'Connect Facebook' });
    await connect.getByLabel('Facebook ad account ID').fill('act_1234');
    await expectGoodAtBothWidths(page, { dialog: 'Connect Facebook' });
    await connect.getByRole('button', { name: 'Connect', exact: true }).click();
    await connect.waitFor({ state: 'detached' });
    await eventually(async () =>
      expect(await page.getByTestId('platform-facebook').textContent()).toContain(
        'Connected to ad account act_1234',
      ),
    );
    await choose(page, page.locator('main'), 'Add an audience on', 'Facebook');
    await page.getByRole('button', { name: 'Add audience' }).click();
    const audience = page.getByTestId('audience-facebook');
    await eventually(async () => expect(await audience.textContent()).toContain('Syncing'));
    await audience.getByRole('button', { name: 'Pause' }).click();
    await eventually(async () => expect(await audience.textContent()).toContain('Paused'));
    await audience.getByRole('button', { name: 'Resume' }).click();
    await eventually(async () => expect(await audience.textContent()).toContain('Syncing'));
    await expectGoodAtBothWidths(page, MAIN);
    await audience.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the Facebook audience of ‘Premium’?' });
    expect(await confirm.textContent()).toContain('Atrium stops syncing ‘Premium’ to Facebook');
    await expectGoodAtBothWidths(page, { dialog: 'Delete the Facebook audience' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await audience.count()).toBe(1);
    await audience.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete audience' }).click();
    await page.getByText('‘Premium’ has no Ad Audience').waitFor();

    // ---- Relationships: people ↔ objects, by email.
    const type = await created(await api.post(at('object-types'), { name: 'Company' }));
    await created(
      await api.post(at('objects'), { typeId: type.id, objectId: 'acme', attributes: { name: 'Acme Inc.' } }),
    );
    await open(page, 'Relationships');
    await page.getByText('Nobody is related to Company acme (Acme Inc.) yet').waitFor();
    await page.getByLabel('Relate a person by email').fill('nobody@example.com');
    await page.getByRole('button', { name: 'Relate', exact: true }).click();
    await page.getByText('Nobody in this workspace has the email address nobody@example.com.').waitFor();
    await page.getByLabel('Relate a person by email').fill('grace@example.com');
    await page.getByRole('button', { name: 'Relate', exact: true }).click();
    const grace = page.getByTestId('related-grace@example.com');
    await eventually(async () => expect(await grace.textContent()).toContain('None'));
    await grace.getByRole('button', { name: 'Edit attributes' }).click();
    const attributes = page.getByRole('dialog', { name: 'grace@example.com at Company acme (Acme Inc.)' });
    await attributes.getByRole('button', { name: 'Add attribute' }).click();
    await attributes.getByLabel('Name of attribute 1').fill('role');
    await attributes.getByLabel('Value of attribute 1').fill('CTO');
    await expectGoodAtBothWidths(page, { dialog: 'grace@example.com at Company acme' });
    await attributes.getByRole('button', { name: 'Save attributes' }).click();
    await attributes.waitFor({ state: 'detached' });
    await eventually(async () => expect(await grace.textContent()).toContain('role: CTO'));
    await expectGoodAtBothWidths(page, MAIN);
    await grace.getByRole('button', { name: 'Remove' }).click();
    const unrelate = page.getByRole('dialog', {
      name: 'Remove grace@example.com from Company acme (Acme Inc.)?',
    });
    await unrelate.getByRole('button', { name: 'Remove relationship' }).click();
    await page.getByText('Nobody is related to Company acme (Acme Inc.) yet').waitFor();

    // ---- A manual segment's CSV import: the report in words.
    await open(page, 'Segment import', 'Import into a segment');
    await page.locator('main input[type="file"]').setInputFiles({
      name: 'vip.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('email\nada@example.com\nGRACE@example.com\nnobody@example.com\n'),
    });
    // The upload's answer is awaited by itself (a loaded CI machine can take seconds), so a refusal
    // fails here with its body rather than as a missing report.
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/import') && r.request().method() === 'POST', {
        timeout: 30_000,
      }),
      page.getByRole('button', { name: 'Import', exact: true }).click(),
    ]);
    expect(answer.status(), await answer.text()).toBe(200);
    const report = page.getByTestId('import-report');
    await eventually(async () =>
      expect(await report.getByRole('paragraph').first().textContent()).toBe(
        '3 rows read: 2 people added to ‘VIP’, 1 named nobody in this workspace.',
      ),
    );
    expect(await report.getByRole('row').nth(1).textContent()).toBe('4nobody@example.com');
    await expectGoodAtBothWidths(page, MAIN);
  });

  test('an Author whose role hides attributes sees a broadcast’s conditions locked in its edit dialog, with the reason', {
    timeout: 60_000,
  }, async () => {
    const admin = suite.service.client();
    const { workspace } = await admin.signup();
    const digest = await created(
      await admin.post(`/api/workspaces/${workspace.id}/broadcasts`, {
        name: 'Digest',
        audience: {
          segmentIds: [],
          conditions: { match: 'all', rules: [{ attribute: 'plan', operator: 'eq', value: 'pro' }] },
        },
      }),
    );
    const author = await addMember(suite.service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'author', hideAttributes: true }],
    });
    const page = await suite.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(author.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(author.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('setup-guide').waitFor();

    await open(page, 'Broadcasts', 'Broadcasts', 'Journeys');
    await page.getByTestId('row-Digest').getByRole('button', { name: 'Edit', exact: true }).click();
    const editing = page.getByRole('dialog', { name: 'Edit broadcast “Digest”' });
    const builder = editing.getByTestId('condition-builder');
    await eventually(async () =>
      expect(await editing.getByTestId('conditions-locked').textContent()).toMatch(/\S/),
    );
    expect(await builder.getByRole('combobox', { name: 'Attribute' }).isDisabled()).toBe(true);
    expect(await builder.getByRole('button', { name: 'Add condition' }).isDisabled()).toBe(true);
    // The value is hidden from her: masked, as the server sends it.
    expect(await builder.getByRole('textbox', { name: 'Value' }).inputValue()).not.toBe('pro');
    await expectGoodAtBothWidths(page, { dialog: 'Edit broadcast “Digest”' });
    // The dialog's Save saves the rest of the broadcast, which she may edit: her save leaves the
    // conditions she cannot see as they were.
    await editing.getByRole('textbox', { name: 'Name', exact: true }).fill('Weekly digest');
    await editing.getByRole('button', { name: 'Save', exact: true }).click();
    await editing.waitFor({ state: 'detached' });
    await page.getByTestId('row-Weekly digest').waitFor();
    expect((await admin.get(`/api/workspaces/${workspace.id}/broadcasts/${digest.id}`)).body).toMatchObject({
      name: 'Weekly digest',
      audience: {
        conditions: { match: 'all', rules: [{ attribute: 'plan', operator: 'eq', value: 'pro' }] },
      },
    });
  });
});
