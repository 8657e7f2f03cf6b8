import { describe, expect, test } from 'vitest';
import { PATCH_OP, scimClient } from '../support/scim.js';
import { expectGoodAtBothWidths } from './a11y.js';
import { consoleSuite, haveChromium, screenshot, signUp } from './browser.js';

/** Provisioning in the console: a token shown once, a group pushed over SCIM mapped to a role. */
const suite = consoleSuite();

describe.skipIf(!haveChromium)('Provisioning (SCIM) on the Security page', () => {
  test('create a token, see it once, and map a group pushed by a SCIM request', async () => {
    const page = await suite.newPage();
    await signUp(page, 'Scim Co');
    await page.goto('/account/security');
    await page.getByRole('heading', { name: 'Provisioning (SCIM)' }).waitFor();
    expect(await page.getByTestId('scim-base-url').textContent()).toBe(`${suite.service.url}/scim/v2`);
    await page.getByText('No tokens yet').waitFor();
    await page.getByText('No groups yet').waitFor();
    await expectGoodAtBothWidths(page);

    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create SCIM token' });
    await dialog.getByLabel('Name').fill('Okta');
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.getByTestId('scim-secret').textContent()) ?? '';
    expect(token).toMatch(/^scim_/);
    await expectGoodAtBothWidths(page);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await expect(page.getByTestId('scim-secret').count()).resolves.toBe(0);
    expect(await page.getByTestId('scim-tokens').textContent()).not.toContain(token);

    // The identity provider pushes a group with the token from the page.
    const scim = scimClient(suite.service, token);
    const user = await scim.post('/Users', { userName: `pushed.${Date.now()}@example.com`, active: true });
    expect(user.status).toBe(201);
    const group = await scim.post('/Groups', {
      displayName: 'Engineering',
      members: [{ value: user.body.id }],
    });
    expect(group.status).toBe(201);

    await page.reload();
    const row = page.getByTestId('scim-group-Engineering');
    await row.getByText('1 member').waitFor();
    await row.getByText('Gives no access yet').waitFor();
    await row.getByRole('button', { name: 'Edit roles of Engineering' }).click();
    const editor = page.getByRole('dialog', { name: 'Roles of Engineering' });
    await editor.getByRole('button', { name: 'Add a workspace' }).click();
    await expectGoodAtBothWidths(page, { dialog: 'Roles of Engineering' });
    await editor.getByRole('button', { name: 'Save roles' }).click();
    await row.getByText('All workspaces: Viewer').waitFor();
    await expectGoodAtBothWidths(page);
    await screenshot(page, 'security-scim');

    // The identity provider turns the person off: the team list says so.
    const off = await scim.patch(`/Users/${user.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(off.status).toBe(200);
    await page.goto('/team');
    await page.getByText('Deactivated').first().waitFor();
  }, 120_000);
});
