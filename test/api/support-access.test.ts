import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { issueSignInLink } from '../../src/features/support/sessions.js';
import { type Client, expectProblem } from '../support/client.js';
import { addMember } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';

// Support access (issue #22): grants made over HTTP, sign-in links made the way the operator's
// command makes them (issueSignInLink; test/api/support-access-cli.test.ts runs the command itself).

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const HOUR = 60 * 60 * 1000;
const inHours = (hours: number) => new Date(service.clock.now().getTime() + hours * HOUR).toISOString();

async function account(plan = 'premium') {
  const admin = service.client();
  const signed = await admin.signup({ plan });
  const second = await admin.post('/api/workspaces', { name: 'Second' });
  expect(second.status, JSON.stringify(second.body)).toBe(201);
  return { admin, ...signed, other: second.body as { id: string; name: string } };
}

async function grant(admin: Client, body: Record<string, unknown>) {
  const reply = await admin.post('/api/account/support-grants', {
    role: 'viewer',
    hideAttributes: false,
    expiresAt: inHours(24),
    reason: 'ticket 123',
    ...body,
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { id: string; status: string; expiresAt: string };
}

/** The operator's link, opened in a browser of its own: the support agent's client. */
async function supportSignIn(grantId: string, agent = 'sam@operator') {
  const { link } = await issueSignInLink(service.ctx, { grantId, agent, reason: 'ticket 123' });
  const token = new URL(link).hash.slice(1);
  const client = service.client();
  const reply = await client.post('/api/support/sign-in', { token });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return { client, token };
}

describe('grants', () => {
  test('an Account Admin grants, lists and revokes; the answer says what, for whom, until when', async () => {
    const { admin, workspace } = await account();
    const created = await grant(admin, {
      workspaceIds: [workspace.id],
      role: 'author',
      hideAttributes: true,
    });
    expect(created).toMatchObject({
      id: expect.stringMatching(/^grt_[0-9a-z]{26}$/),
      workspaces: [{ id: workspace.id, name: workspace.name }],
      role: 'author',
      hideAttributes: true,
      reason: 'ticket 123',
      status: 'active',
      revokedAt: null,
      sessions: [],
    });
    const listed = await admin.get('/api/account/support-grants');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((g: { id: string }) => g.id)).toEqual([created.id]);
    expect((await admin.delete(`/api/account/support-grants/${created.id}`)).status).toBe(204);
    const after = await admin.get('/api/account/support-grants');
    expect(after.body.items[0]).toMatchObject({ status: 'revoked', revokedBy: 'Ada Admin' });
    expectProblem(await admin.delete(`/api/account/support-grants/${created.id}`), 409, 'conflict');
  });

  test('bad input: 422 naming the workspaces not of this account, the expiry bound, the role rule', async () => {
    const { admin, workspace } = await account();
    const stranger = await account();
    const post = (body: Record<string, unknown>) =>
      admin.post('/api/account/support-grants', {
        workspaceIds: 'all',
        role: 'viewer',
        hideAttributes: false,
        expiresAt: inHours(24),
        reason: 'ticket',
        ...body,
      });
    const foreign = await post({ workspaceIds: [workspace.id, stranger.workspace.id, 'ws_nope'] });
    expectProblem(foreign, 422, 'support_grant_invalid');
    expect(foreign.body.detail).toContain('Not a workspace of this account');
    expect(foreign.body.detail).toContain(stranger.workspace.id);
    expect(foreign.body.detail).toContain('ws_nope');
    expect(foreign.body.detail).not.toContain(workspace.id);
    const past = await post({ expiresAt: inHours(-1) });
    expectProblem(past, 422, 'support_grant_invalid');
    expect(past.body.detail).toMatch(/in the future/);
    const far = await post({ expiresAt: inHours(7 * 24 + 1) });
    expectProblem(far, 422, 'support_grant_invalid');
    expect(far.body.detail).toMatch(/at most 7 days/);
    const hidden = await post({ role: 'workspace_admin', hideAttributes: true });
    expectProblem(hidden, 422, 'support_grant_invalid');
    expect(hidden.body.detail).toMatch(/hide attributes applies to Authors and Viewers only/);
    expectProblem(await post({ role: 'owner' }), 400, 'invalid');
    expectProblem(await post({ reason: '' }), 400, 'invalid');
    expectProblem(await post({ expiresAt: 'tomorrow' }), 400, 'invalid');
    expect((await admin.get('/api/account/support-grants')).body.items).toEqual([]);
  });

  test('a Member needs the flag; another account’s grant is not found', async () => {
    const { admin, workspace } = await account();
    const member = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer' }],
    });
    expectProblem(await member.client.get('/api/account/support-grants'), 403, 'forbidden');
    const flagged = await admin.patch(`/api/team-members/${member.id}`, {
      permissions: { supportAccess: true },
    });
    expect(flagged.status, JSON.stringify(flagged.body)).toBe(200);
    // "all" is for Account Admins (support-access-reach.test.ts): a Member names what they can enter.
    const made = await grant(member.client, { workspaceIds: [workspace.id] });
    const stranger = await account();
    expectProblem(await stranger.admin.delete(`/api/account/support-grants/${made.id}`), 404, 'not_found');
    expect((await stranger.admin.get('/api/account/support-grants')).body.items).toEqual([]);
  });
});

