import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const root = new URL('../src/', import.meta.url).pathname;
const web = new URL('../web/src/', import.meta.url).pathname;
const roles = ['account_admin', 'member', 'workspace_admin', 'author', 'viewer'].join('|');
// A role literal on either side of a comparison, in a switch case, or in includes(…).
const comparison = new RegExp(
  `([!=]==?\\s*'(${roles})')|('(${roles})'\\s*[!=]==?)|(case\\s+'(${roles})')|(includes\\(\\s*'(${roles})')`,
);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? files(path)
      : /\.tsx?$/.test(path) && !path.endsWith('.test.ts')
        ? [path]
        : [];
  });
}

/**
 * Access is decided in src/access and nowhere else: no route, service or other code compares role
 * names. (Stores may filter by a stored role in SQL; src/access owns the rules.)
 */
test('only src/access compares roles', () => {
  const offenders = files(root)
    .filter((f) => !relative(root, f).startsWith('access/'))
    .flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(root, f)}:${i + 1}` }))
        .filter(({ line }) => comparison.test(line) && !line.includes('.accountRole, ')),
    )
    .map(({ at, line }) => `${at}  ${line.trim()}`);
  expect(offenders).toEqual([]);
});

/**
 * The console renders what the server says (GET /api/roles, the member's permissions): it never
 * decides anything from a role's name.
 */
test('the console compares no roles', () => {
  const offenders = files(web)
    .flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `web/src/${relative(web, f)}:${i + 1}` }))
        .filter(({ line }) => comparison.test(line)),
    )
    .map(({ at, line }) => `${at}  ${line.trim()}`);
  expect(files(web).length).toBeGreaterThan(50);
  expect(offenders).toEqual([]);
});

test('the check catches a comparison', () => {
  expect(comparison.test("if (member.accountRole === 'account_admin') {")).toBe(true);
  expect(comparison.test("case 'viewer':")).toBe(true);
  expect(comparison.test("accountRole: 'member',")).toBe(false);
});
