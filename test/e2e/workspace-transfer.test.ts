import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Client } from '../support/client.js';
import { expectGoodAtBothWidths } from './a11y.js';
import { consoleSuite, eventually, haveChromium, screenshot, signUp } from './browser.js';

/**
 * Moving a workspace to another account in the console, with two accounts in two browser contexts:
 * the source offers it from the Workspaces page, the target accepts it on its Workspace transfers
 * page and follows the move; the workspace then shows for the target and no more for the source.
 * The test service runs jobs only when told, so the move is seen waiting first.
 */
const suite = consoleSuite({ width: 1280, height: 900 });

async function clientOf(page: Page): Promise<Client> {
  const client = suite.service.client();
  for (const cookie of await page.context().cookies())
    client.cookies.set(cookie.name, decodeURIComponent(cookie.value));
  return client;
}

const workspaceNames = async (page: Page) => {
  await page.goto('/workspaces');
  await page.getByTestId('workspaces').waitFor();
  return page
    .getByTestId('workspaces')
    .locator('[data-testid^="workspace-row-"]')
    .evaluateAll(
      // A string body would not type-check against the page's DOM; the attribute holds the name.
      (rows) => rows.map((r) => (r.getAttribute('data-testid') ?? '').replace('workspace-row-', '')),
    );
};

describe.skipIf(!haveChromium)('moving a workspace to another account', () => {
  test('offer, accept, progress; it appears for the target and leaves the source', {
    timeout: 120_000,
  }, async () => {
    const source = await suite.newPage();
    await signUp(source, 'Source Co');
    const target = await suite.newPage();
    const targetEmail = await signUp(target, 'Target Co');
    const api = await clientOf(source);
    const created = await api.post('/api/workspaces', { name: 'Launch' });
    expect(created.status).toBe(201);
    expect(
      (await api.post(`/api/workspaces/${created.body.id}/people`, { email: 'ada@example.com' })).status,
    ).toBe(201);

    // The source offers it, by the address of the target's Account Admin.
    await source.goto('/workspaces');
    await source
      .getByTestId('workspace-row-Launch')
      .getByRole('button', { name: 'Move to another account' })
      .click();
    const form = source.getByRole('dialog', { name: 'Move Launch to another account' });
    await form.getByLabel('Email of an Account Admin of the other account').fill(targetEmail);
    await expectGoodAtBothWidths(source, { dialog: 'Email of an Account Admin' });
    await form.getByRole('button', { name: 'Continue' }).click();
    const confirm = source.getByRole('dialog', { name: 'Move Launch to another account?' });
    await expect.poll(() => confirm.textContent()).toMatch(/API keys are revoked/);
    expect(await confirm.textContent()).toMatch(/loses access to it/);
    await screenshot(source, 'workspace-transfer-confirm');
    await confirm.getByRole('button', { name: 'Offer workspace' }).click();
    await form.waitFor({ state: 'detached' });
    await source.goto('/transfers');
    const offered = source.getByTestId('transfer-Launch');
    expect(await offered.getAttribute('data-status')).toBe('pending');
    // Named by an address, the target's account stays unnamed until it accepts.
    expect(await offered.textContent()).toContain(`offered it to the account of ${targetEmail}`);
    expect(await offered.textContent()).not.toContain('Target Co');
    await expectGoodAtBothWidths(source);
    // The source's Workspaces page says so on the row, linking to the transfer.
    await source.goto('/workspaces');
    const badge = source.getByTestId('workspace-row-Launch').getByText('Offered to another account');
    await badge.waitFor();
    await expectGoodAtBothWidths(source);
    await source.goto('/transfers');

    // The target sees the offer on its Workspaces page, and accepts it.
    await target.goto('/workspaces');
    await target
      .getByTestId('incoming-transfers')
      .getByRole('link', { name: 'See workspace transfers' })
      .click();
    const incoming = target.getByTestId('transfer-Launch');
    expect(await incoming.getAttribute('data-status')).toBe('pending');
    await expectGoodAtBothWidths(target);
    await screenshot(target, 'workspace-transfer-offer');
    await incoming.getByRole('button', { name: 'Accept' }).click();
    const accept = target.getByRole('dialog', { name: 'Accept Launch?' });
    await expect.poll(() => accept.textContent()).toMatch(/no workspace limit|limit of/);
    expect(await accept.textContent()).toMatch(/API keys are revoked/);
    await accept.getByRole('button', { name: 'Accept workspace' }).click();
    await eventually(async () => expect(await incoming.getAttribute('data-status')).toBe('moving'));
    expect(await incoming.getByTestId('transfer-count').textContent()).toBe(
      'Waiting to start moving its history',
    );
    await screenshot(target, 'workspace-transfer-moving');

    // The job moves its history; the page follows it to the end.
    expect(await suite.service.worker.runUntilIdle()).toBeGreaterThan(0);
    await eventually(async () => expect(await incoming.getAttribute('data-status')).toBe('done'), 8000);
    expect(await incoming.textContent()).toMatch(/create new Track and App API keys/);
    await expectGoodAtBothWidths(target);
    await screenshot(target, 'workspace-transfer-done');

    expect(await workspaceNames(target)).toContain('Launch');
    expect(await workspaceNames(source)).not.toContain('Launch');
    await source.goto('/transfers');
    expect(await source.getByTestId('transfer-Launch').getAttribute('data-status')).toBe('done');
    expect(await source.getByTestId('transfer-Launch').textContent()).toMatch(/It moved to Target Co/);
  });
});