describe('a support session', () => {
  test('holds exactly the grant: the role in the granted workspace, no other', async () => {
    const { admin, workspace, other } = await account();
    const made = await grant(admin, { workspaceIds: [workspace.id], role: 'viewer', hideAttributes: true });
    const { client } = await supportSignIn(made.id);
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.support).toEqual({
      agent: 'sam@operator',
      grantId: made.id,
      expiresAt: expect.any(String),
    });
    expect(me.body.member.accountRole).toBe('member');
    expect(me.body.member.permissions).toEqual({
      billing: false,
      apiCredentials: false,
      supportAccess: false,
    });
    expect(me.body.workspaces).toEqual([
      expect.objectContaining({ id: workspace.id, role: 'viewer', hideAttributes: true }),
    ]);
    // What the console asks to draw itself: its own permissions (no member row behind them).
    const own = await client.get(
      `/api/team-members/${me.body.member.id}/permissions?workspaceId=${workspace.id}`,
    );
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    const allowed = new Set(
      own.body.permissions.filter((p: { allowed: boolean }) => p.allowed).map((p: { key: string }) => p.key),
    );
    expect(allowed.has('workspace.view')).toBe(true);
    expect(allowed.has('workspace.settings.edit')).toBe(false);
    expect(allowed.has('support_access.manage')).toBe(false);
    expect((await client.get(`/api/workspaces/${workspace.id}/people`)).status).toBe(200);
    expectProblem(await client.get(`/api/workspaces/${other.id}/people`), 404);
    // A Viewer does not add people.
    expectProblem(
      await client.post(`/api/workspaces/${workspace.id}/people`, { email: 'p@example.com' }),
      403,
    );
  });

  test('cannot manage team members, API keys, SSO, SCIM, grants or transfers, nor act as a person of the account', async () => {
    const { admin, workspace } = await account();
    const made = await grant(admin, { workspaceIds: 'all', role: 'workspace_admin' });
    const { client } = await supportSignIn(made.id);
    const refused: [string, string, unknown?][] = [
      ['POST', '/api/team-members'],
      ['GET', '/api/account/activity'],
      ['POST', `/api/workspaces/${workspace.id}/api-keys`, { kind: 'app' }],
      ['GET', `/api/workspaces/${workspace.id}/api-keys`],
      ['GET', '/api/account/sso'],
      ['GET', '/api/account/scim-tokens'],
      ['POST', '/api/account/scim-tokens', { name: 'x' }],
      ['GET', '/api/account/support-grants'],
      [
        'POST',
        '/api/account/support-grants',
        { workspaceIds: 'all', role: 'viewer', expiresAt: inHours(1), reason: 'x' },
      ],
      ['DELETE', `/api/account/support-grants/${made.id}`],
      ['POST', `/api/workspaces/${workspace.id}/transfers`, { targetAccountId: 'acc_elsewhere' }],
      ['GET', '/api/workspace-transfers'],
    ];
    for (const [method, path, body] of refused) {
      expectProblem(
        await client.request(method, path, method === 'GET' ? undefined : (body ?? {})),
        403,
        'forbidden',
      );
    }
    const own: [string, string, unknown][] = [
      ['PATCH', '/api/me', { firstName: 'Eve' }],
      ['PUT', '/api/me/password', { currentPassword: 'x', newPassword: 'a brand new password 1' }],
      ['PUT', '/api/me/current-workspace', { workspaceId: workspace.id }],
      ['DELETE', '/api/me/sessions', {}],
      ['POST', '/api/me/two-factor/totp', {}],
      ['POST', '/api/me/passkeys/registration-options', {}],
      ['POST', '/api/me/reauthenticate', { password: 'x' }],
      ['POST', '/api/me/email-verification', {}],
      ['PATCH', `/api/team-members/${made.id}`, { firstName: 'Eve' }],
    ];
    for (const [method, path, body] of own) {
      const reply = await client.request(method, path, body);
      expectProblem(reply, 403, 'support_session_refused');
      expect(reply.body.detail).toMatch(/^Support sessions cannot do that/);
    }
    // It still works, and logs out.
    expect((await client.get('/api/me')).status).toBe(200);
    expect((await client.delete('/api/session')).status).toBe(204);
    expectProblem(await client.get('/api/me'), 401);
    const ended = (await admin.get('/api/account/activity?action=support_session.ended')).body.items;
    expect(ended[0]?.summary).toBe(`Support (sam@operator) via grant ${made.id} signed out`);
  });

  test('what it changes is in the log as “Support (agent) via grant …”; admins are emailed; members see the banner', async () => {
    const { admin, workspace } = await account();
    const member = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer' }],
    });
    expect((await member.client.get('/api/me')).body.supportSignedInUntil).toBeNull();
    const made = await grant(admin, {
      workspaceIds: [workspace.id],
      role: 'workspace_admin',
      expiresAt: inHours(5),
    });
    const { client } = await supportSignIn(made.id, 'sam@operator');
    const banner = await member.client.get('/api/me');
    expect(banner.body.supportSignedInUntil).toBe(made.expiresAt);

    const changed = await client.patch(`/api/workspaces/${workspace.id}/settings`, { openTracking: false });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const author = `Support (sam@operator) via grant ${made.id}`;
    const log = (await admin.get('/api/account/activity')).body.items as {
      action: string;
      actor: { memberId: string | null; name: string };
      summary: string;
    }[];
    const settings = log.find((e) => e.action === 'workspace.settings_changed')!;
    expect(settings.actor).toMatchObject({ memberId: null, name: author });
    expect(settings.summary).toContain(author);
    const started = log.find((e) => e.action === 'support_session.started')!;
    expect(started.actor).toMatchObject({ memberId: null, name: author });
    expect(started.summary).toContain('ticket 123');
    expect(log.find((e) => e.action === 'support_grant.created')?.summary).toMatch(
      /^Ada Admin let support in as Workspace Admin until/,
    );

    const outbox = (await admin.get('/api/outbox')).body.items as {
      kind: string;
      to: string;
      text: string;
    }[];
    const email = outbox.find((m) => m.kind === 'support_session_started');
    expect(email?.to).toBe((await admin.get('/api/me')).body.member.email);
    for (const part of ['sam@operator', 'ticket 123', made.id, 'revoke']) expect(email?.text).toContain(part);

    // Revoked: the session ends at once, the banner goes.
    expect((await admin.delete(`/api/account/support-grants/${made.id}`)).status).toBe(204);
    expectProblem(await client.get('/api/me'), 401);
    expect((await member.client.get('/api/me')).body.supportSignedInUntil).toBeNull();
    const listed = (await admin.get('/api/account/support-grants')).body.items[0];
    expect(listed.sessions).toEqual([
      expect.objectContaining({ agent: 'sam@operator', reason: 'ticket 123', endedAt: expect.any(String) }),
    ]);
    const revoked = (await admin.get('/api/account/activity?action=support_grant.revoked')).body.items[0];
    expect(revoked.summary).toContain('ending 1 session');
  });

  test('"all" reaches workspaces made later; the session ends at the grant’s expiry, not later', async () => {
    const { admin } = await account();
    const made = await grant(admin, { workspaceIds: 'all', role: 'author', expiresAt: inHours(2) });
    const { client } = await supportSignIn(made.id);
    const third = await admin.post('/api/workspaces', { name: 'Third' });
    expect(third.status).toBe(201);
    const me = await client.get('/api/me');
    expect(me.body.workspaces.map((w: { id: string }) => w.id)).toContain(third.body.id);
    expect(me.body.workspaces.every((w: { role: string }) => w.role === 'author')).toBe(true);
    service.clock.advance(2 * HOUR - 60_000);
    expect((await client.get('/api/me')).status).toBe(200);
    service.clock.advance(61_000);
    expectProblem(await client.get('/api/me'), 401);
    expect((await admin.get('/api/account/support-grants')).body.items[0].status).toBe('expired');
    await expect(
      issueSignInLink(service.ctx, { grantId: made.id, agent: 'a', reason: 'b' }),
    ).rejects.toMatchObject({
      code: 'gone',
      detail: expect.stringMatching(/expired/),
    });
  });
});

