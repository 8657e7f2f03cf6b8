import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Client, expectProblem } from '../support/client.js';
import { addMember, invite, linkInOutboxTable, linkSentTo, tokenOf } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const ids = (reply: { body: { items: { id: string }[] } }) => reply.body.items.map((m) => m.id).sort();

async function workspaces(admin: Client, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push((await admin.post('/api/workspaces', { name: `W${i}` })).body.id);
  return out;
}

describe('visibility', () => {
  test('Account Admins see everyone; a Member sees the members who share a workspace with them, and only those roles', async () => {
    const admin = service.client();
    const { member: me, workspace: first } = await admin.signup();
    const [a, b] = await workspaces(admin, 2);
    const alice = await addMember(service, admin, { roles: [{ workspaceId: a!, role: 'author' }] });
    const bob = await addMember(service, admin, {
      roles: [
        { workspaceId: a!, role: 'viewer' },
        { workspaceId: b!, role: 'workspace_admin' },
      ],
    });
    const carol = await addMember(service, admin, { roles: [{ workspaceId: b!, role: 'viewer' }] });
    const dave = await addMember(service, admin); // no workspace at all

    expect(ids(await admin.get('/api/team-members'))).toEqual(
      [me.id, alice.id, bob.id, carol.id, dave.id].sort(),
    );
    // Alice is in A: she sees herself, Bob (A) and the Account Admin (every workspace); not Carol (B only) nor Dave.
    const seenByAlice = await alice.client.get('/api/team-members');
    expect(ids(seenByAlice)).toEqual([me.id, alice.id, bob.id].sort());
    const bobAsSeen = seenByAlice.body.items.find((m: { id: string }) => m.id === bob.id);
    expect(bobAsSeen.workspaces).toEqual([
      { workspaceId: a, workspaceName: 'W0', role: 'viewer', hideAttributes: false },
    ]);
    const adminAsSeen = seenByAlice.body.items.find((m: { id: string }) => m.id === me.id);
    expect(adminAsSeen.workspaces.map((w: { workspaceId: string }) => w.workspaceId)).toEqual([a]);
    expect(adminAsSeen.workspaces.map((w: { workspaceId: string }) => w.workspaceId)).not.toContain(first.id);

    expectProblem(await alice.client.get(`/api/team-members/${carol.id}`), 404, 'not_found');
    expect((await alice.client.get(`/api/team-members/${bob.id}`)).status).toBe(200);
    expect(ids(await dave.client.get('/api/team-members'))).toEqual([dave.id]);
  });

  test('the list shows role, flags, workspaces with roles, status, 2FA, added and last login', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const m = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer', hideAttributes: true }],
    });
    const item = (await admin.get('/api/team-members')).body.items.find((x: { id: string }) => x.id === m.id);
    expect(item).toEqual({
      id: m.id,
      firstName: 'Mo',
      lastName: 'Member',
      email: m.email,
      // Accepting the invitation, a link emailed to the address, proved it.
      emailVerified: true,
      accountRole: 'member',
      permissions: { billing: false, apiCredentials: false, supportAccess: false },
      workspaceAccess: { mode: 'custom' },
      workspaces: [
        { workspaceId: workspace.id, workspaceName: workspace.name, role: 'viewer', hideAttributes: true },
      ],
      status: 'active',
      twoFactorEnabled: false,
      createdAt: expect.any(String),
      lastLoginAt: expect.any(String),
      inviteSentAt: null,
      inviteExpiresAt: null,
    });
  });
});

describe('All workspaces', () => {
  test('one role in every workspace, including those created later', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const m = await addMember(service, admin, { all: { role: 'viewer', hideAttributes: true } });
    const later = (await admin.post('/api/workspaces', { name: 'Later' })).body;
    const me = await m.client.get('/api/me');
    expect(
      me.body.workspaces.map((w: { id: string; role: string; hideAttributes: boolean }) => [
        w.id,
        w.role,
        w.hideAttributes,
      ]),
    ).toEqual([
      [workspace.id, 'viewer', true],
      [later.id, 'viewer', true],
    ]);
    const listed = (await admin.get(`/api/team-members/${m.id}`)).body;
    expect(listed.workspaceAccess).toEqual({ mode: 'all', role: 'viewer', hideAttributes: true });
    const access = (await admin.get(`/api/workspaces/${later.id}/access`)).body.items;
    expect(access.find((a: { memberId: string }) => a.memberId === m.id)).toMatchObject({ role: 'viewer' });
  });
});

