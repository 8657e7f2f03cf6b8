import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { issueSignInLink } from '../../src/features/support/sessions.js';
import { type Client, expectProblem } from '../support/client.js';
import { addMember } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';

// The review of support access (issue #22): what a flag holder may grant, what a support caller
// may send, and how its work and refusals read. Same helpers as support-access.test.ts.

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const HOUR = 60 * 60 * 1000;
const inHours = (hours: number) => new Date(service.clock.now().getTime() + hours * HOUR).toISOString();

async function account() {
  const admin = service.client();
  const signed = await admin.signup({ plan: 'premium' });
  const second = await admin.post('/api/workspaces', { name: 'Second' });
  expect(second.status, JSON.stringify(second.body)).toBe(201);
  return { admin, ...signed, other: second.body as { id: string; name: string } };
}

const grantBody = (body: Record<string, unknown>) => ({
  role: 'viewer',
  hideAttributes: false,
  expiresAt: inHours(24),
  reason: 'ticket 123',
  ...body,
});

async function grant(client: Client, body: Record<string, unknown>) {
  const reply = await client.post('/api/account/support-grants', grantBody(body));
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { id: string };
}

async function supportSignIn(grantId: string, agent = 'sam@operator') {
  const { link } = await issueSignInLink(service.ctx, { grantId, agent, reason: 'ticket 123' });
  const client = service.client();
  const reply = await client.post('/api/support/sign-in', { token: new URL(link).hash.slice(1) });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return client;
}

/** A Member with the support flag: Author with hidden attributes in the first workspace, none in the second. */
async function flagHolder(admin: Client, workspaceId: string) {
  const member = await addMember(service, admin, {
    roles: [{ workspaceId, role: 'author', hideAttributes: true }],
  });
  const flagged = await admin.patch(`/api/team-members/${member.id}`, {
    permissions: { supportAccess: true },
  });
  expect(flagged.status, JSON.stringify(flagged.body)).toBe(200);
  return member;
}

describe('a Member with the support flag grants within their own reach', () => {
  test('only workspaces they can enter, never "all", at most their own role and hiding', async () => {
    const { admin, workspace, other } = await account();
    const { client } = await flagHolder(admin, workspace.id);
    const hidden = await client.post('/api/account/support-grants', grantBody({ workspaceIds: [other.id] }));
    const nowhere = await client.post(
      '/api/account/support-grants',
      grantBody({ workspaceIds: ['ws_doesnotexist'] }),
    );
    expectProblem(hidden, 422, 'support_grant_invalid');
    expectProblem(nowhere, 422, 'support_grant_invalid');
    // A workspace they cannot see answers like one that does not exist: its name is not said.
    expect(hidden.body.detail).not.toContain('Second');
    expect(hidden.body.errors[0].path).toBe('/workspaceIds/0');
    expect(hidden.body.detail.replace(other.id, 'X')).toBe(
      nowhere.body.detail.replace('ws_doesnotexist', 'X'),
    );

    const all = await client.post('/api/account/support-grants', grantBody({ workspaceIds: 'all' }));
    expectProblem(all, 422, 'support_grant_invalid');
    expect(all.body.errors[0].path).toBe('/workspaceIds');
    const admins = await client.post(
      '/api/account/support-grants',
      grantBody({ workspaceIds: [workspace.id], role: 'workspace_admin' }),
    );
    expectProblem(admins, 422, 'support_grant_invalid');
    expect(admins.body.errors[0].path).toBe('/role');
    const seeing = await client.post(
      '/api/account/support-grants',
      grantBody({ workspaceIds: [workspace.id], role: 'author', hideAttributes: false }),
    );
    expectProblem(seeing, 422, 'support_grant_invalid');
    expect(seeing.body.errors[0].path).toBe('/hideAttributes');
    await grant(client, { workspaceIds: [workspace.id], role: 'author', hideAttributes: true });
    await grant(client, { workspaceIds: [workspace.id], role: 'viewer', hideAttributes: true });
    // An Account Admin is not bound by any of it.
    await grant(admin, { workspaceIds: 'all', role: 'workspace_admin' });
  });

  test('the list names only the workspaces they can see', async () => {
    const { admin, workspace, other } = await account();
    const { client } = await flagHolder(admin, workspace.id);
    await grant(admin, { workspaceIds: [workspace.id, other.id] });
    const [listed] = (await client.get('/api/account/support-grants')).body.items;
    expect(listed.workspaces).toEqual([
      { id: workspace.id, name: workspace.name },
      { id: other.id, name: 'a workspace you cannot see' },
    ]);
    const [forAdmin] = (await admin.get('/api/account/support-grants')).body.items;
    expect(forAdmin.workspaces[1]).toEqual({ id: other.id, name: 'Second' });
  });

  test('a workspace moved to another account reads "no longer in this account"', async () => {
    const { admin, other } = await account();
    const elsewhere = await account();
    await grant(admin, { workspaceIds: [other.id] });
    // As a transfer leaves it (src/features/transfers): the row now belongs to the other account.
    await queryRows(
      service.database.db,
      sql`UPDATE workspaces SET account_id = ${elsewhere.account.id}, name = 'Moved' WHERE id = ${other.id}`,
    );
    const [listed] = (await admin.get('/api/account/support-grants')).body.items;
    expect(listed.workspaces).toEqual([{ id: other.id, name: 'a workspace no longer in this account' }]);
  });
});

