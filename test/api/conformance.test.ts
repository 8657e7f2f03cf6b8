import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { csvPath, readMatrix } from '../../scripts/generate-matrix.js';
import type { Client } from '../support/client.js';
import { addMember } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';

/**
 * Conformance, generated from permissions.csv itself (not from the server's generated copy): for
 * every row and every role column, a real member holding that role gets the CSV's answer.
 * The cells are driven through POST /api/authz/check; the resource routes use the same cells.
 */
const rows = readMatrix(readFileSync(csvPath, 'utf8'));
const columns = ['workspace_admin', 'author', 'author_hidden_attributes', 'viewer'] as const;

let service: TestService;
let admin: Client;
let appKey: string;
let workspaceId: string;
const memberOf: Record<(typeof columns)[number] | 'viewer_hidden_attributes', string> = {} as never;

beforeAll(async () => {
  service = await startService();
  admin = service.client();
  ({
    workspace: { id: workspaceId },
  } = await admin.signup());
  const roles = {
    workspace_admin: { role: 'workspace_admin', hideAttributes: false },
    author: { role: 'author', hideAttributes: false },
    author_hidden_attributes: { role: 'author', hideAttributes: true },
    viewer: { role: 'viewer', hideAttributes: false },
    viewer_hidden_attributes: { role: 'viewer', hideAttributes: true },
  } as const;
  for (const [column, r] of Object.entries(roles)) {
    memberOf[column as keyof typeof memberOf] = (
      await addMember(service, admin, { roles: [{ workspaceId, ...r }] })
    ).id;
  }
  appKey = (await admin.post(`/api/workspaces/${workspaceId}/api-keys`, { kind: 'app' })).body.key;
});
afterAll(() => service?.close());

const check = async (memberId: string, permission: string, ws: string | undefined = workspaceId) => {
  const reply = await service
    .client()
    .post(
      '/api/authz/check',
      { memberId, permission, ...(ws && { workspaceId: ws }) },
      { headers: { authorization: `Bearer ${appKey}` } },
    );
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as { allowed: boolean; reason: string };
};

test('the CSV has 67 rows × 4 columns', () => {
  expect(rows).toHaveLength(67);
});

describe.each(rows)('permissions.csv row $row: $label ($key)', (row) => {
  test.each(columns)('%s', async (column) => {
    const answer = await check(memberOf[column], row.key);
    expect(answer.allowed).toBe(row.allowed[column]);
    expect(answer.reason).toContain(`permissions.csv row ${row.row}`);
  });
});

describe('rules beside the matrix', () => {
  test('a Viewer with hidden attributes reads the Viewer column', async () => {
    for (const row of rows) {
      expect((await check(memberOf.viewer_hidden_attributes, row.key)).allowed, row.key).toBe(
        row.allowed.viewer,
      );
    }
  });

  test('the Account Admin is a Workspace Admin in every workspace', async () => {
    const { body: me } = await admin.get('/api/me');
    for (const row of rows)
      expect((await check(me.member.id, row.key)).allowed, row.key).toBe(row.allowed.workspace_admin);
  });

  test('no role in the workspace: nothing is allowed there', async () => {
    const viewer = memberOf.viewer;
    // A second workspace where the members above hold no role, and a key of its own.
    const other = (await admin.post('/api/workspaces', { name: 'Elsewhere' })).body.id;
    const key = (await admin.post(`/api/workspaces/${other}/api-keys`, { kind: 'app' })).body.key;
    for (const row of rows) {
      const reply = await service
        .client()
        .post(
          '/api/authz/check',
          { memberId: viewer, workspaceId: other, permission: row.key },
          { headers: { authorization: `Bearer ${key}` } },
        );
      expect(reply.body, row.key).toEqual({ allowed: false, reason: `No access to workspace ${other}` });
    }
  });

  test('account rules: Account Admins hold them all; Members the every-member ones and their flags', async () => {
    const { body: me } = await admin.get('/api/me');
    const member = memberOf.viewer;
    const expectations: [string, boolean, boolean][] = [
      ['team_members.view', true, true],
      ['team_members.manage', true, false],
      ['workspaces.create', true, false],
      ['workspaces.delete', true, false],
      ['account.billing', true, false],
      ['api_credentials.manage', true, false],
      ['support_access.manage', true, false],
      ['cookie_settings.view', true, true],
      ['cookie_settings.manage', true, false],
    ];
    for (const [permission, forAdmin, forMember] of expectations) {
      expect((await check(me.member.id, permission, undefined)).allowed, permission).toBe(forAdmin);
      expect((await check(member, permission, undefined)).allowed, permission).toBe(forMember);
    }
    await admin.patch(`/api/team-members/${member}`, {
      permissions: { billing: true, apiCredentials: true },
    });
    expect((await check(member, 'account.billing', undefined)).allowed).toBe(true);
    expect((await check(member, 'api_credentials.manage', undefined)).allowed).toBe(true);
    expect((await check(member, 'support_access.manage', undefined)).allowed).toBe(false);
  });

  test('workspace settings and the test recipient: Workspace Admins only', async () => {
    for (const permission of ['workspace.settings.edit', 'workspace.test_recipient.choose']) {
      expect((await check(memberOf.workspace_admin, permission)).allowed).toBe(true);
      for (const column of ['author', 'author_hidden_attributes', 'viewer'] as const) {
        expect((await check(memberOf[column], permission)).allowed, `${permission} ${column}`).toBe(false);
      }
    }
  });
});