describe('edit', () => {
  test('Account Admins change anyone’s names, email, account role, flags and workspace roles', async () => {
    const admin = service.client();
    const { workspace, password } = await admin.signup();
    const m = await addMember(service, admin, { roles: [{ workspaceId: workspace.id, role: 'viewer' }] });
    const [w2] = await workspaces(admin, 1);
    const reply = await admin.patch(`/api/team-members/${m.id}`, {
      firstName: 'New',
      lastName: 'Name',
      email: `renamed.${m.email}`,
      currentPassword: password,
      permissions: { apiCredentials: true },
      workspaceAccess: { mode: 'custom', roles: [{ workspaceId: w2!, role: 'author' }] },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      firstName: 'New',
      lastName: 'Name',
      email: `renamed.${m.email}`,
      permissions: { billing: false, apiCredentials: true, supportAccess: false },
      workspaces: [{ workspaceId: w2, role: 'author' }],
    });
    // The change is live for the member's very next request.
    expect((await m.client.get('/api/me')).body.workspaces.map((w: { id: string }) => w.id)).toEqual([w2]);
    expectProblem(await m.client.get(`/api/workspaces/${workspace.id}`), 404);

    const promoted = await admin.patch(`/api/team-members/${m.id}`, { accountRole: 'account_admin' });
    expect(promoted.body.accountRole).toBe('account_admin');
    expect(promoted.body.workspaces).toHaveLength(2);
    expect(promoted.body.workspaces.every((w: { role: string }) => w.role === 'workspace_admin')).toBe(true);
  });

  test('everyone may change their own name and email, and nothing else', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const m = await addMember(service, admin, { roles: [{ workspaceId: workspace.id, role: 'viewer' }] });
    const other = await addMember(service, admin, { roles: [{ workspaceId: workspace.id, role: 'viewer' }] });
    const own = await m.client.patch(`/api/team-members/${m.id}`, {
      firstName: 'Self',
      email: `self.${m.email}`,
      currentPassword: m.password,
    });
    // The name changes at once; the email once the link sent to the new address is used (issue 18).
    expect(own.status, JSON.stringify(own.body)).toBe(202);
    expect(own.body).toMatchObject({
      member: { firstName: 'Self', email: m.email },
      pendingEmail: `self.${m.email}`,
    });
    const link = tokenOf(await linkInOutboxTable(service, `self.${m.email}`, 'email_change'));
    expect((await service.client().post(`/api/email-verifications/${link}`)).status).toBe(204);
    expect((await admin.get(`/api/team-members/${m.id}`)).body.email).toBe(`self.${m.email}`);
    const role = await m.client.patch(`/api/team-members/${m.id}`, { accountRole: 'account_admin' });
    expectProblem(role, 403, 'forbidden');
    expect(role.body.permission).toBe('team_members.manage');
    expectProblem(
      await m.client.patch(`/api/team-members/${m.id}`, {
        workspaceAccess: { mode: 'all', role: 'workspace_admin' },
      }),
      403,
    );
    expectProblem(
      await m.client.patch(`/api/team-members/${other.id}`, { firstName: 'Hacked' }),
      403,
      'forbidden',
    );
    expect((await admin.get(`/api/team-members/${other.id}`)).body.firstName).toBe('Mo');
  });

  test('an email in use elsewhere is refused', async () => {
    const stranger = service.client();
    const { email: taken } = await stranger.signup();
    const admin = service.client();
    const { member, password } = await admin.signup();
    const m = await addMember(service, admin);
    expectProblem(
      await admin.patch(`/api/team-members/${m.id}`, { email: taken, currentPassword: password }),
      409,
      'email_in_other_account',
    );
    expectProblem(await m.client.patch(`/api/team-members/${member.id}`, { email: taken }), 404);
    expectProblem(
      await m.client.patch(`/api/team-members/${member.id}`, { email: taken, currentPassword: m.password }),
      404,
    );
  });

  test('changing one’s own email needs the current password; a stolen session alone cannot', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const m = await addMember(service, admin, { roles: [{ workspaceId: workspace.id, role: 'viewer' }] });
    const other = await addMember(service, admin, { roles: [{ workspaceId: workspace.id, role: 'viewer' }] });
    const stolen = `thief.${m.email}`;
    const missing = await m.client.patch(`/api/team-members/${m.id}`, { email: stolen });
    expectProblem(missing, 400, 'current_password_required');
    expect(missing.body.errors).toEqual([{ path: '/currentPassword', message: expect.any(String) }]);
    const wrong = await m.client.patch(`/api/team-members/${m.id}`, {
      email: stolen,
      currentPassword: 'guess',
    });
    expectProblem(wrong, 403, 'current_password_wrong');
    expect(wrong.body.errors[0].path).toBe('/currentPassword');
    expect((await admin.get(`/api/team-members/${m.id}`)).body.email).toBe(m.email);
    // Names, and the same address sent back, need no password; someone else's member is still a 403.
    expect(
      (await m.client.patch(`/api/team-members/${m.id}`, { firstName: 'Mia', email: m.email })).status,
    ).toBe(200);
    expectProblem(
      await m.client.patch(`/api/team-members/${other.id}`, { email: stolen, currentPassword: m.password }),
      403,
      'forbidden',
    );

    // A reset link sent to the old address dies with the change.
    await admin.post(`/api/team-members/${m.id}/reset-password`);
    const oldLink = tokenOf(await linkInOutboxTable(service, m.email));
    const renamed = `new.${m.email}`;
    const ok = await m.client.patch(`/api/team-members/${m.id}`, {
      email: renamed,
      currentPassword: m.password,
    });
    // The new address confirms the change (issue 18): until then nothing changes.
    expect(ok.status, JSON.stringify(ok.body)).toBe(202);
    expect(ok.body.member.email).toBe(m.email);
    expect((await service.client().get(`/api/password-resets/${oldLink}`)).status).toBe(200);
    const confirm = tokenOf(await linkInOutboxTable(service, renamed, 'email_change'));
    expect((await service.client().post(`/api/email-verifications/${confirm}`)).status).toBe(204);
    expectProblem(await service.client().get(`/api/password-resets/${oldLink}`), 410, 'gone');
    expect(
      (await service.client().post('/api/session', { email: renamed, password: m.password })).status,
    ).toBe(200);
  });

  test('an Account Admin changing someone else’s email gives their own current password', async () => {
    const admin = service.client();
    const { password } = await admin.signup();
    const co = await addMember(service, admin, { accountRole: 'account_admin' });
    const redirected = `redirected.${co.email}`;
    expectProblem(
      await admin.patch(`/api/team-members/${co.id}`, { email: redirected }),
      400,
      'current_password_required',
    );
    // The member's own password is not the admin's.
    expectProblem(
      await admin.patch(`/api/team-members/${co.id}`, { email: redirected, currentPassword: co.password }),
      403,
      'current_password_wrong',
    );
    const ok = await admin.patch(`/api/team-members/${co.id}`, {
      email: redirected,
      currentPassword: password,
    });
    expect(ok.body.email).toBe(redirected);
  });

  test('wrong current passwords count against the caller’s login limit', async () => {
    const admin = service.client();
    await admin.signup();
    const m = await addMember(service, admin);
    const change = (currentPassword: string) =>
      m.client.patch(`/api/team-members/${m.id}`, { email: `other.${m.email}`, currentPassword });
    for (let i = 0; i < service.config.loginLimits.perEmail; i++) {
      expectProblem(await change(`wrong ${i}`), 403, 'current_password_wrong');
    }
    const limited = await change(m.password);
    expectProblem(limited, 429, 'too_many_requests');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expectProblem(await service.client().post('/api/session', { email: m.email, password: m.password }), 429);
    service.clock.advance(service.config.loginLimits.windowMs + 1000);
    // Accepted: a confirmation link goes to the new address (issue 18).
    expect((await change(m.password)).status).toBe(202);
  });

  test('Account Admins are Workspace Admins everywhere: a lesser role for one is refused', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const co = await addMember(service, admin, { accountRole: 'account_admin' });
    const reply = await admin.patch(`/api/team-members/${co.id}`, {
      workspaceAccess: { mode: 'custom', roles: [{ workspaceId: workspace.id, role: 'viewer' }] },
    });
    expectProblem(reply, 400, 'invalid');
    expect(reply.body.errors[0].path).toBe('/workspaceAccess/roles/0/role');
  });

  test('the last Account Admin cannot demote themself; with a second one they can', async () => {
    const admin = service.client();
    const { member } = await admin.signup();
    const demote = await admin.patch(`/api/team-members/${member.id}`, { accountRole: 'member' });
    expectProblem(demote, 409, 'last_admin');
    // An invited (not yet active) admin does not count.
    await invite(admin, { accountRole: 'account_admin' });
    expectProblem(
      await admin.patch(`/api/team-members/${member.id}`, { accountRole: 'member' }),
      409,
      'last_admin',
    );
    await addMember(service, admin, { accountRole: 'account_admin' });
    const ok = await admin.patch(`/api/team-members/${member.id}`, { accountRole: 'member' });
    expect(ok.body.accountRole).toBe('member');
    expectProblem(await admin.post('/api/workspaces', { name: 'No longer' }), 403, 'forbidden');
  });
});

