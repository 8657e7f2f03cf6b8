import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { issueSignInLink } from '../../src/features/support/sessions.js';
import { expectGoodAtBothWidths } from './a11y.js';
import { consolePassword, consoleSuite, eventually, haveChromium, screenshot, signUp } from './browser.js';

/**
 * Support access in Chromium: an Account Admin grants it on the Support access page, the operator's
 * link is opened in a browser of its own, the member sees the banner, the agent reads the granted
 * workspace and no other, and a revoke signs the agent out. Screens and dialogs checked with axe at
 * 1440 px and 390 px.
 */
const suite = consoleSuite({ width: 1440, height: 900 });

const nav = (page: Page, label: string) => page.getByRole('link', { name: label, exact: true });

describe.skipIf(!haveChromium)('support access', () => {
  test('grant, a support session in a second browser, the banner, and a revoke that signs support out', {
    timeout: 120_000,
  }, async () => {
    const page = await suite.newPage();
    const email = await signUp(page, 'Helped Co');
    const api = suite.service.client();
    expect((await api.post('/api/session', { email, password: consolePassword })).status).toBe(200);
    const granted = (await api.get('/api/me')).body.currentWorkspaceId as string;
    const other = await api.post('/api/workspaces', { name: 'Private' });
    expect(other.status).toBe(201);
    await page.reload(); // the console learns of the new workspace

    // The page, empty; then the grant form.
    await nav(page, 'Support access').click();
    await page.getByRole('heading', { name: 'Support has no access' }).waitFor();
    expect(await page.title()).toBe('Support access · Atrium');
    await expectGoodAtBothWidths(page);
    await page.getByRole('button', { name: 'Grant access' }).first().click();
    const form = page.getByRole('dialog', { name: 'Grant support access' });
    await form.getByRole('textbox', { name: 'Reason' }).waitFor();
    await expectGoodAtBothWidths(page, { dialog: 'Grant support access' });
    // Some workspaces: the current one is ticked; "Private" stays out.
    expect(await form.getByRole('checkbox', { name: 'Private' }).isChecked()).toBe(false);
    await form.getByRole('radio', { name: 'Viewer' }).check();
    await form.getByRole('textbox', { name: 'Reason' }).fill('Ticket 4711: imports fail');
    await form.getByRole('button', { name: 'Grant access' }).click();
    const card = page.getByTestId('support-grant');
    await card.getByText('Ticket 4711: imports fail').waitFor();
    expect(await card.textContent()).toMatch(/Active.*Viewer in /);
    expect(await card.textContent()).toContain('No support session yet');
    await screenshot(page, 'support-access');

    // The operator's link, opened in a browser of its own.
    const grantId = (await api.get('/api/account/support-grants')).body.items[0].id as string;
    const { link } = await issueSignInLink(suite.service.ctx, {
      grantId,
      agent: 'sam@operator',
      reason: 'Ticket 4711',
    });
    const agent = await suite.newPage();
    const url = new URL(link);
    await agent.goto(`${url.pathname}${url.hash}`);
    await agent.getByRole('button', { name: 'Sign in as support' }).click();
    const self = agent.getByTestId('support-self-banner');
    await self.waitFor();
    expect(await self.textContent()).toContain('You are signed in as support (sam@operator) until');
    await screenshot(agent, 'support-session');
    // What a support session cannot do is not offered.
    expect(await nav(agent, 'Support access').count()).toBe(0);
    expect(await nav(agent, 'Account activity').count()).toBe(0);
    await agent.getByTestId('member-menu').click();
    expect(await agent.getByRole('menuitem', { name: 'Your profile' }).count()).toBe(0);
    await agent.keyboard.press('Escape');
    // The granted workspace, and no other.
    await nav(agent, 'People').click();
    await agent
      .getByRole('heading', { name: /People/ })
      .first()
      .waitFor();
    await agent.getByTestId('workspace-switcher').click();
    expect(await agent.getByRole('menuitem', { name: 'Private' }).count()).toBe(0);
    await agent.keyboard.press('Escape');
    expect((await agent.request.get(`/api/workspaces/${granted}/people`)).status()).toBe(200);
    expect((await agent.request.get(`/api/workspaces/${other.body.id}/people`)).status()).toBe(404);
    await expectGoodAtBothWidths(agent);

    // The member sees the banner; the grant shows the session.
    await page.reload();
    const banner = page.getByTestId('support-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/Support is signed in until .+See or revoke support access/);
    await eventually(async () =>
      expect(await card.textContent()).toContain('sam@operator — Ticket 4711 — started'),
    );
    await screenshot(page, 'support-banner');
    await expectGoodAtBothWidths(page);

    // Revoke: the dialog says what ends; the agent is signed out.
    await card.getByRole('button', { name: 'Revoke' }).click();
    const ask = page.getByRole('dialog', { name: 'Revoke support access?' });
    expect(await ask.textContent()).toContain('1 session signed in (sam@operator) ends at once');
    await expectGoodAtBothWidths(page, { dialog: 'Revoke support access?' });
    await ask.getByRole('button', { name: 'Revoke access' }).click();
    await eventually(async () => expect(await card.textContent()).toContain('Revoked'));
    await eventually(async () => expect(await banner.count()).toBe(0));
    await nav(agent, 'Dashboard').click();
    await agent.waitForURL(/\/login(\?|$)/);
  });
});
