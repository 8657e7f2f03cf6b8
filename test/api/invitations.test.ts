import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Client, expectProblem, uniqueEmail } from '../support/client.js';
import { addMember, invite, linkSentTo, tokenOf } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const DAY = 24 * 60 * 60 * 1000;
const acceptBody = {
  firstName: 'Ivy',
  lastName: 'Invitee',
  password: 'invitee password',
  marketingOptIn: true,
};

describe('invite', () => {
  test('an invited member shows as invited with "Invite sent", and gets an email with a link', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup({ firstName: 'Ada', lastName: 'Admin' });
    const email = uniqueEmail('new');
    const reply = await admin.post('/api/team-members', {
      firstName: 'Ivy',
      lastName: 'Invitee',
      email,
      permissions: { billing: true, supportAccess: true },
      workspaceAccess: {
        mode: 'custom',
        roles: [{ workspaceId: workspace.id, role: 'author', hideAttributes: true }],
      },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      id: expect.stringMatching(/^mem_/),
      email,
      accountRole: 'member',
      permissions: { billing: true, apiCredentials: false, supportAccess: true },
      workspaceAccess: { mode: 'custom' },
      workspaces: [{ workspaceId: workspace.id, role: 'author', hideAttributes: true }],
      status: 'invited',
      lastLoginAt: null,
      inviteSentAt: expect.any(String),
    });
    expect(JSON.stringify(reply.body)).not.toMatch(/token|hash/i);
    const outbox = (await admin.get('/api/outbox')).body.items;
    const message = outbox.find((m: { to: string }) => m.to === email);
    expect(message).toMatchObject({
      kind: 'invitation',
      subject: expect.stringContaining('Ada Admin invited you'),
    });
    expect(message.text).toContain('expires');
    expect(message.html).toMatch(/<a href="http:\/\/localhost:\d+\/invitations\/[\w-]{43}">/);
    const listed = (await admin.get('/api/team-members')).body.items.find(
      (m: { email: string }) => m.email === email,
    );
    expect(listed.status).toBe('invited');
  });

  test('only Account Admins invite', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const wsAdmin = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'workspace_admin' }],
    });
    const reply = await wsAdmin.client.post('/api/team-members', {
      firstName: 'A',
      lastName: 'B',
      email: uniqueEmail(),
    });
    expectProblem(reply, 403, 'forbidden');
    expect(reply.body.permission).toBe('team_members.manage');
  });

  test('workspace access is checked: hide attributes only for Authors and Viewers, known workspaces, admins as Workspace Admins', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const reply = await admin.post('/api/team-members', {
      firstName: 'A',
      lastName: 'B',
      email: uniqueEmail(),
      workspaceAccess: {
        mode: 'custom',
        roles: [
          { workspaceId: workspace.id, role: 'workspace_admin', hideAttributes: true },
          { workspaceId: 'ws_01aaaaaaaaaaaaaaaaaaaaaaaa', role: 'viewer' },
        ],
      },
    });
    expectProblem(reply, 400, 'invalid');
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toEqual([
      '/workspaceAccess/roles/0/hideAttributes',
      '/workspaceAccess/roles/1/workspaceId',
    ]);
    const adminAsViewer = await admin.post('/api/team-members', {
      firstName: 'A',
      lastName: 'B',
      email: uniqueEmail(),
      accountRole: 'account_admin',
      workspaceAccess: { mode: 'all', role: 'viewer' },
    });
    expectProblem(adminAsViewer, 400, 'invalid');
    expect(adminAsViewer.body.errors[0].path).toBe('/workspaceAccess/role');
    // Nothing was written.
    expect((await admin.get('/api/team-members')).body.items).toHaveLength(1);
  });

  test('an email of another account is refused, and one already in this account too, whatever the case', async () => {
    const other = service.client();
    const { email: taken } = await other.signup();
    await other.post('/api/workspaces', { name: 'Not a lone trial any more' });
    await addMember(service, other); // two members: not a trial its owner may cancel alone

    const admin = service.client();
    const { email: own } = await admin.signup();
    const elsewhere = await admin.post('/api/team-members', {
      firstName: 'A',
      lastName: 'B',
      email: taken.toUpperCase(),
    });
    expectProblem(elsewhere, 409, 'email_in_other_account');
    expect(elsewhere.body.detail).toContain('belongs to another Atrium account');
    expectProblem(
      await admin.post('/api/team-members', { firstName: 'A', lastName: 'B', email: own }),
      409,
      'already_member',
    );
  });

  test('the plan’s team-member limit applies, atomically', async () => {
    const admin = service.client();
    await admin.signup({ plan: 'team' }); // 10 members
    for (let i = 0; i < 8; i++) await invite(admin);
    const replies = await Promise.all(
      Array.from({ length: 6 }, () =>
        admin.post('/api/team-members', { firstName: 'A', lastName: 'B', email: uniqueEmail() }),
      ),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = replies.filter((r) => r.status === 409);
    expect(refused).toHaveLength(5);
    expect(refused[0]!.body).toMatchObject({
      code: 'limit_reached',
      limit: 'teamMembers',
      plan: 'team',
      max: 10,
    });
  });
});

