import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { eventually, transitionsEnded } from './browser.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The part of a page to check: a CSS selector, several (`include`), the page without some parts
 * (`exclude`), or the open dialog whose text holds `dialog` (its title).
 */
export type AxeScope = string | { include?: string[]; exclude?: string[]; dialog?: string };

function contextOf(scope: AxeScope | undefined): string {
  if (scope === undefined) return 'document';
  if (typeof scope === 'string') return JSON.stringify({ include: [[scope]] });
  if (scope.dialog !== undefined) {
    return `[...document.querySelectorAll('[role=dialog]')].find((d) => d.textContent.includes(${JSON.stringify(scope.dialog)}))`;
  }
  return JSON.stringify({
    ...(scope.include && { include: scope.include.map((s) => [s]) }),
    ...(scope.exclude && { exclude: scope.exclude.map((s) => [s]) }),
  });
}

/**
 * axe-core's WCAG 2.0 and 2.1 A and AA rules on the page as it stands, or on the part `scope`
 * names: no violation. Evaluated through the DevTools protocol, which the page's
 * Content-Security-Policy does not govern (a script tag would be refused).
 */
export async function expectAccessible(page: Page, scope?: AxeScope): Promise<void> {
  // A dialog still fading in has the contrast of its half-way colours.
  await transitionsEnded(page);
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    `axe.run(${contextOf(scope)}, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })
      .then((r) => r.violations.map((v) => v.id + ': ' + v.help + ' (' + v.nodes.map((n) => n.target.join(' ')).join(', ') + ')'))`,
  )) as string[];
  expect(violations).toEqual([]);
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
