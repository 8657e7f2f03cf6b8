import { describe, expect, test } from 'vitest';
import { consoleSuite, eventually, haveChromium } from './browser.js';

/** The API reference (Swagger UI at /api/docs) renders under the service's Content-Security-Policy. */
const suite = consoleSuite();

describe.skipIf(!haveChromium)('the API reference', () => {
  test('Swagger UI lists the operations of the API document, with no CSP violation', {
    timeout: 60_000,
  }, async () => {
    const page = await suite.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const answer = await page.goto('/api/docs/');
    expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
    // Each operation of the document, as a block (the first sections open; the rest fold).
    await eventually(async () => expect(await page.locator('.opblock').count()).toBeGreaterThan(5), 30_000);
    expect(await page.locator('.opblock-summary-path[data-path="/api/signup"]').count()).toBe(1);
    expect(violations).toEqual([]);
  });
});