test('an Author support session creates content and people: named, with no member id anywhere', async () => {
  const { admin, workspace } = await account();
  const made = await grant(admin, { workspaceIds: [workspace.id], role: 'author' });
  const { client } = await supportSignIn(made.id, 'ana@operator');
  const author = `Support (ana@operator) via grant ${made.id}`;
  const snippet = await client.post(`/api/workspaces/${workspace.id}/snippets`, {
    name: 'footer',
    value: '<p>Hi</p>',
  });
  expect(snippet.status, JSON.stringify(snippet.body)).toBe(201);
  const rows = await queryRows<{ created_by_member_id: string | null; created_by_name: string }>(
    service.database.db,
    sql`SELECT created_by_member_id, created_by_name FROM resources WHERE workspace_id = ${workspace.id}`,
  );
  expect(rows).toEqual([{ created_by_member_id: null, created_by_name: author }]);
  const log = (await admin.get(`/api/account/activity?targetId=${snippet.body.id}`)).body.items;
  expect(log[0].actor).toMatchObject({ memberId: null, name: author });
});

describe('the sign-in link', () => {
  test('works once, for 10 minutes, inside a live grant', async () => {
    const { admin } = await account();
    const made = await grant(admin, { workspaceIds: 'all' });
    const { token } = await supportSignIn(made.id);
    const again = await service.client().post('/api/support/sign-in', { token });
    expectProblem(again, 410, 'gone');
    expect(again.body.detail).toMatch(/already used/);
    expectProblem(await service.client().post('/api/support/sign-in', { token: 'nope' }), 404, 'not_found');
    expectProblem(await service.client().post('/api/support/sign-in', {}), 400, 'invalid');

    const late = await issueSignInLink(service.ctx, { grantId: made.id, agent: 'a', reason: 'b' });
    service.clock.advance(10 * 60 * 1000 + 1000);
    const expired = await service
      .client()
      .post('/api/support/sign-in', { token: new URL(late.link).hash.slice(1) });
    expectProblem(expired, 410, 'gone');
    expect(expired.body.detail).toMatch(/expired/);

    const pending = await issueSignInLink(service.ctx, { grantId: made.id, agent: 'a', reason: 'b' });
    expect((await admin.delete(`/api/account/support-grants/${made.id}`)).status).toBe(204);
    const afterRevoke = await service.client().post('/api/support/sign-in', {
      token: new URL(pending.link).hash.slice(1),
    });
    expectProblem(afterRevoke, 410, 'gone');
    expect(afterRevoke.body.detail).toMatch(/revoked/);
    await expect(
      issueSignInLink(service.ctx, { grantId: made.id, agent: 'a', reason: 'b' }),
    ).rejects.toMatchObject({
      code: 'gone',
      detail: expect.stringMatching(/revoked/),
    });
    await expect(
      issueSignInLink(service.ctx, { grantId: 'grt_nope', agent: 'a', reason: 'b' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