describe('bulk roles', () => {
  test('one role for 3 members × 5 workspaces in one request; then removed the same way', async () => {
    const admin = service.client();
    await admin.signup();
    const ws = await workspaces(admin, 5);
    const members = [
      await addMember(service, admin),
      await addMember(service, admin),
      await addMember(service, admin),
    ];
    const reply = await admin.post('/api/team-members/bulk-roles', {
      memberIds: members.map((m) => m.id),
      workspaceIds: ws,
      role: 'author',
      hideAttributes: true,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.items).toHaveLength(3);
    for (const item of reply.body.items) {
      expect(item.workspaces.map((w: { workspaceId: string }) => w.workspaceId).sort()).toEqual(
        [...ws].sort(),
      );
      expect(
        item.workspaces.every(
          (w: { role: string; hideAttributes: boolean }) => w.role === 'author' && w.hideAttributes,
        ),
      ).toBe(true);
    }
    expect((await members[1]!.client.get('/api/me')).body.workspaces).toHaveLength(5);

    const removed = await admin.post('/api/team-members/bulk-roles', {
      memberIds: members.map((m) => m.id),
      workspaceIds: ws.slice(0, 2),
      role: null,
    });
    for (const item of removed.body.items) expect(item.workspaces).toHaveLength(3);
  });

  test('all or nothing: one unknown member or workspace changes nothing and is named', async () => {
    const admin = service.client();
    await admin.signup();
    const ws = await workspaces(admin, 5);
    const members = [
      await addMember(service, admin),
      await addMember(service, admin),
      await addMember(service, admin),
    ];
    const before = (await admin.get('/api/team-members')).body;
    const reply = await admin.post('/api/team-members/bulk-roles', {
      memberIds: [members[0]!.id, 'mem_01aaaaaaaaaaaaaaaaaaaaaaaa', members[2]!.id],
      workspaceIds: [...ws, 'ws_01bbbbbbbbbbbbbbbbbbbbbbbb'],
      role: 'viewer',
    });
    expectProblem(reply, 400, 'invalid');
    expect(reply.body.errors).toEqual([
      { path: '/memberIds/1', message: expect.stringContaining('mem_01aaaaaaaaaaaaaaaaaaaaaaaa') },
      { path: '/workspaceIds/5', message: expect.stringContaining('ws_01bbbbbbbbbbbbbbbbbbbbbbbb') },
    ]);
    expect((await admin.get('/api/team-members')).body).toEqual(before);
  });

  test('members with access to All keep their role elsewhere when one workspace changes', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const [w1] = await workspaces(admin, 1);
    const m = await addMember(service, admin, { all: { role: 'viewer' } });
    await admin.post('/api/team-members/bulk-roles', { memberIds: [m.id], workspaceIds: [w1], role: null });
    const after = (await admin.get(`/api/team-members/${m.id}`)).body;
    expect(after.workspaceAccess).toEqual({ mode: 'custom' });
    expect(after.workspaces.map((w: { workspaceId: string }) => w.workspaceId)).toEqual([workspace.id]);
  });

  test('a member with access to All keeps it: a role in some workspaces is held there, new workspaces still include them', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const [w1] = await workspaces(admin, 1);
    const m = await addMember(service, admin, { all: { role: 'viewer' } });
    const reply = await admin.post('/api/team-members/bulk-roles', {
      memberIds: [m.id],
      workspaceIds: [w1],
      role: 'author',
    });
    expect(reply.status).toBe(200);
    const after = (await admin.get(`/api/team-members/${m.id}`)).body;
    expect(after.workspaceAccess).toEqual({ mode: 'all', role: 'viewer', hideAttributes: false });
    const roleIn = (body: { workspaces: { workspaceId: string; role: string }[] }, id: string) =>
      body.workspaces.find((w) => w.workspaceId === id)?.role;
    expect(roleIn(after, w1!)).toBe('author');
    expect(roleIn(after, workspace.id)).toBe('viewer');
    const later = (await admin.post('/api/workspaces', { name: 'Later' })).body;
    expect(roleIn((await admin.get(`/api/team-members/${m.id}`)).body, later.id)).toBe('viewer');
  });

  test('a role in every workspace, in bulk, becomes the All role of a member with All', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const [w1] = await workspaces(admin, 1);
    const m = await addMember(service, admin, { all: { role: 'viewer' } });
    await admin.post('/api/team-members/bulk-roles', {
      memberIds: [m.id],
      workspaceIds: [workspace.id, w1],
      role: 'author',
      hideAttributes: true,
    });
    const after = (await admin.get(`/api/team-members/${m.id}`)).body;
    expect(after.workspaceAccess).toEqual({ mode: 'all', role: 'author', hideAttributes: true });
    expect(after.workspaces).toHaveLength(2);
  });

  test('an Account Admin cannot be given a lesser role in bulk', async () => {
    const admin = service.client();
    const { member, workspace } = await admin.signup();
    const reply = await admin.post('/api/team-members/bulk-roles', {
      memberIds: [member.id],
      workspaceIds: [workspace.id],
      role: 'viewer',
    });
    expectProblem(reply, 400, 'invalid');
    expect(reply.body.errors[0].path).toBe('/memberIds/0');
  });
});

