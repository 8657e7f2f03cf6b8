import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Client } from '../support/client.js';
import { addMember, invite } from '../support/members.js';
import { expectGoodAtBothWidths } from './a11y.js';
import { consoleSuite, eventually, haveChromium, screenshot } from './browser.js';

/**
 * The team screens in Chromium: the list (search, sort, pages, its states), the confirmations of
 * each member action, invite and edit, bulk roles that keep "All workspaces", and the permissions
 * page, each checked at 1440 px and 390 px.
 */
const suite = consoleSuite({ width: 1440, height: 900 });

/** An account made over HTTP, and a browser signed in to it as its Account Admin. */
async function signedIn(): Promise<{ api: Client; page: Page; workspace: { id: string; name: string } }> {
  const api = suite.service.client();
  const { email, password, workspace } = await api.signup({ firstName: 'Ada', lastName: 'Admin' });
  const page = await suite.newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('setup-guide').waitFor();
  return { api, page, workspace };
}

const rowOf = (page: Page, email: string) => page.getByTestId(`member-${email}`);
const firstRowText = (page: Page) => page.getByTestId('team-table').locator('tbody tr').first().textContent();

async function emailsTo(api: Client, email: string, kind: string): Promise<number> {
  const outbox = await api.get('/api/outbox');
  return outbox.body.items.filter((m: { to: string; kind: string }) => m.to === email && m.kind === kind)
    .length;
}

/** Opens a member's "…" menu and picks an action, which asks first. */
async function ask(page: Page, email: string, action: string) {
  await rowOf(page, email)
    .getByRole('button', { name: `Actions for ${email}` })
    .click();
  await page.getByRole('menuitem', { name: action }).click();
  return page.getByRole('dialog');
}

