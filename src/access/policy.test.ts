import { describe, expect, test } from 'vitest';
import { accountPermissions, type Permission, workspaceRules } from './catalog.js';
import { can, decide, explain } from './policy.js';
import { resolveSubject, type SubjectInput, workspaceRoleRefusal } from './subject.js';

const base: SubjectInput = {
  memberId: 'mem_1',
  accountId: 'acc_1',
  accountRole: 'member',
  flags: { billing: false, apiCredentials: false, supportAccess: false },
  accountWorkspaceIds: ['ws_a', 'ws_b', 'ws_c'],
  grants: [],
};

describe('resolveSubject', () => {
  test('Account Admins are Workspace Admins in every live workspace, whatever is stored', () => {
    const subject = resolveSubject({
      ...base,
      accountRole: 'account_admin',
      grants: [{ workspaceId: 'ws_a', role: 'viewer', hideAttributes: true }],
    });
    expect([...subject.workspaces.keys()]).toEqual(['ws_a', 'ws_b', 'ws_c']);
    expect(subject.workspaces.get('ws_a')).toEqual({
      role: 'workspace_admin',
      hideAttributes: false,
      viaAccountRole: true,
      column: 0,
    });
  });

  test('Members enter only the workspaces they hold a role in, and only live ones', () => {
    const subject = resolveSubject({
      ...base,
      grants: [
        { workspaceId: 'ws_b', role: 'author', hideAttributes: true },
        { workspaceId: 'ws_deleted', role: 'viewer', hideAttributes: false },
      ],
    });
    expect([...subject.workspaces]).toEqual([
      ['ws_b', { role: 'author', hideAttributes: true, viaAccountRole: false, column: 2 }],
    ]);
  });
});

describe('decide', () => {
  const admin = resolveSubject({ ...base, accountRole: 'account_admin' });
  const member = resolveSubject({
    ...base,
    grants: [
      { workspaceId: 'ws_a', role: 'workspace_admin', hideAttributes: false },
      { workspaceId: 'ws_b', role: 'viewer', hideAttributes: false },
    ],
  });

  test('Account Admins hold every permission, in every workspace', () => {
    for (const p of Object.keys(accountPermissions) as (keyof typeof accountPermissions)[])
      expect(can(admin, p)).toBe(true);
    for (const p of Object.keys(workspaceRules) as Permission[]) {
      expect(can(admin, p, 'ws_c')).toBe(true);
    }
  });

  test('workspace settings: Workspace Admins of that workspace only', () => {
    expect(decide(member, 'workspace.settings.edit', 'ws_a')).toMatchObject({ allowed: true });
    expect(decide(member, 'workspace.settings.edit', 'ws_b')).toEqual({
      allowed: false,
      permission: 'workspace.settings.edit',
      reason:
        'Viewer in ws_b: workspace.settings.edit is not allowed — Atrium rule "Change workspace settings"',
      explanation: 'Viewers can’t change workspace settings.',
    });
    expect(decide(member, 'workspace.settings.view', 'ws_c')).toMatchObject({
      allowed: false,
      noAccess: true,
      explanation: 'No role in this workspace.',
    });
  });

  test('Members: view team members, not manage them; flags grant their one permission', () => {
    expect(can(member, 'team_members.view')).toBe(true);
    expect(decide(member, 'workspaces.create')).toMatchObject({
      allowed: false,
      reason: 'Member: workspaces.create is not allowed — it needs Account Admin',
    });
    expect(can(member, 'account.billing')).toBe(false);
    const billing = resolveSubject({ ...base, flags: { ...base.flags, billing: true } });
    expect(decide(billing, 'account.billing')).toMatchObject({ allowed: true });
    expect(can(billing, 'api_credentials.manage')).toBe(false);
  });
});

describe('workspaceRoleRefusal', () => {
  test('Account Admins cannot be given a lesser role, nor hidden attributes', () => {
    expect(workspaceRoleRefusal('account_admin', 'workspace_admin', false)).toBeNull();
    expect(workspaceRoleRefusal('account_admin', 'author', false)?.field).toBe('role');
    expect(workspaceRoleRefusal('account_admin', null, false)?.field).toBe('role');
    expect(workspaceRoleRefusal('account_admin', 'workspace_admin', true)?.field).toBe('role');
  });

  test('hide attributes is for Authors and Viewers only', () => {
    expect(workspaceRoleRefusal('member', 'author', true)).toBeNull();
    expect(workspaceRoleRefusal('member', 'viewer', true)).toBeNull();
    expect(workspaceRoleRefusal('member', 'workspace_admin', true)?.field).toBe('hideAttributes');
    expect(workspaceRoleRefusal('member', null, false)).toBeNull();
  });
});

describe('the matrix decides workspace permissions', () => {
  const subjectWith = (role: 'workspace_admin' | 'author' | 'viewer', hideAttributes = false) =>
    resolveSubject({ ...base, grants: [{ workspaceId: 'ws_a', role, hideAttributes }] });

  test('explain names the column, the permission and the CSV row', () => {
    expect(explain(subjectWith('author', true), 'segments.create', 'ws_a').reason).toBe(
      'Author with hide attributes in ws_a: segments.create is not allowed — permissions.csv row 28',
    );
    expect(explain(subjectWith('author'), 'segments.create', 'ws_a')).toMatchObject({ allowed: true });
    expect(
      explain(resolveSubject({ ...base, accountRole: 'account_admin' }), 'people.delete', 'ws_b').reason,
    ).toBe(
      'Account Admin (Workspace Admin everywhere) in ws_b: people.delete is allowed — permissions.csv row 18',
    );
  });

  test('hide attributes changes an Author’s column and not a Viewer’s', () => {
    expect(can(subjectWith('author'), 'people.edit', 'ws_a')).toBe(true);
    expect(can(subjectWith('author', true), 'people.edit', 'ws_a')).toBe(false);
    expect(can(subjectWith('author', true), 'campaigns.create', 'ws_a')).toBe(true);
    for (const hide of [false, true]) {
      expect(can(subjectWith('viewer', hide), 'campaigns.view', 'ws_a')).toBe(true);
      expect(can(subjectWith('viewer', hide), 'messages.send', 'ws_a')).toBe(false);
    }
  });

  test('can and explain agree on every permission, role and workspace', () => {
    const subjects = [
      subjectWith('workspace_admin'),
      subjectWith('author'),
      subjectWith('author', true),
      subjectWith('viewer'),
      subjectWith('viewer', true),
      resolveSubject({ ...base, accountRole: 'account_admin' }),
      resolveSubject({ ...base, flags: { billing: true, apiCredentials: true, supportAccess: false } }),
    ];
    const permissions = [...Object.keys(workspaceRules), ...Object.keys(accountPermissions)] as Permission[];
    for (const subject of subjects) {
      for (const permission of permissions) {
        for (const ws of ['ws_a', 'ws_b', undefined]) {
          expect(can(subject, permission, ws), `${permission} ${ws}`).toBe(
            explain(subject, permission, ws).allowed,
          );
        }
      }
    }
  });
});