describe('delete', () => {
  test('the deleted member’s very next request is a 401; what they did stays attributed by name', async () => {
    const admin = service.client();
    await admin.signup();
    const m = await addMember(service, admin, { firstName: 'Gone' });
    const ws = (
      await admin.post('/api/workspaces', {
        name: 'Theirs',
        access: [{ memberId: m.id, role: 'workspace_admin' }],
      })
    ).body;
    await m.client.patch(`/api/workspaces/${ws.id}/settings`, { openTracking: false });
    expect((await m.client.get('/api/me')).status).toBe(200);

    expect((await admin.delete(`/api/team-members/${m.id}`)).status).toBe(204);
    expectProblem(await m.client.get('/api/me'), 401, 'unauthenticated');
    expectProblem(await m.client.patch(`/api/workspaces/${ws.id}/settings`, { openTracking: true }), 401);
    expectProblem(await service.client().post('/api/session', { email: m.email, password: m.password }), 401);
    expectProblem(await admin.get(`/api/team-members/${m.id}`), 404);

    const log = (await admin.get(`/api/workspaces/${ws.id}/activity?action=workspace.settings_changed`)).body
      .items;
    expect(log[0].actor).toEqual({ memberId: m.id, name: 'Gone Member', ipAddress: expect.any(String) });
  });

  test('the last Account Admin cannot be deleted; only Account Admins delete', async () => {
    const admin = service.client();
    const { member, workspace } = await admin.signup();
    expectProblem(await admin.delete(`/api/team-members/${member.id}`), 409, 'last_admin');
    const m = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'workspace_admin' }],
    });
    expectProblem(await m.client.delete(`/api/team-members/${member.id}`), 403, 'forbidden');
  });
});