describe('the invitation link', () => {
  test('shows the account, inviter, email and workspaces; accepting signs in to the first workspace granted', async () => {
    const admin = service.client();
    const { workspace, account } = await admin.signup({ firstName: 'Ada', lastName: 'Admin' });
    const second = (await admin.post('/api/workspaces', { name: 'Second' })).body;
    const { id, email, token } = await invite(admin, {
      roles: [
        { workspaceId: second.id, role: 'viewer' },
        { workspaceId: workspace.id, role: 'author' },
      ],
    });
    const anonymous = service.client();
    const view = await anonymous.get(`/api/invitations/${token}`);
    expect(view.body).toEqual({
      accountName: account.name,
      inviterName: 'Ada Admin',
      email,
      firstName: 'Mo',
      lastName: 'Member',
      workspaces: [
        { id: workspace.id, name: workspace.name, role: 'author' },
        { id: second.id, name: 'Second', role: 'viewer' },
      ],
      expiresAt: expect.any(String),
      singleSignOn: null,
      trialToCancel: null,
    });
    const accepted = await anonymous.post(`/api/invitations/${token}/accept`, acceptBody);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      member: { id, firstName: 'Ivy', lastName: 'Invitee', status: 'active' },
      currentWorkspaceId: workspace.id,
    });
    const me = await anonymous.get('/api/me');
    expect(me.body).toMatchObject({ member: { id }, currentWorkspaceId: workspace.id });
    expect(me.body.workspaces.map((w: { id: string }) => w.id)).toEqual([workspace.id, second.id]);
    const listed = (await admin.get(`/api/team-members/${id}`)).body;
    expect(listed).toMatchObject({ status: 'active', lastLoginAt: expect.any(String) });
    // …and they can log in with the password they chose.
    expect(
      (await service.client().post('/api/session', { email, password: acceptBody.password })).status,
    ).toBe(200);
  });

  test('a link works once: reused → 410; two accepts at once → one wins', async () => {
    const admin = service.client();
    await admin.signup();
    const { token } = await invite(admin);
    const [a, b] = await Promise.all([
      service.client().post(`/api/invitations/${token}/accept`, acceptBody),
      service.client().post(`/api/invitations/${token}/accept`, acceptBody),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 410]);
    expectProblem(await service.client().post(`/api/invitations/${token}/accept`, acceptBody), 410, 'gone');
    expectProblem(await service.client().get(`/api/invitations/${token}`), 410, 'gone');
  });

  test('an 8-day-old link → 410, and the member shows as expired', async () => {
    const admin = service.client();
    await admin.signup();
    const { id, token } = await invite(admin);
    service.clock.advance(6 * DAY);
    expect((await service.client().get(`/api/invitations/${token}`)).status).toBe(200);
    service.clock.advance(2 * DAY);
    const expired = await service.client().post(`/api/invitations/${token}/accept`, acceptBody);
    expectProblem(expired, 410, 'gone');
    expect(expired.body.detail).toContain('expired');
    expect((await admin.get(`/api/team-members/${id}`)).body.status).toBe('expired');
  });

  test('an unknown token → 404', async () => {
    expectProblem(await service.client().get('/api/invitations/not-a-token'), 404, 'not_found');
  });

  test('resend: a new link, the old one dead; revoke: the link dead and the member gone', async () => {
    const admin = service.client();
    await admin.signup();
    const { id, email, token: old } = await invite(admin);
    service.clock.advance(1000);
    expect((await admin.post(`/api/team-members/${id}/resend-invite`)).status).toBe(202);
    const fresh = tokenOf(await linkSentTo(admin, email));
    expect(fresh).not.toBe(old);
    expectProblem(await service.client().get(`/api/invitations/${old}`), 410, 'gone');
    expect((await service.client().get(`/api/invitations/${fresh}`)).status).toBe(200);

    expect((await admin.post(`/api/team-members/${id}/revoke-invite`)).status).toBe(204);
    expectProblem(await service.client().get(`/api/invitations/${fresh}`), 404, 'not_found');
    expectProblem(await admin.get(`/api/team-members/${id}`), 404, 'not_found');
  });

  test('resend and revoke are for pending invitations only', async () => {
    const admin = service.client();
    await admin.signup();
    const member = await addMember(service, admin);
    expectProblem(await admin.post(`/api/team-members/${member.id}/resend-invite`), 409, 'not_invited');
    expectProblem(await admin.post(`/api/team-members/${member.id}/revoke-invite`), 409, 'not_invited');
  });

  test('accepting needs names, a password of 8+ characters and the marketing choice', async () => {
    const admin = service.client();
    await admin.signup();
    const { token } = await invite(admin);
    const reply = await service
      .client()
      .post(`/api/invitations/${token}/accept`, { firstName: 'A', password: 'short' });
    expectProblem(reply, 400, 'invalid');
    expect(reply.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '/lastName',
      '/marketingOptIn',
      '/password',
    ]);
    // A refused accept does not use up the link.
    expect((await service.client().post(`/api/invitations/${token}/accept`, acceptBody)).status).toBe(200);
  });
});

