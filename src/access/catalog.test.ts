import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { csvPath, generatedPath, renderMatrix } from '../../scripts/generate-matrix.js';
import { accountPermissions, matrix, workspaceRules } from './catalog.js';

const specCsv = new URL('../../../shared/spec/permissions.csv', import.meta.url);

describe('the permission catalogue', () => {
  // The spec lives beside the repository on the machines where it is written, not in a clean clone.
  test.skipIf(!existsSync(specCsv))('the CSV in the repository is byte-identical to the spec’s', () => {
    expect(readFileSync(csvPath)).toEqual(readFileSync(specCsv));
  });

  test('matrix.generated.ts is what the generator makes of the CSV now', () => {
    expect(readFileSync(generatedPath, 'utf8')).toBe(renderMatrix(readFileSync(csvPath, 'utf8')));
  });

  test('67 rows with unique, stable keys', () => {
    expect(matrix).toHaveLength(67);
    expect(new Set(matrix.map((r) => r.key)).size).toBe(67);
    expect(matrix.find((r) => r.row === 28)?.key).toBe('segments.create');
    expect(matrix.map((r) => r.key)).toEqual(
      expect.arrayContaining([
        'campaigns.create',
        'segments.ad_audience.pause',
        'people.edit',
        'messages.send',
        'data.import',
      ]),
    );
  });

  test('no key is both an account and a workspace permission', () => {
    for (const key of Object.keys(accountPermissions)) expect(Object.hasOwn(workspaceRules, key)).toBe(false);
  });

  test('the product rules for Authors with hidden attributes are in the matrix', () => {
    const allowed = (key: string, column: number) =>
      (((workspaceRules as Record<string, { mask: number }>)[key]!.mask >> column) & 1) === 1;
    const AUTHOR = 1;
    const AUTHOR_HIDDEN = 2;
    for (const key of ['segments.create', 'objects.create', 'people.edit']) {
      expect(allowed(key, AUTHOR)).toBe(true);
      expect(allowed(key, AUTHOR_HIDDEN)).toBe(false);
    }
  });
});