describe('password reset', () => {
  test('an Account Admin sends a link; the old password works until the new one is set, then every session ends', async () => {
    const admin = service.client();
    await admin.signup();
    const m = await addMember(service, admin);
    expect((await admin.post(`/api/team-members/${m.id}/reset-password`)).status).toBe(202);
    const token = tokenOf(await linkInOutboxTable(service, m.email));
    expect(
      (await service.client().post('/api/session', { email: m.email, password: m.password })).status,
    ).toBe(200);
    expect((await service.client().get(`/api/password-resets/${token}`)).body).toMatchObject({
      email: m.email,
    });

    expect(
      (await service.client().post(`/api/password-resets/${token}`, { password: 'brand new password' }))
        .status,
    ).toBe(204);
    expectProblem(await m.client.get('/api/me'), 401, 'unauthenticated');
    expectProblem(await service.client().post('/api/session', { email: m.email, password: m.password }), 401);
    expect(
      (await service.client().post('/api/session', { email: m.email, password: 'brand new password' }))
        .status,
    ).toBe(200);
    expectProblem(
      await service.client().post(`/api/password-resets/${token}`, { password: 'another one!' }),
      410,
      'gone',
    );
  });

  test('a link expires, and a newer one replaces it', async () => {
    const admin = service.client();
    await admin.signup();
    const m = await addMember(service, admin);
    await admin.post(`/api/team-members/${m.id}/reset-password`);
    const first = tokenOf(await linkInOutboxTable(service, m.email));
    await admin.post(`/api/team-members/${m.id}/reset-password`);
    const second = tokenOf(await linkInOutboxTable(service, m.email));
    expectProblem(await service.client().get(`/api/password-resets/${first}`), 410);
    service.clock.advance(25 * 60 * 60 * 1000);
    expectProblem(
      await service.client().post(`/api/password-resets/${second}`, { password: 'too late now' }),
      410,
    );
  });

  test('forgot password answers alike for known and unknown addresses', async () => {
    const admin = service.client();
    const { email } = await admin.signup();
    const known = await service.client().post('/api/password-resets', { email });
    const unknown = await service.client().post('/api/password-resets', { email: 'nobody.here@example.com' });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    // The email is written after the answer: wait for it.
    for (let i = 0; i < 50; i++) {
      const outbox = (await admin.get('/api/outbox')).body.items;
      if (outbox.some((m: { kind: string }) => m.kind === 'password_reset')) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await linkSentTo(admin, email, 'password_reset')).toMatch(/\/reset-password\//);
  });
});

describe('activity', () => {
  test('invite, resend, accept, edit, role change, bulk change, reset and delete are logged', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const m = await addMember(service, admin);
    const pending = await invite(admin);
    await admin.post(`/api/team-members/${pending.id}/resend-invite`);
    await admin.post(`/api/team-members/${pending.id}/revoke-invite`);
    await admin.patch(`/api/team-members/${m.id}`, { firstName: 'Renamed' });
    await admin.patch(`/api/team-members/${m.id}`, {
      workspaceAccess: { mode: 'custom', roles: [{ workspaceId: workspace.id, role: 'viewer' }] },
    });
    await admin.post('/api/team-members/bulk-roles', {
      memberIds: [m.id],
      workspaceIds: [workspace.id],
      role: 'author',
    });
    await admin.post(`/api/team-members/${m.id}/reset-password`);
    await admin.delete(`/api/team-members/${m.id}`);
    const actions = (await admin.get('/api/account/activity?limit=200')).body.items.map(
      (e: { action: string }) => e.action,
    );
    for (const action of [
      'team_member.invited',
      'team_member.invite_accepted',
      'team_member.invite_resent',
      'team_member.invite_revoked',
      'team_member.updated',
      'team_member.roles_changed',
      'team_member.password_reset_requested',
      'team_member.deleted',
    ]) {
      expect(actions).toContain(action);
    }
    const bulk = (await admin.get(`/api/account/activity?targetId=${m.id}&action=team_member.roles_changed`))
      .body.items;
    expect(bulk[0]).toMatchObject({
      before: { workspaces: [{ role: 'viewer' }] },
      after: { workspaces: [{ role: 'author' }], bulk: true },
    });
  });
});
