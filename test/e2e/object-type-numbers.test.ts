import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectGoodAtBothWidths } from './a11y.js';
import { consoleSuite, eventually, haveChromium, signUp } from './browser.js';

/**
 * The Object types page shows the number each type goes by in the Track API (Customer.io's
 * object_type_id): in creation order, kept when another type is deleted; and says so when the
 * numbers cannot be loaded.
 */
const suite = consoleSuite({ width: 1440, height: 900 });

/** A call of the API from the page, with its session and CSRF token. */
async function api(page: Page, method: string, path: string, body?: unknown): Promise<{ id: string }> {
  return page.evaluate(`(async () => {
    const csrf = decodeURIComponent((document.cookie.split('; ').find((c) => c.startsWith('csrf=')) ?? 'csrf=').slice(5));
    const response = await fetch(${JSON.stringify(path)}, {
      method: ${JSON.stringify(method)},
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      ${body === undefined ? '' : `body: ${JSON.stringify(JSON.stringify(body))},`}
    });
    return response.status === 204 ? {} : response.json();
  })()`);
}

const rowsOf = async (page: Page) =>
  (await page.getByTestId('object-type-numbers').locator('tbody tr').allInnerTexts()).map((r) =>
    r.replace(/\s+/g, ' ').trim(),
  );

describe.skipIf(!haveChromium)('object type numbers in the console', () => {
  test('listed on the Object types page, kept when a type goes; an error says so', {
    timeout: 120_000,
  }, async () => {
    const page = await suite.newPage();
    await signUp(page, 'Numbers Co');
    const me = (await page.evaluate(`fetch('/api/me').then((r) => r.json())`)) as {
      currentWorkspaceId: string;
    };
    const at = `/api/workspaces/${me.currentWorkspaceId}/object-types`;
    const first = await api(page, 'POST', at, { name: 'Companies' });
    await api(page, 'POST', at, { name: 'Courses' });

    await page
      .getByRole('navigation', { name: 'Data' })
      .getByRole('link', { name: 'Object types', exact: true })
      .click();
    const panel = page.getByTestId('object-type-numbers');
    await panel.getByRole('heading', { name: 'Numbers for the Track API' }).waitFor();
    await eventually(async () => expect(await rowsOf(page)).toEqual(['1 Companies', '2 Courses']));
    // The pointer left on a row after the click would show its buttons' hover colours to axe.
    await page.mouse.move(0, 0);
    await expectGoodAtBothWidths(page);

    // A type deleted keeps its number from being given again.
    await api(page, 'DELETE', `${at}/${first.id}`);
    await api(page, 'POST', at, { name: 'Teams' });
    await page.reload();
    await eventually(async () => expect(await rowsOf(page)).toEqual(['2 Courses', '3 Teams']));

    // Numbers that fail to load say so and offer to try again.
    let failing = true;
    await page.route('**/object-type-numbers', (route) =>
      failing
        ? route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{"status":500}' })
        : route.fallback(),
    );
    await page.reload();
    const error = panel.getByTestId('error-panel');
    await error.waitFor();
    failing = false;
    await error.getByRole('button', { name: 'Try again' }).click();
    await eventually(async () => expect(await rowsOf(page)).toEqual(['2 Courses', '3 Teams']));
  });
});
