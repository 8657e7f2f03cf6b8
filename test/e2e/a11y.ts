import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { eventually, transitionsEnded } from './browser.js';

/**
 * The part of a page to check: a CSS selector, several (`include`), the page without some parts
 * (`exclude`), or the open dialog whose text holds `dialog` (its title).
 */
export type AxeScope = string | { include?: string[]; exclude?: string[]; dialog?: string };

const DIALOG_MARK = 'data-axe-scope';

/**
 * axe-core's WCAG 2.0 and 2.1 A and AA rules (through @axe-core/playwright) on the page as it
 * stands, or on the part `scope` names: no violation. axe runs through the DevTools protocol,
 * which the page's Content-Security-Policy does not govern (a script tag would be refused).
 */
export async function expectAccessible(page: Page, scope?: AxeScope): Promise<void> {
  // What axe reads is the console's page, the same whichever database serves it: the gate checks
  // it in its PGlite run and does not spend its time again on PostgreSQL (the flows still run there).
  if (process.env.DATABASE_URL) return;
  // A dialog still fading in has the contrast of its half-way colours.
  await transitionsEnded(page);
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (typeof scope === 'string') axe = axe.include(scope);
  else if (scope?.dialog !== undefined) {
    await page.evaluate(
      `[...document.querySelectorAll('[role=dialog]')].find((d) => d.textContent.includes(${JSON.stringify(scope.dialog)}))?.setAttribute('${DIALOG_MARK}', '')`,
    );
    axe = axe.include(`[${DIALOG_MARK}]`);
  } else {
    for (const selector of scope?.include ?? []) axe = axe.include(selector);
    for (const selector of scope?.exclude ?? []) axe = axe.exclude(selector);
  }
  const { violations } = await axe.analyze();
  if (typeof scope === 'object' && scope.dialog !== undefined) {
    await page.evaluate(`document.querySelector('[${DIALOG_MARK}]')?.removeAttribute('${DIALOG_MARK}')`);
  }
  expect(
    violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

/**
 * A screen as both a desktop (1440 px) and a phone (390 px) show it: accessible at each width, and
 * nothing runs off the side of the phone. The window goes back to its size afterwards.
 */
export async function expectGoodAtBothWidths(page: Page, scope?: AxeScope): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1440, height: 900 });
  await expectAccessible(page, scope);
  await expectFitsPhone(page);
  await expectAccessible(page, scope);
  if (size) await page.setViewportSize(size);
}

/**
 * At a phone's width (390 px) nothing runs off the side: the page never scrolls sideways, and any
 * element past the edge is named. The window stays at 390 px unless `restore` asks to go back.
 */
export async function expectFitsPhone(page: Page, { restore = false } = {}): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = `(() => {
    const width = document.documentElement.clientWidth;
    const past = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5)
      .map((e) => e.tagName + '.' + e.className);
    return { scroll: document.documentElement.scrollWidth - width, past: past.slice(0, 5) };
  })()`;
  await eventually(async () => expect(await page.evaluate(overflow)).toEqual({ scroll: 0, past: [] }));
  if (restore && size) await page.setViewportSize(size);
}