/** The signed-in member uses the verification link that sign-up emailed them. */
async function verifyOwnEmail(member: Client, email: string) {
  const token = tokenOf(await linkSentTo(member, email, 'email_verification'));
  expect((await service.client().post(`/api/email-verifications/${token}`)).status).toBe(204);
}

describe('a trial in the way', () => {
  test('someone alone in a trial account may cancel it, with its password, to accept an invitation', async () => {
    const loner = service.client();
    const { email, password } = await loner.signup({ accountName: 'My Trial' });
    // A verified address is claimed: only its trial's password gives it up (issue 18).
    await verifyOwnEmail(loner, email);
    const admin = service.client();
    await admin.signup();
    const reply = await admin.post('/api/team-members', { firstName: 'Lo', lastName: 'Ner', email });
    expect(reply.status).toBe(201);
    const token = tokenOf(await linkSentTo(admin, email));
    expect((await admin.get('/api/outbox')).body.items[0].text).toContain('trial account "My Trial"');

    const visitor = service.client();
    expect((await visitor.get(`/api/invitations/${token}`)).body.trialToCancel).toEqual({
      accountName: 'My Trial',
      passwordRequired: true,
    });
    expectProblem(
      await visitor.post(`/api/invitations/${token}/accept`, acceptBody),
      409,
      'trial_in_the_way',
    );
    const wrong = await visitor.post(`/api/invitations/${token}/accept`, {
      ...acceptBody,
      cancelTrial: { password: 'not it' },
    });
    expectProblem(wrong, 401, 'invalid_credentials');
    expect(wrong.body.errors[0].path).toBe('/cancelTrial/password');
    // The refusals used up nothing.
    const accepted = await visitor.post(`/api/invitations/${token}/accept`, {
      ...acceptBody,
      cancelTrial: { password },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.member.id).toBe(reply.body.id);

    // The trial is gone: its session and its password with it.
    expectProblem(await loner.get('/api/me'), 401, 'unauthenticated');
    expectProblem(await service.client().post('/api/session', { email, password }), 401);
    expect(
      (await service.client().post('/api/session', { email, password: acceptBody.password })).status,
    ).toBe(200);
  });

  test('an inviter who reads the link cannot cancel someone else’s trial', async () => {
    const victim = service.client();
    const { email, password } = await victim.signup({ accountName: 'Victim' });
    await verifyOwnEmail(victim, email);
    const attacker = service.client();
    await attacker.signup();
    await attacker.post('/api/team-members', { firstName: 'V', lastName: 'V', email });
    const token = tokenOf(await linkSentTo(attacker, email));
    expectProblem(
      await attacker.post(`/api/invitations/${token}/accept`, acceptBody),
      409,
      'trial_in_the_way',
    );
    for (let i = 0; i < 10; i++) {
      const guess = { ...acceptBody, cancelTrial: { password: `guess ${i}` } };
      expectProblem(
        await service.client().post(`/api/invitations/${token}/accept`, guess),
        401,
        'invalid_credentials',
      );
    }
    // Guesses count against the address's login limit.
    const limited = { ...acceptBody, cancelTrial: { password: 'guess 11' } };
    expectProblem(
      await service.client().post(`/api/invitations/${token}/accept`, limited),
      429,
      'too_many_requests',
    );
    expect((await victim.get('/api/me')).status).toBe(200);
    service.clock.advance(service.config.loginLimits.windowMs + 1000);
    expect((await service.client().post('/api/session', { email, password })).status).toBe(200);
  });

  test('an account past its trial is not a trial: its address cannot be invited elsewhere', async () => {
    const former = service.client();
    const { email } = await former.signup();
    service.clock.advance(15 * DAY);
    const admin = service.client();
    await admin.signup();
    expectProblem(
      await admin.post('/api/team-members', { firstName: 'A', lastName: 'B', email }),
      409,
      'email_in_other_account',
    );
  });

  test('choosing a plan ends the trial', async () => {
    const chooser = service.client();
    const { email } = await chooser.signup();
    expect((await chooser.patch('/api/account', { plan: 'team' })).body.trialEndsAt).toBeNull();
    const admin = service.client();
    await admin.signup();
    expectProblem(
      await admin.post('/api/team-members', { firstName: 'A', lastName: 'B', email }),
      409,
      'email_in_other_account',
    );
  });
});
