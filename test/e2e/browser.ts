import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startService, type TestService } from '../support/service.js';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveChromium = existsSync(chromiumPath);

const webDir = new URL('../../web/', import.meta.url).pathname;
const builtIndex = new URL('../../dist/web/index.html', import.meta.url).pathname;

function newestUnder(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newestUnder(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );
}

/** Builds the console into dist/web when its sources are newer than the build. */
export async function buildConsoleIfStale(): Promise<void> {
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestUnder(webDir)) return;
  const { build } = await import('vite');
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    // As the machine's notes advise: no sandbox as root, and none of Chromium's own network chatter.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

const shots = new URL('../../docs/screenshots/', import.meta.url).pathname;

/**
 * Waits for the page's transitions (a dialog fading in, a progress bar filling) to end: not for
 * endless ones (a spinner's), and a cancelled one counts as ended. (A string: it runs in the page,
 * whose DOM types this Node project does not load.)
 */
export async function transitionsEnded(page: Page): Promise<void> {
  await page.evaluate(`Promise.all(document.getAnimations()
    .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
    .map((a) => a.finished.catch(() => undefined)))`);
}

/**
 * A screenshot for the README, taken on the way through the e2e run. Written to docs/screenshots
 * only with SCREENSHOTS=1 (`npm run screenshots`): the pictures hold addresses made per run, and a
 * test run should not leave the working tree changed.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Transitions (a progress bar filling, a dialog fading) finish before the picture.
  await transitionsEnded(page);
  const image = await page.screenshot();
  expect(image.length).toBeGreaterThan(1000);
  if (process.env.SCREENSHOTS === '1') writeFileSync(join(shots, `${name}.png`), image);
}

/** Retries an assertion until it passes or `timeoutMs` runs out (the page updates on its own time). */
export async function eventually(assertion: () => Promise<void> | void, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/**
 * What every console test file needs: the console built, a real service on a fresh database and a
 * Chromium, started before its tests and closed after; `newPage` opens a page on the service that
 * fails the test on any uncaught page error.
 */
export function consoleSuite(viewport = { width: 1280, height: 900 }) {
  let service: TestService | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!haveChromium) return;
    await buildConsoleIfStale();
    service = await startService();
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });
  return {
    get service(): TestService {
      return service!;
    },
    newPage: () => openPage(browser!, service!.url, viewport),
  };
}

/**
 * A page in a context of its own (its own cookies) at `baseURL`. An error thrown in the page, or a
 * script, style or image the Content-Security-Policy refuses (Chromium only logs it), fails the test.
 */
export async function openPage(
  browser: Browser,
  baseURL: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport });
  context.setDefaultTimeout(8000);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      throw new Error(`CSP violation: ${message.text()}`);
  });
  return page;
}

export const consolePassword = 'correct horse battery';

/** Signs up through the console's form and waits for the dashboard; answers the email used. */
export async function signUp(page: Page, accountName: string): Promise<string> {
  const email = `${accountName.toLowerCase().replace(/\W/g, '')}.${Date.now()}@example.com`;
  await page.goto('/signup');
  await page.getByLabel('Account name').fill(accountName);
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Last name').fill('Lovelace');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(consolePassword);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByTestId('setup-guide').waitFor();
  return email;
}

/** Logs in through the console's form and waits for the dashboard. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('setup-guide').waitFor();
}

/** A link of a navigation section of the console (Workspace, Journeys, Data, Content …) by its name. */
export const navLink = (page: Page, section: string, label: string) =>
  page.getByRole('navigation', { name: section }).getByRole('link', { name: label, exact: true });
