import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { accountPermissions, isWorkspacePermission } from '../src/access/catalog.js';

// The console's navigation (web/src/components/Shell.tsx) shows a page's link only to members who
// hold what the page needs: the server's permission keys, read here from the source.
const shell = readFileSync(new URL('../web/src/components/Shell.tsx', import.meta.url), 'utf8');
const entries = [
  ...shell.matchAll(/\{ to: '([^']+)', label: '[^']+'(?:, permission: (\[[^\]]*\]|'[^']*'))? \}/g),
].map((m) => ({ to: m[1]!, needs: [...(m[2] ?? '').matchAll(/'([^']+)'/g)].map((k) => k[1]!) }));

test('every permission the navigation names is one the server grants', () => {
  expect(entries.length).toBeGreaterThan(10);
  for (const { to, needs } of entries)
    for (const key of needs)
      expect(key in accountPermissions || isWorkspacePermission(key), `${to}: ${key}`).toBe(true);
});

test('Segment people needs both what its page reads: the segments, and people', () => {
  expect(entries.find((e) => e.to === '/segment-people')?.needs.sort()).toEqual([
    'people.view',
    'segments.view',
  ]);
});