describe('input', () => {
  test('a leap second is no time: 422 on /expiresAt, not a 500', async () => {
    const { admin, workspace } = await account();
    const leap = await admin.post(
      '/api/account/support-grants',
      grantBody({ workspaceIds: [workspace.id], expiresAt: '2026-12-05T23:59:60Z' }),
    );
    expectProblem(leap, 422, 'support_grant_invalid');
    expect(leap.body.errors).toEqual([
      { path: '/expiresAt', message: expect.stringMatching(/not a real time/) },
    ]);
  });

  test('reasons and agent names are one line of printable text', async () => {
    const { admin, workspace } = await account();
    for (const reason of ['ticket 1\nBcc: x@example.com', ' ', 'tab\tinside']) {
      const refused = await admin.post(
        '/api/account/support-grants',
        grantBody({ workspaceIds: [workspace.id], reason }),
      );
      expectProblem(refused, 400, 'invalid');
      expect(refused.body.errors).toEqual([
        { path: '/reason', message: expect.stringMatching(/one line of text/) },
      ]);
    }
    const made = await grant(admin, { workspaceIds: [workspace.id] });
    for (const bad of [{ agent: 'sam\r\nBcc: x' }, { reason: 'x'.repeat(501) }, { agent: '' }])
      await expect(
        issueSignInLink(service.ctx, { grantId: made.id, agent: 'sam', reason: 'ticket', ...bad }),
      ).rejects.toMatchObject({ code: 'invalid', detail: expect.stringMatching(/one line of text/) });
  });
});

describe('a support session', () => {
  test('cannot test-send to itself in normal mode; in test mode it can, and the log says so', async () => {
    const { admin, workspace } = await account();
    const at = (rest: string) => `/api/workspaces/${workspace.id}/${rest}`;
    const made = await grant(admin, { workspaceIds: [workspace.id], role: 'workspace_admin' });
    const broadcast = await admin.post(at('broadcasts'), {
      name: 'News',
      messages: [
        { name: 'Issue 1', channel: 'email', subject: 'Hi {{ customer.email }}', body: '<p>Hi</p>' },
      ],
    });
    expect(broadcast.status, JSON.stringify(broadcast.body)).toBe(201);
    const messageId = broadcast.body.messages[0].id as string;
    const support = await supportSignIn(made.id);
    const outbox = async () => (await admin.get('/api/outbox')).body.items.length as number;
    expect((await admin.patch(at('settings'), { sendMode: 'normal' })).status).toBe(200);
    const before = await outbox();
    expectProblem(
      await support.post(at(`messages/${messageId}/send-test`), {}),
      403,
      'support_session_refused',
    );
    expect(await outbox()).toBe(before);

    expect((await admin.patch(at('settings'), { sendMode: 'test' })).status).toBe(200);
    const sent = await support.post(at(`messages/${messageId}/send-test`), {});
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    const log = (await admin.get('/api/account/activity?action=message.test_sent')).body.items;
    expect(log).toHaveLength(1);
    expect(log[0].actor).toMatchObject({
      memberId: null,
      name: `Support (sam@operator) via grant ${made.id}`,
    });
    expect(log[0].summary).toMatch(/sent a test of the message ‘Issue 1’ to the test recipient/);
  });

  test('an import it starts is credited to it', async () => {
    const { admin, workspace } = await account();
    const made = await grant(admin, { workspaceIds: [workspace.id], role: 'workspace_admin' });
    const support = await supportSignIn(made.id, 'ana@operator');
    const started = await support.post(
      `/api/workspaces/${workspace.id}/people/import?mode=create`,
      undefined,
      {
        raw: 'id,email\na,a@example.com\nb,b@example.com',
        headers: { 'content-type': 'text/csv' },
      },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    await service.worker.runUntilIdle();
    const [entry] = (await admin.get('/api/account/activity?action=people.imported')).body.items;
    expect(entry.actor).toMatchObject({
      memberId: null,
      name: `Support (ana@operator) via grant ${made.id}`,
    });
    expect(entry.summary).toMatch(/^Support \(ana@operator\) via grant grt_\w+ added 2 people/);
  });

  test('a revoked grant’s link says so in words: no ids, no ISO times', async () => {
    const { admin, workspace } = await account();
    const made = await grant(admin, { workspaceIds: [workspace.id] });
    const { link } = await issueSignInLink(service.ctx, { grantId: made.id, agent: 'a', reason: 'b' });
    expect((await admin.delete(`/api/account/support-grants/${made.id}`)).status).toBe(204);
    const reply = await service.client().post('/api/support/sign-in', { token: new URL(link).hash.slice(1) });
    expectProblem(reply, 410, 'gone');
    expect(reply.body.detail).toMatch(
      /^The account revoked this support access on \d+ \w+ \d{4} at \d\d:\d\d UTC\.$/,
    );
    expect(reply.body.detail).not.toMatch(/grt_|\dT\d/);
  });
});
