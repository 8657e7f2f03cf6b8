import { describe, expect, test } from 'vitest';
import { linkInOutboxTable } from '../support/members.js';
import { consolePassword, consoleSuite, eventually, haveChromium, signUp } from './browser.js';

/**
 * The console in a real Chromium (Debian's, driven by playwright-core), against the real service.
 * Without Chromium on this machine the suite is skipped; .ci/run installs it.
 */
const suite = consoleSuite({ width: 1280, height: 800 });
const newPage = () => suite.newPage();

describe.skipIf(!haveChromium)('the console', () => {
  test('an admin sets up a workspace and invites an Author who sees only it, until deleted', {
    timeout: 90_000,
  }, async () => {
    const admin = await newPage();
    await signUp(admin, 'Acme Corp');
    await eventually(async () =>
      expect(await admin.getByTestId('test-mode-banner').textContent()).toContain('Emails send to'),
    );

    // A second workspace, with a colour.
    await admin.getByRole('link', { name: 'Workspaces' }).click();
    await admin.getByRole('button', { name: 'Add workspace' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Acme Staging');
    await dialog.getByLabel('Colour').fill('#f76b15');
    await dialog.getByLabel('Name').click(); // closes the colour picker
    await dialog.getByLabel('Send normally').check();
    await dialog.getByRole('button', { name: 'Add workspace' }).click();
    await admin.getByTestId('workspace-row-Acme Staging').waitFor();
    await admin.getByRole('dialog').waitFor({ state: 'detached' });

    // Switch to it: the switcher says so at once; it sends normally, so no banner.
    await admin.getByTestId('workspace-row-Acme Staging').getByRole('button', { name: 'Switch' }).click();
    await eventually(async () =>
      expect(await admin.getByTestId('workspace-switcher').textContent()).toContain('Acme Staging'),
    );
    await eventually(async () => expect(await admin.getByTestId('test-mode-banner').count()).toBe(0));

    // Send to a test address: saved as edited, and the banner appears.
    await admin.getByRole('link', { name: 'General settings' }).click();
    await admin.getByLabel('Send emails to a test address').check();
    await admin.getByText(/^Emails now go to/).waitFor();
    await eventually(async () =>
      expect(await admin.getByTestId('test-mode-banner').textContent()).toContain('Emails send to'),
    );

    // Invite a member: Author with hidden attributes, in Acme Staging only.
    await admin.getByRole('link', { name: 'Team members' }).click();
    await admin.getByTestId('invite-button').click();
    const inviteeEmail = `grace.${Date.now()}@example.com`;
    await admin.getByLabel('First name').fill('Grace');
    await admin.getByLabel('Last name').fill('Hopper');
    await admin.getByLabel('Email').fill(inviteeEmail);
    await admin.getByLabel('Role in Acme Staging').first().click();
    await admin.getByRole('option', { name: 'Author' }).click();
    await admin.getByLabel('Hide attributes in Acme Staging').check();
    await admin.getByRole('button', { name: 'Send invite' }).click();
    await admin.getByTestId(`member-${inviteeEmail}`).waitFor();
    await admin.getByTestId(`member-${inviteeEmail}`).hover(); // the Member flags and roles are on hover
    await eventually(async () =>
      expect(await admin.getByTestId(`member-${inviteeEmail}`).textContent()).toContain('Invite sent'),
    );

    // The invitation, from the Outbox.
    await admin.getByRole('link', { name: 'Outbox' }).click();
    // In the outbox, not the "Invitation sent to …" notification.
    await admin.getByTestId('outbox').getByText(`To ${inviteeEmail}`).click();
    const link = await admin.getByTestId('outbox').getByRole('link').first().getAttribute('href');
    expect(link).toMatch(/\/invitations\//);

    // Accepted in a fresh browser context.
    const member = await newPage();
    await member.goto(new URL(link!).pathname);
    await member.getByText('Join Acme Corp').waitFor();
    await member.getByRole('textbox', { name: 'Choose a password' }).fill('grace password 1');
    await member.getByRole('button', { name: 'Accept invitation' }).click();
    await member.getByTestId('setup-guide').waitFor();

    // The member sees only that workspace, and no invite button they may use.
    await member.getByTestId('workspace-switcher').click();
    const items = member.getByRole('menuitem');
    await eventually(async () => expect(await items.filter({ hasText: 'Acme Staging' }).count()).toBe(1));
    await eventually(async () => expect(await items.filter({ hasText: /^Acme Corp$/ }).count()).toBe(0));
    await member.keyboard.press('Escape');
    await member.getByRole('link', { name: 'Team members' }).click();
    await eventually(async () => expect(await member.getByTestId('invite-button').isDisabled()).toBe(true));

    // People exist in her workspace; she sees their values masked.
    await admin.getByRole('link', { name: 'People', exact: true }).click();
    await admin.getByRole('button', { name: 'Add person' }).click();
    await admin.getByRole('dialog').getByLabel('ID', { exact: true }).fill('customer-7');
    await admin.getByRole('dialog').getByLabel('Email').fill('zelda@example.com');
    await admin.getByRole('dialog').getByLabel('Advanced (JSON)').check();
    await admin.getByRole('dialog').getByLabel('Attributes as JSON').fill('{"plan":"premium"}');
    await admin.getByRole('dialog').getByRole('button', { name: 'Add person' }).click();
    await eventually(async () =>
      expect(await admin.getByTestId('people').textContent()).toContain('zelda@example.com'),
    );
    await member.getByRole('link', { name: 'People', exact: true }).click();
    await eventually(async () =>
      expect(await member.getByTestId('people').textContent()).toContain('Hidden'),
    );
    const seen = await member.getByTestId('people').textContent();
    expect(seen).not.toContain('zelda@example.com');
    expect(seen).not.toContain('premium');
    expect(await member.getByRole('button', { name: 'Add person' }).isDisabled()).toBe(true);

    // The permissions page explains her, in her workspace (the new person's drawer closed first).
    await admin.keyboard.press('Escape');
    await admin.getByRole('dialog').waitFor({ state: 'detached' });
    await admin.getByRole('link', { name: 'Permissions' }).click();
    await admin.getByPlaceholder('Team member').click();
    await admin.getByRole('option', { name: /Grace Hopper/ }).click();
    await admin.getByRole('combobox', { name: 'Workspace', exact: true }).click();
    await admin.getByRole('option', { name: 'Acme Staging' }).click();
    await eventually(async () =>
      expect(await admin.getByTestId('explain').textContent()).toContain('Author with hide attributes'),
    );
    await eventually(async () =>
      expect(await admin.getByTestId('explain').textContent()).toContain(
        'Authors who hide attributes can’t create segments.',
      ),
    );

    // Deleted: her next navigation lands on the login page.
    await admin.getByRole('link', { name: 'Team members' }).click();
    await admin.getByRole('button', { name: `Actions for ${inviteeEmail}` }).click();
    await admin.getByRole('menuitem', { name: 'Delete' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await eventually(async () => expect(await admin.getByTestId(`member-${inviteeEmail}`).count()).toBe(0));
    await member.getByRole('link', { name: 'Dashboard' }).click();
    await member.waitForURL(/\/login(\?|$)/);
    await member.getByRole('button', { name: 'Log in' }).waitFor();
  });

  test('deleting a workspace: the button stays disabled until the exact name is typed', async () => {
    const admin = await newPage();
    await signUp(admin, 'Delete Co');
    await admin.getByRole('link', { name: 'Workspaces' }).click();
    await admin.getByRole('button', { name: 'Add workspace' }).click();
    await admin.getByRole('dialog').getByLabel('Name').fill('Old Project');
    await admin.getByRole('dialog').getByRole('button', { name: 'Add workspace' }).click();
    const row = admin.getByTestId('workspace-row-Old Project');
    await row.waitFor();
    await row.getByRole('button', { name: 'Delete' }).click();
    const dialog = admin.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Delete workspace' });
    await eventually(async () => expect(await confirm.isDisabled()).toBe(true));
    await dialog.getByLabel('Type “Old Project” to confirm').fill('old project');
    await eventually(async () => expect(await confirm.isDisabled()).toBe(true));
    await dialog.getByLabel('Type “Old Project” to confirm').fill('Old Project');
    await eventually(async () => expect(await confirm.isDisabled()).toBe(false));
    await confirm.click();
    await eventually(async () => expect(await row.count()).toBe(0));
  });

  test('changing your email in Your profile asks for your current password, and waits for the new address', {
    timeout: 60_000,
  }, async () => {
    const page = await newPage();
    const email = await signUp(page, 'Profile Co');
    await page
      .getByRole('button', { name: /Ada|Lovelace/ })
      .first()
      .click();
    await page.getByRole('menuitem', { name: 'Your profile' }).click();
    const emailField = page.getByLabel(/^Email/);
    await eventually(async () => expect(await emailField.inputValue()).toBe(email));
    const password = page.getByLabel('Your current password');
    expect(await password.count()).toBe(0);

    const renamed = `renamed.${email}`;
    await emailField.fill(renamed);
    await password.fill('not my password');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('not your current password').waitFor();
    await password.fill(consolePassword);
    await page.getByRole('button', { name: 'Save' }).click();
    // The email changes only when the link sent to the new address is used (issue 18).
    await page.getByText(`Waiting for confirmation from ${renamed}`).waitFor();
    const login = (address: string) =>
      suite.service.client().post('/api/session', { email: address, password: consolePassword });
    expect((await login(renamed)).status).toBe(401);
    await page.goto(new URL(await linkInOutboxTable(suite.service, renamed, 'email_change')).pathname);
    await page.getByRole('heading', { name: 'Your email address is confirmed' }).waitFor();
    const signedIn = await login(renamed);
    expect(signedIn.status).toBe(200);
    // Back on the profile: the new address, and no password field while it is unchanged.
    await page.goto('/profile');
    await eventually(async () => expect(await emailField.inputValue()).toBe(renamed));
    expect(await password.count()).toBe(0);
    // One's own email is changed in the profile only: the team page's form points there.
    await page.goto(`/team/${signedIn.body.member.id}/edit`);
    await page.getByRole('link', { name: 'Your profile' }).first().waitFor();
  });

  test('a member who opens the console signed out, then logs in, lands on the dashboard', {
    timeout: 30_000,
  }, async () => {
    const { email, password } = await suite.service.client().signup();
    const page = await newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('setup-guide').waitFor();
    // And out again, and back in: the same.
    await page
      .getByRole('button', { name: /Ada|Admin/ })
      .first()
      .click();
    await page.getByRole('menuitem', { name: /Log out/ }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('setup-guide').waitFor();
  });
});