describe.skipIf(!haveChromium)('the team screens', () => {
  test('the team list: loading, error with retry, search, sort, 25 to a page, empty search', {
    timeout: 120_000,
  }, async () => {
    const { api, page } = await signedIn();
    for (let i = 1; i <= 26; i++) await invite(api, { firstName: `Zed ${String(i).padStart(2, '0')}` });

    // The first load fails: an error in words with "Try again", not an empty table.
    let fail = true;
    await page.route('**/api/team-members', (route) =>
      fail
        ? route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{}' })
        : route.fallback(),
    );
    await page.getByRole('link', { name: 'Team members' }).click();
    await page.getByTestId('loading').first().waitFor();
    await page.getByTestId('error-panel').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('team-table').count()).toBe(0);
    await expectGoodAtBothWidths(page, 'main');
    fail = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('team-table').waitFor();
    expect(await page.title()).toBe('Team members · Atrium');

    // 27 members: 25 on the first page, 2 on the second.
    await page.getByText('Showing 1–25 of 27').waitFor();
    expect(await page.getByTestId('team-table').locator('tbody tr').count()).toBe(25);
    await page.getByRole('button', { name: 'Page 2' }).click();
    await eventually(async () =>
      expect(await page.getByTestId('team-table').locator('tbody tr').count()).toBe(2),
    );
    await page.getByRole('button', { name: 'Page 1' }).click();

    // Sorted by name: the admin first; the other way, Zed 26.
    expect(await firstRowText(page)).toContain('Ada Admin');
    await page.getByRole('button', { name: 'Sort by name' }).click();
    await eventually(async () => expect(await firstRowText(page)).toContain('Zed 26'));
    // By status: "Active" (the admin) before "Invite sent".
    await page.getByRole('combobox', { name: 'Sort by', exact: true }).click();
    await page.getByRole('option', { name: 'Status' }).click();
    await eventually(async () => expect(await firstRowText(page)).toContain('Ada Admin'));
    expect(await firstRowText(page)).toContain('Active');

    // Search by name, by email, and for no one.
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('zed 07');
    await eventually(async () =>
      expect(await page.getByTestId('team-table').locator('tbody tr').count()).toBe(1),
    );
    await page.getByText('1 member of 27 match “zed 07”').waitFor();
    await search.fill('admin.');
    await eventually(async () => expect(await firstRowText(page)).toContain('Ada Admin'));
    await search.fill('nobody at all');
    await page.getByTestId('empty-state').getByText('No one matches your search').waitFor();
    await expectGoodAtBothWidths(page, 'main');
    await page.getByRole('button', { name: 'Clear the search' }).click();
    await page.getByTestId('team-table').waitFor();
    // On a phone each member is a card, and the controls still fit.
    await expectGoodAtBothWidths(page, 'main');
  });

  test('each member action asks first, saying what happens: cancel does nothing, confirm acts', {
    timeout: 120_000,
  }, async () => {
    const { api, page } = await signedIn();
    const invited = await invite(api, { firstName: 'Ivy' });
    const revoked = await invite(api, { firstName: 'Rex' });
    const active = await addMember(suite.service, api, { firstName: 'Grace' });
    const deleted = await addMember(suite.service, api, { firstName: 'Dora' });
    await page.getByRole('link', { name: 'Team members' }).click();
    await rowOf(page, invited.email).waitFor();

    // Reset password: a link, the current password keeps working until the new one is set.
    let dialog = await ask(page, active.email, 'Reset password');
    await dialog.getByText('Their current password keeps working until they set the new one').waitFor();
    await expectGoodAtBothWidths(page, { dialog: 'Reset Grace Member’s password?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await emailsTo(api, active.email, 'password_reset')).toBe(0);
    dialog = await ask(page, active.email, 'Reset password');
    await dialog.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText(`A link to set a new password is on its way to ${active.email}.`).waitFor();
    await eventually(async () => expect(await emailsTo(api, active.email, 'password_reset')).toBe(1));

    // Resend an invitation: the earlier link stops working.
    dialog = await ask(page, invited.email, 'Resend invitation');
    await dialog.getByText('The link in the earlier invitation stops working.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await emailsTo(api, invited.email, 'invitation')).toBe(1);
    dialog = await ask(page, invited.email, 'Resend invitation');
    await dialog.getByRole('button', { name: 'Resend invitation' }).click();
    await page.getByText(`A new invitation is on its way to ${invited.email}.`).waitFor();
    await eventually(async () => expect(await emailsTo(api, invited.email, 'invitation')).toBe(2));

    // Revoke an invitation: the link in their email stops working.
    dialog = await ask(page, revoked.email, 'Revoke invitation');
    await dialog.getByText('The link in their email stops working').waitFor();
    await expectGoodAtBothWidths(page, { dialog: `Revoke the invitation to ${revoked.email}?` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await rowOf(page, revoked.email).count()).toBe(1);
    dialog = await ask(page, revoked.email, 'Revoke invitation');
    await dialog.getByRole('button', { name: 'Revoke invitation' }).click();
    await eventually(async () => expect(await rowOf(page, revoked.email).count()).toBe(0));
    // The invited member, who never joined, is removed with their link.
    expect((await suite.service.client().get(`/api/invitations/${revoked.token}`)).status).toBe(404);

    // Delete: they lose access at once; what they did stays.
    dialog = await ask(page, deleted.email, 'Delete');
    await dialog.getByText('loses access to the account and every workspace at once').waitFor();
    await expectGoodAtBothWidths(page, { dialog: 'Delete Dora Member?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await deleted.client.get('/api/me')).status).toBe(200);
    dialog = await ask(page, deleted.email, 'Delete');
    await dialog.getByRole('button', { name: 'Delete team member' }).click();
    await eventually(async () => expect(await rowOf(page, deleted.email).count()).toBe(0));
    expect((await deleted.client.get('/api/me')).status).toBe(401);
  });

  test('invite with Custom and with All, edit, and bulk roles that keep All', {
    timeout: 120_000,
  }, async () => {
    const { api, page, workspace } = await signedIn();
    const staging = (await api.post('/api/workspaces', { name: 'Staging' })).body as {
      id: string;
      name: string;
    };
    await page.reload();
    await page.getByRole('link', { name: 'Team members' }).click();

    // Custom: an Author with hidden attributes in Staging only.
    await page.getByTestId('invite-button').click();
    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('Last name').fill('Hopper');
    const grace = `grace.${Date.now()}@example.com`;
    await page.getByLabel('Email').fill(grace);
    await page.getByRole('combobox', { name: 'Role in Staging' }).click();
    await page.getByRole('option', { name: 'Author' }).click();
    await page.getByLabel('Hide attributes in Staging').check();
    expect(await page.title()).toBe('Invite team member · Atrium');
    await expectGoodAtBothWidths(page, 'main');
    await screenshot(page, 'invite');
    await page.getByRole('button', { name: 'Send invite' }).click();
    await page.getByText(`Invitation sent to ${grace}.`).waitFor();
    await eventually(async () =>
      expect(await rowOf(page, grace).textContent()).toContain('Author (hidden attributes) in Staging'),
    );

    // All: a Viewer in every workspace; the role is required, and said in words when missing.
    await page.getByTestId('invite-button').click();
    await page.getByLabel('First name').fill('Alan');
    await page.getByLabel('Last name').fill('Turing');
    const alan = `alan.${Date.now()}@example.com`;
    await page.getByLabel('Email').fill(alan);
    await page.getByRole('radio', { name: 'All' }).check();
    await page.getByRole('button', { name: 'Send invite' }).click();
    await page.getByText('Choose the role they have in every workspace.').waitFor();
    await page.getByRole('combobox', { name: 'Role in every workspace', exact: true }).click();
    await page.getByRole('option', { name: 'Viewer' }).click();
    await page.getByText('Sees the workspace and its reports; changes nothing.').waitFor();
    await page.getByRole('button', { name: 'Send invite' }).click();
    await eventually(async () =>
      expect(await rowOf(page, alan).textContent()).toContain('All workspaces: Viewer'),
    );
    await eventually(async () => expect(await rowOf(page, alan).textContent()).toContain('Invite sent'));
    await screenshot(page, 'team');

    // Edit: the name, saved in words.
    await rowOf(page, grace)
      .getByRole('button', { name: `Actions for ${grace}` })
      .click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await page.getByLabel('First name').fill('Grace B.');
    expect(await page.title()).toBe('Edit Grace Hopper · Atrium');
    await expectGoodAtBothWidths(page, 'main');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Grace B. Hopper is saved.').waitFor();
    await eventually(async () => expect(await rowOf(page, grace).textContent()).toContain('Grace B. Hopper'));

    // Bulk: both become Authors in Staging; Alan keeps All, so new workspaces still include him.
    await page.getByRole('checkbox', { name: 'Select Grace B. Hopper' }).check();
    await page.getByRole('checkbox', { name: 'Select Alan Turing' }).check();
    await page.getByRole('button', { name: 'Change roles of 2 members' }).click();
    const bulk = page.getByRole('dialog', { name: 'Change roles in bulk' });
    await bulk.getByRole('checkbox', { name: 'Staging' }).check();
    await bulk.getByRole('combobox', { name: 'Role', exact: true }).click();
    await page.getByRole('option', { name: 'Author' }).click();
    await bulk
      .getByTestId('all-workspaces-note')
      .getByText('Alan Turing has access to All workspaces')
      .waitFor();
    await expectGoodAtBothWidths(page, { dialog: 'Change roles in bulk' });
    await bulk.getByRole('button', { name: 'Apply role' }).click();
    let confirm = page.getByRole('dialog', { name: 'Make 2 members Authors in Staging?' });
    await confirm.waitFor();
    await expectGoodAtBothWidths(page, { dialog: 'Make 2 members Authors in Staging?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    const alanId = (await api.get('/api/team-members')).body.items.find(
      (m: { email: string }) => m.email === alan,
    ).id;
    expect((await api.get(`/api/team-members/${alanId}`)).body.workspaces).toHaveLength(2);
    expect(
      (await api.get(`/api/team-members/${alanId}`)).body.workspaces.every(
        (w: { role: string }) => w.role === 'viewer',
      ),
    ).toBe(true);
    await bulk.getByRole('button', { name: 'Apply role' }).click();
    confirm = page.getByRole('dialog', { name: 'Make 2 members Authors in Staging?' });
    await confirm.getByRole('button', { name: 'Make them Authors' }).click();
    await page.getByText('2 members are now Authors in Staging.').waitFor();
    await eventually(async () =>
      expect(await rowOf(page, alan).textContent()).toContain('Author in Staging'),
    );
    expect(await rowOf(page, alan).textContent()).toContain('All workspaces: Viewer');
    expect(await rowOf(page, grace).textContent()).toContain('Author in Staging');
    const after = (await api.get(`/api/team-members/${alanId}`)).body;
    expect(after.workspaceAccess).toEqual({ mode: 'all', role: 'viewer', hideAttributes: false });
    const later = (await api.post('/api/workspaces', { name: 'Later' })).body as { id: string };
    const roles = (await api.get(`/api/team-members/${alanId}`)).body.workspaces as {
      workspaceId: string;
      role: string;
    }[];
    expect(Object.fromEntries(roles.map((w) => [w.workspaceId, w.role]))).toEqual({
      [workspace.id]: 'viewer',
      [staging.id]: 'author',
      [later.id]: 'viewer',
    });
  });

  test('the permissions page: roles, rules and a member explained in words', {
    timeout: 120_000,
  }, async () => {
    const { api, page, workspace } = await signedIn();
    await addMember(suite.service, api, {
      firstName: 'Grace',
      roles: [{ workspaceId: workspace.id, role: 'author', hideAttributes: true }],
    });
    await page.getByRole('link', { name: 'Permissions' }).click();
    await page.getByTestId('matrix').waitFor({ timeout: 20_000 });
    expect(await page.title()).toBe('Permissions · Atrium');
    await page.getByRole('combobox', { name: 'Team member', exact: true }).click();
    await page.getByRole('option', { name: /Grace Member/ }).click();
    await page.getByRole('combobox', { name: 'Workspace', exact: true }).click();
    await page.getByRole('option', { name: workspace.name }).click();
    const explain = page.getByTestId('explain');
    await eventually(async () =>
      expect(await explain.textContent()).toContain('Author with hide attributes'),
    );
    await explain.getByText('Authors who hide attributes can’t create segments.').waitFor();
    // The role columns say what each role is; the account rules say who.
    await page
      .getByTestId('matrix')
      .getByText('Sees the workspace and its reports; changes nothing.')
      .waitFor();
    await page.getByTestId('account-rules').getByText('Who: Account Admins').first().waitFor();
    // No keys, no CSV rows.
    const text = (await page.locator('main').textContent()) ?? (await page.textContent('body')) ?? '';
    expect(text).not.toContain('permissions.csv');
    expect(text).not.toContain('segments.create');
    expect(text).not.toContain('team_members.manage');
    await screenshot(page, 'permissions');
    await expectGoodAtBothWidths(page, 'main');
  });
});
