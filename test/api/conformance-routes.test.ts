import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { csvPath, readMatrix } from '../../scripts/generate-matrix.js';
import type { Client } from '../support/client.js';
import { addMember } from '../support/members.js';
import { type Fixtures, rowProbes, send, setUpFixtures } from '../support/row-probes.js';
import { startService, type TestService } from '../support/service.js';

/**
 * Conformance over the real routes, generated from permissions.csv: for every row and every role
 * column, a real member holding that role sends the request the row guards (row-probes.ts). Allowed
 * cells answer 2xx; refused ones 403 problem+json naming the row's permission. 67 × 4 = 268 cells.
 */
const rows = readMatrix(readFileSync(csvPath, 'utf8'));
const columns = ['workspace_admin', 'author', 'author_hidden_attributes', 'viewer'] as const;
const roles = {
  workspace_admin: { role: 'workspace_admin', hideAttributes: false },
  author: { role: 'author', hideAttributes: false },
  author_hidden_attributes: { role: 'author', hideAttributes: true },
  viewer: { role: 'viewer', hideAttributes: false },
} as const;

let service: TestService;
let fixtures: Fixtures;
const clientOf = {} as Record<(typeof columns)[number], Client>;

beforeAll(async () => {
  service = await startService();
  const admin = service.client();
  const { workspace } = await admin.signup();
  for (const column of columns) {
    clientOf[column] = (
      await addMember(service, admin, { roles: [{ workspaceId: workspace.id, ...roles[column] }] })
    ).client;
  }
  fixtures = await setUpFixtures(admin, workspace.id);
}, 60_000);
afterAll(() => service?.close());

test('every row of permissions.csv has a route that it guards', () => {
  expect(rows).toHaveLength(67);
  expect(rows.filter((r) => !rowProbes[r.key]).map((r) => r.key)).toEqual([]);
});

describe.each(rows)('permissions.csv row $row: $label ($key)', (row) => {
  test.each(columns)('%s', async (column) => {
    const probe = await rowProbes[row.key]!(fixtures);
    const reply = await send(clientOf[column], probe);
    const what = `${probe.method} ${probe.path} → ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`;
    if (row.allowed[column]) {
      expect(reply.status, what).toBeGreaterThanOrEqual(200);
      expect(reply.status, what).toBeLessThan(300);
    } else {
      expect(reply.status, what).toBe(403);
      expect(reply.headers.get('content-type'), what).toMatch(/^application\/problem\+json/);
      expect(reply.body.permission, what).toBe(row.key);
    }
  });
});
