import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { type Client, expectProblem } from '../support/client.js';
import { addMember } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const DAY = 24 * 60 * 60 * 1000;

/** Two accounts: the source with a workspace to move (and its first one, kept), the target. */
async function twoAccounts(options: { targetPlan?: string } = {}) {
  const source = service.client();
  const sourceSignup = await source.signup();
  const created = await source.post('/api/workspaces', { name: `Moving ${Date.now()}` });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const target = service.client();
  const targetSignup = await target.signup(options.targetPlan ? { plan: options.targetPlan } : {});
  return {
    source,
    target,
    sourceAccount: sourceSignup.account,
    targetAccount: targetSignup.account,
    sourceEmail: sourceSignup.email,
    targetEmail: targetSignup.email,
    targetPassword: targetSignup.password,
    workspace: created.body as { id: string; name: string },
  };
}

async function offer(from: Client, workspaceId: string, body: Record<string, unknown>) {
  return from.post(`/api/workspaces/${workspaceId}/transfers`, body);
}

const kindsIn = async (client: Client) =>
  (await client.get('/api/outbox')).body.items.map((e: { kind: string }) => e.kind) as string[];

describe('offering a workspace', () => {
  test('by account id: 202 with the transfer; the target’s admins get an email; both sides list it', async () => {
    const { source, target, sourceAccount, targetAccount, workspace } = await twoAccounts();
    const reply = await offer(source, workspace.id, { targetAccountId: targetAccount.id });
    expect(reply.status, JSON.stringify(reply.body)).toBe(202);
    expect(reply.body).toMatchObject({
      id: expect.stringMatching(/^wtr_/),
      status: 'pending',
      direction: 'outgoing',
      workspace: { id: workspace.id, name: workspace.name },
      sourceAccount: { id: sourceAccount.id, name: sourceAccount.name },
      targetAccount: { id: targetAccount.id, name: targetAccount.name },
      progress: null,
    });
    const expiresIn = Date.parse(reply.body.expiresAt) - Date.parse(reply.body.createdAt);
    expect(expiresIn).toBe(7 * DAY);
    expect(await kindsIn(target)).toContain('workspace_transfer_offered');

    const incoming = await target.get('/api/workspace-transfers');
    expect(incoming.body.items).toEqual([
      expect.objectContaining({ id: reply.body.id, direction: 'incoming' }),
    ]);
    const outgoing = await source.get(`/api/workspace-transfers/${reply.body.id}`);
    expect(outgoing.body).toMatchObject({ id: reply.body.id, direction: 'outgoing' });

    const stranger = service.client();
    await stranger.signup();
    expectProblem(await stranger.get(`/api/workspace-transfers/${reply.body.id}`), 404, 'not_found');
    expectProblem(await stranger.post(`/api/workspace-transfers/${reply.body.id}/accept`), 404, 'not_found');
    expectProblem(await stranger.post(`/api/workspace-transfers/${reply.body.id}/cancel`), 404, 'not_found');
  });

  test('by the address of an Account Admin of another account, in any case', async () => {
    const { source, target, targetAccount, targetEmail, workspace } = await twoAccounts();
    const address = targetEmail.toUpperCase();
    const reply = await offer(source, workspace.id, { targetAdminEmail: address });
    expect(reply.status, JSON.stringify(reply.body)).toBe(202);
    expect(reply.body.targetAccount.id).toBe(targetAccount.id);
    // Until it accepts, the source learns nothing of the address's account, not even its name.
    const unnamed = `the account of ${address}`;
    expect(reply.body.targetAccount.name).toBe(unnamed);
    expect((await source.get('/api/workspace-transfers')).body.items[0].targetAccount.name).toBe(unnamed);
    const sourceLog = JSON.stringify((await source.get('/api/account/activity')).body);
    expect(sourceLog).toContain(address);
    expect(sourceLog).not.toContain(targetAccount.name);
    // The target reads its own name; once accepted the source does too.
    const incoming = (await target.get('/api/workspace-transfers')).body.items[0];
    expect(incoming.targetAccount.name).toBe(targetAccount.name);
    // The source's cached caller holds the workspace until the accept: its next request must not.
    expect((await source.get('/api/me')).body.workspaces.map((w: { id: string }) => w.id)).toContain(
      workspace.id,
    );
    expect((await target.post(`/api/workspace-transfers/${reply.body.id}/accept`)).status).toBe(200);
    expect((await source.get('/api/me')).body.workspaces.map((w: { id: string }) => w.id)).not.toContain(
      workspace.id,
    );
    expectProblem(await source.get(`/api/workspaces/${workspace.id}`), 404);
    expect((await source.get(`/api/workspace-transfers/${reply.body.id}`)).body.targetAccount.name).toBe(
      targetAccount.name,
    );
    // The new-keys email of a workspace that had none says so in words, and opens the transfers page.
    const [mail] = await queryRows<{ text: string }>(
      service.ctx.db,
      sql`SELECT text_body AS text FROM outbox
          WHERE account_id = ${targetAccount.id} AND kind = 'workspace_transfer_keys'`,
    );
    expect(mail!.text).toContain('It had no API keys: create new Track and App API keys');
    expect(mail!.text).not.toMatch(/\b0 API key/);
    expect(mail!.text).toMatch(/Open the workspace: http\S+\/transfers/);
    await service.worker.runUntilIdle();
  });

  test('offers are limited per source account and hour, refused ones included (429)', async () => {
    const { source, workspace } = await twoAccounts();
    for (let i = 0; i < 20; i++) {
      const probe = await offer(source, workspace.id, { targetAdminEmail: `probe${i}@example.com` });
      expectProblem(probe, 400, 'invalid');
    }
    const refused = await offer(source, workspace.id, { targetAdminEmail: 'probe@example.com' });
    expectProblem(refused, 429, 'too_many_requests');
    expect(refused.headers.get('retry-after')).toBeTruthy();
  });

  test('refused: unknown target, the source itself, a Member’s address, a malformed body, another account’s workspace', async () => {
    const { source, target, sourceAccount, sourceEmail, workspace } = await twoAccounts();
    const member = await addMember(service, target);
    expectProblem(await offer(source, workspace.id, { targetAccountId: 'acc_nobody' }), 400, 'invalid');
    const self = await offer(source, workspace.id, { targetAccountId: sourceAccount.id });
    expectProblem(self, 400, 'invalid');
    expect(self.body.detail).toMatch(/already in/);
    const unknown = await offer(source, workspace.id, { targetAdminEmail: 'nobody@example.com' });
    expectProblem(unknown, 400, 'invalid');
    const notAdmin = await offer(source, workspace.id, { targetAdminEmail: member.email });
    expectProblem(notAdmin, 400, 'invalid');
    // Not an Account Admin and no such address read alike: the address's account stays unsaid.
    expect(notAdmin.body.detail.replace(member.email, 'X')).toBe(
      unknown.body.detail.replace('nobody@example.com', 'X'),
    );
    const own = await offer(source, workspace.id, { targetAdminEmail: sourceEmail });
    expectProblem(own, 400, 'invalid');
    expect(own.body.detail).toMatch(/of this account/);
    const none = await offer(source, workspace.id, {});
    expectProblem(none, 400, 'invalid');
    expect(none.body.detail).toBe(
      'Name the receiving account: its id, or the address of one of its Account Admins.',
    );
    const both = await offer(source, workspace.id, {
      targetAccountId: 'acc_x',
      targetAdminEmail: 'a@example.com',
    });
    expectProblem(both, 400, 'invalid');
    expect(both.body.detail).toMatch(/not both/);
    // One plain complaint about the one field that is wrong, none about the field left out.
    const malformed = await offer(source, workspace.id, { targetAdminEmail: 'not an address' });
    expectProblem(malformed, 400);
    expect(malformed.body.detail).toBe('Target admin email must be an email address.');
    expect(malformed.body.errors).toHaveLength(1);
    expect(malformed.body.errors[0].path).toBe('/targetAdminEmail');
    expectProblem(await offer(target, workspace.id, { targetAccountId: sourceAccount.id }), 404, 'not_found');
    expect((await source.get('/api/workspace-transfers')).body.items).toEqual([]);
  });

  test('a Member cannot offer (403), and an account keeps at least one workspace (409)', async () => {
    const { source, target, targetAccount, sourceEmail, workspace } = await twoAccounts();
    const member = await addMember(service, source, { all: { role: 'workspace_admin' } });
    expectProblem(await offer(member.client, workspace.id, { targetAccountId: targetAccount.id }), 403);
    const onlyOne = (await target.get('/api/workspaces')).body.items[0].id;
    const last = await offer(target, onlyOne, { targetAdminEmail: sourceEmail });
    expectProblem(last, 409, 'conflict');
    expect(last.body.detail).toMatch(/at least one workspace/);
  });

  test('a second offer while one is pending: 409, also when both race', async () => {
    const { source, targetAccount, workspace } = await twoAccounts();
    const other = service.client();
    const otherAccount = (await other.signup()).account;
    const [a, b] = await Promise.all([
      offer(source, workspace.id, { targetAccountId: targetAccount.id }),
      offer(source, workspace.id, { targetAccountId: otherAccount.id }),
    ]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const again = await offer(source, workspace.id, { targetAccountId: otherAccount.id });
    expectProblem(again, 409, 'conflict');
    expect(again.body.detail).toMatch(/already offered/);
  });

  test('a workspace being revalidated is refused; a deleted one is not found', async () => {
    const { source, targetAccount, workspace } = await twoAccounts();
    const changed = await source.patch(`/api/workspaces/${workspace.id}/settings`, {
      identifiers: { email: true, id: false },
    });
    expect(changed.status).toBe(202);
    const refused = await offer(source, workspace.id, { targetAccountId: targetAccount.id });
    expectProblem(refused, 409, 'conflict');
    expect(refused.body.detail).toMatch(/revalidated/);
    await service.worker.runUntilIdle();
    const other = (await source.post('/api/workspaces', { name: 'Gone soon' })).body;
    expect((await source.delete(`/api/workspaces/${other.id}`, { confirmName: 'Gone soon' })).status).toBe(
      204,
    );
    const gone = await offer(source, other.id, { targetAccountId: targetAccount.id });
    expectProblem(gone, 404);
    expect(gone.body.detail).toMatch(/^Workspace/);
    expect(gone.body.detail).not.toMatch(/transfer/i);
  });

  test('deleting a workspace with a pending offer is refused until the offer is cancelled', async () => {
    const { source, target, targetAccount, workspace } = await twoAccounts();
    const t = (await offer(source, workspace.id, { targetAccountId: targetAccount.id })).body;
    const refused = await source.delete(`/api/workspaces/${workspace.id}`, { confirmName: workspace.name });
    expectProblem(refused, 409, 'conflict');
    expect(refused.body.detail).toMatch(/cancel the transfer/);
    const cancelled = await source.post(`/api/workspace-transfers/${t.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    expectProblem(await target.post(`/api/workspace-transfers/${t.id}/accept`), 409, 'conflict');
    expect(
      (await source.delete(`/api/workspaces/${workspace.id}`, { confirmName: workspace.name })).status,
    ).toBe(204);
  });
});

describe('answering an offer', () => {
  test('the target declines: the source’s admins are told; the workspace stays', async () => {
    const { source, target, targetAccount, workspace } = await twoAccounts();
    const t = (await offer(source, workspace.id, { targetAccountId: targetAccount.id })).body;
    expectProblem(await source.post(`/api/workspace-transfers/${t.id}/accept`), 403, 'forbidden');
    expectProblem(await source.post(`/api/workspace-transfers/${t.id}/decline`), 403, 'forbidden');
    const declined = await target.post(`/api/workspace-transfers/${t.id}/decline`);
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', decidedByName: 'Ada Admin' });
    expect(await kindsIn(source)).toContain('workspace_transfer_answered');
    // Both logs say so, and the log's filter selects it.
    for (const [side, sentence] of [
      [source, `Ada Admin of ${targetAccount.name} declined the workspace ‘${workspace.name}’`],
      [target, `Ada Admin declined the workspace ‘${workspace.name}’ offered by`],
    ] as const) {
      const log = (await side.get('/api/account/activity?action=workspace.transfer_declined')).body.items;
      expect(log).toHaveLength(1);
      expect(log[0].summary).toContain(sentence);
    }
    expect((await source.get(`/api/workspaces/${workspace.id}`)).status).toBe(200);
    expectProblem(await target.post(`/api/workspace-transfers/${t.id}/cancel`), 409, 'conflict');
    // A declined offer frees the workspace for another.
    expect((await offer(source, workspace.id, { targetAccountId: targetAccount.id })).status).toBe(202);
  });

  test('the target may cancel too', async () => {
    const { source, target, targetAccount, workspace } = await twoAccounts();
    const t = (await offer(source, workspace.id, { targetAccountId: targetAccount.id })).body;
    expect((await target.post(`/api/workspace-transfers/${t.id}/cancel`)).body.status).toBe('cancelled');
    // The source is told, and both logs have it.
    expect(await kindsIn(source)).toContain('workspace_transfer_cancelled');
    for (const side of [source, target]) {
      const log = (await side.get('/api/account/activity?action=workspace.transfer_cancelled')).body.items;
      expect(log).toHaveLength(1);
    }
    const sourceEntry = (await source.get('/api/account/activity?action=workspace.transfer_cancelled')).body
      .items[0];
    expect(sourceEntry.summary).toBe(
      `Ada Admin of ${targetAccount.name} cancelled the transfer of the workspace ‘${workspace.name}’`,
    );
  });

  test('after 7 days the offer is expired: accepting says so; a new offer may be made', async () => {
    const { source, target, targetAccount, targetPassword, workspace } = await twoAccounts();
    const t = (await offer(source, workspace.id, { targetAccountId: targetAccount.id })).body;
    service.clock.advance(7 * DAY + 1000);
    try {
      await target.post('/api/me/reauthenticate', { password: targetPassword });
      const late = await target.post(`/api/workspace-transfers/${t.id}/accept`);
      expectProblem(late, 410, 'gone');
      expect(late.body.detail).toMatch(/expired/);
      expect((await target.get(`/api/workspace-transfers/${t.id}`)).body.status).toBe('expired');
      expectProblem(await target.post(`/api/workspace-transfers/${t.id}/decline`), 410, 'gone');
    } finally {
      service.clock.advance(-(7 * DAY + 1000));
    }
  });

  test('a target at its plan limit: 409 limit_reached with the numbers; nothing moved', async () => {
    const { source, target, targetAccount, workspace } = await twoAccounts({ targetPlan: 'free' });
    const t = (await offer(source, workspace.id, { targetAccountId: targetAccount.id })).body;
    const full = await target.post(`/api/workspace-transfers/${t.id}/accept`);
    expectProblem(full, 409, 'limit_reached');
    expect(full.body).toMatchObject({ limit: 'workspaces', plan: 'free', max: 1, current: 1 });
    expect((await target.get(`/api/workspace-transfers/${t.id}`)).body.status).toBe('pending');
    expect((await source.get(`/api/workspaces/${workspace.id}`)).status).toBe(200);
  });

  test('two offers accepted at once into a target with room for one more: one moves, one is 409', async () => {
    const one = await twoAccounts({ targetPlan: 'essentials' });
    const other = service.client();
    await other.signup();
    const second = (await other.post('/api/workspaces', { name: 'Other one' })).body;
    const offers = [
      (await offer(one.source, one.workspace.id, { targetAccountId: one.targetAccount.id })).body,
      (await offer(other, second.id, { targetAccountId: one.targetAccount.id })).body,
    ];
    const answers = await Promise.all(
      offers.map((t) => one.target.post(`/api/workspace-transfers/${t.id}/accept`)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.body).toMatchObject({
      code: 'limit_reached',
      max: 2,
      current: 2,
    });
    // Accepting twice at once: the second finds it no longer open.
    const moved = offers[answers.findIndex((a) => a.status === 200)]!;
    expectProblem(await one.target.post(`/api/workspace-transfers/${moved.id}/accept`), 409, 'conflict');
    await service.worker.runUntilIdle();
  });

  test('a target with a workspace of the same name: 409 name_taken until one is renamed', async () => {
    const { source, target, targetAccount, workspace } = await twoAccounts();
    await target.post('/api/workspaces', { name: workspace.name.toLowerCase() });
    const t = (await offer(source, workspace.id, { targetAccountId: targetAccount.id })).body;
    expectProblem(await target.post(`/api/workspace-transfers/${t.id}/accept`), 409, 'name_taken');
    await source.patch(`/api/workspaces/${workspace.id}`, { name: `${workspace.name} (moved)` });
    expect((await target.post(`/api/workspace-transfers/${t.id}/accept`)).status).toBe(200);
    await service.worker.runUntilIdle();
  });
});

describe('accepting: the workspace moves with its ids', () => {
  test('data, roles, keys, test recipient, SCIM mappings, activity, emails and caches', async () => {
    const { source, target, sourceAccount, targetAccount, workspace } = await twoAccounts();
    const ws = workspace.id;
    // The source's workspace: people, an API key, a member with a role there who is its test recipient.
    const member = await addMember(service, source, { roles: [{ workspaceId: ws, role: 'author' }] });
    for (const email of ['a@example.com', 'b@example.com']) {
      expect((await source.post(`/api/workspaces/${ws}/people`, { email })).status).toBe(201);
    }
    const people = (await source.get(`/api/workspaces/${ws}/people`)).body.items.map(
      (p: { id: string }) => p.id,
    );
    expect((await source.post(`/api/workspaces/${ws}/api-keys`, { kind: 'track' })).status).toBe(201);
    expect(
      (await source.patch(`/api/workspaces/${ws}/settings`, { testRecipientMemberId: member.id })).status,
    ).toBe(200);
    await service.ctx.db.execute(sql`
      INSERT INTO scim_groups (id, account_id, display_name, role_mappings, created_at, updated_at)
      VALUES (${`grp_${Date.now()}`}, ${sourceAccount.id}, 'Marketing',
        ${JSON.stringify([
          { workspaceId: ws, role: 'viewer', hideAttributes: false },
          { workspaceId: 'all', role: 'viewer', hideAttributes: false },
        ])}::jsonb, now(), now())`);
    expect((await member.client.get(`/api/workspaces/${ws}`)).status).toBe(200);
    expect((await source.get('/api/workspaces')).body.items.map((w: { id: string }) => w.id)).toContain(ws);

    // A finished export: a job of the workspace's, which the move re-homes.
    expect((await source.post(`/api/workspaces/${ws}/people/exports`, { format: 'csv' })).status).toBe(202);
    await service.worker.runUntilIdle();
    const t = (await offer(source, ws, { targetAccountId: targetAccount.id })).body;
    // Every process drops both accounts' cached reads: the notice names the old and the new owner.
    const notices: string[] = [];
    const stop = await service.database.listen('atrium_access', (id) => id && notices.push(id));
    const accepted = await target.post(`/api/workspace-transfers/${t.id}/accept`);
    await expect.poll(() => notices).toEqual(expect.arrayContaining([sourceAccount.id, targetAccount.id]));
    // The workspace row's own trigger names both, whatever else changed with it.
    notices.length = 0;
    const sourceWs = (await source.get('/api/workspaces')).body.items[0].id;
    await service.ctx.db.execute(sql`UPDATE workspaces SET account_id = account_id WHERE id = ${sourceWs}`);
    await service.ctx.db.execute(
      sql`UPDATE workspaces SET account_id = ${targetAccount.id} WHERE id = ${sourceWs}`,
    );
    await service.ctx.db.execute(
      sql`UPDATE workspaces SET account_id = ${sourceAccount.id} WHERE id = ${sourceWs}`,
    );
    await expect
      .poll(() => [...notices].sort())
      .toEqual(
        [sourceAccount.id, sourceAccount.id, sourceAccount.id, targetAccount.id, targetAccount.id].sort(),
      );
    await stop();
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'moving',
      revokedApiKeys: 1,
      nextSteps: expect.stringMatching(/create new Track and App API keys/),
    });
    // While it moves: not deletable, not offered again.
    const del = await target.delete(`/api/workspaces/${ws}`, { confirmName: workspace.name });
    expectProblem(del, 409, 'conflict');
    expect(del.body.detail).toMatch(/being moved/);
    expectProblem(await offer(target, ws, { targetAccountId: sourceAccount.id }), 409, 'conflict');

    expect(await service.worker.runUntilIdle()).toBeGreaterThan(0);
    const done = (await target.get(`/api/workspace-transfers/${t.id}`)).body;
    expect(done).toMatchObject({ status: 'done', progress: { done: expect.any(Number) } });
    expect(done.progress.done).toBe(done.progress.total);
    expect(done.progress.done).toBeGreaterThan(0);

    // The target holds it, same ids; the source and its member no longer see it.
    expect((await target.get('/api/workspaces')).body.items.map((w: { id: string }) => w.id)).toContain(ws);
    const moved = (await target.get(`/api/workspaces/${ws}/people`)).body.items.map(
      (p: { id: string }) => p.id,
    );
    expect(moved.sort()).toEqual([...people].sort());
    await expect
      .poll(async () => (await source.get('/api/workspaces')).body.items.map((w: { id: string }) => w.id))
      .not.toContain(ws);
    expectProblem(await source.get(`/api/workspaces/${ws}`), 404);
    await expect.poll(async () => (await member.client.get(`/api/workspaces/${ws}`)).status).toBe(404);

    // Keys revoked and gone with it; roles, test recipient and the SCIM mapping cleared.
    expect((await target.get(`/api/workspaces/${ws}/api-keys`)).body.items).toEqual([]);
    const settings = (await target.get(`/api/workspaces/${ws}/settings`)).body;
    // The stored recipient is cleared; settings read the fallback (the target's creator).
    expect(settings.testRecipientMemberId).not.toBe(member.id);
    const db = service.ctx.db;
    const [stored] = await queryRows<{ id: string | null }>(
      db,
      sql`SELECT test_recipient_member_id AS id FROM workspaces WHERE id = ${ws}`,
    );
    expect(stored!.id).toBeNull();
    const [counts] = await queryRows<Record<string, number>>(
      db,
      sql`SELECT
        (SELECT count(*)::int FROM workspace_roles WHERE workspace_id = ${ws}) AS roles,
        (SELECT count(*)::int FROM api_keys WHERE workspace_id = ${ws} AND (revoked_at IS NULL OR account_id <> ${targetAccount.id})) AS live_or_foreign_keys,
        (SELECT count(*)::int FROM activity WHERE workspace_id = ${ws} AND account_id = ${targetAccount.id}) AS handed_activity,
        (SELECT count(*)::int FROM jobs WHERE workspace_id = ${ws} AND account_id <> ${targetAccount.id}) AS foreign_jobs,
        (SELECT count(*)::int FROM scim_groups WHERE account_id = ${sourceAccount.id} AND role_mappings::text LIKE ${`%${ws}%`}) AS mappings`,
    );
    expect(counts).toEqual({
      roles: 0,
      live_or_foreign_keys: 0,
      handed_activity: 0,
      foreign_jobs: 0,
      mappings: 0,
    });

    // Both logs say so, once; the workspace's own history stays the source's audit trail, and the
    // target's log of it starts with the transfer.
    const sourceLog = (await source.get('/api/account/activity?limit=200')).body.items;
    const targetLog = (await target.get('/api/account/activity?limit=200')).body.items;
    const actions = (log: { action: string }[]) => log.map((e) => e.action);
    expect(actions(sourceLog).filter((a) => a === 'workspace.transferred_out')).toHaveLength(1);
    expect(actions(targetLog).filter((a) => a === 'workspace.transferred_in')).toHaveLength(1);
    const out = sourceLog.find((e: { action: string }) => e.action === 'workspace.transferred_out');
    expect(out.summary).toBe(
      `Ada Admin of ${targetAccount.name} accepted the workspace ‘${workspace.name}’: it moved to their account; 1 API key revoked`,
    );
    expect(out.changes).toEqual([]);
    const sourceHistory = sourceLog.filter((e: { workspaceId: string | null }) => e.workspaceId === ws);
    expect(sourceHistory.length).toBeGreaterThan(0);
    expect(targetLog.some((e: { workspaceId: string | null }) => e.workspaceId === ws)).toBe(false);
    expect(await kindsIn(source)).toContain('workspace_transfer_answered');
    expect(await kindsIn(target)).toEqual(
      expect.arrayContaining(['workspace_transfer_offered', 'workspace_transfer_keys']),
    );

    // The target may delete it now that it has moved.
    expect((await target.delete(`/api/workspaces/${ws}`, { confirmName: workspace.name })).status).toBe(204);
    await service.worker.runUntilIdle();
    // The target's purge took only its own rows: the source's audit trail of it is intact.
    const sourceAfter = (await source.get('/api/account/activity?limit=200')).body.items.filter(
      (e: { workspaceId: string | null }) => e.workspaceId === ws,
    );
    expect(sourceAfter.length).toBe(sourceHistory.length);
    const [left] = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM activity WHERE workspace_id = ${ws} AND account_id = ${targetAccount.id}`,
    );
    expect(left!.n).toBe(0);
    // Both sides keep the record of the move after the workspace is gone.
    for (const side of [source, target]) {
      expect((await side.get(`/api/workspace-transfers/${t.id}`)).body).toMatchObject({ status: 'done' });
    }
  });

  test('a move whose job the queue gave up on shows as stalled; either side retries it', async () => {
    const { source, target, targetAccount, workspace } = await twoAccounts();
    const t = (await offer(source, workspace.id, { targetAccountId: targetAccount.id })).body;
    const accepted = await target.post(`/api/workspace-transfers/${t.id}/accept`);
    expect(accepted.body).toMatchObject({ status: 'moving', stalled: false });
    expectProblem(await source.post(`/api/workspace-transfers/${t.id}/retry`), 409, 'conflict');
    // What the queue does after its last attempt (src/jobs/queue.ts fail()).
    await service.ctx.db.execute(
      sql`UPDATE jobs SET state = 'failed', attempts = 5, finished_at = now() WHERE id = (
        SELECT job_id FROM workspace_transfers WHERE id = ${t.id})`,
    );
    for (const side of [source, target]) {
      expect((await side.get(`/api/workspace-transfers/${t.id}`)).body).toMatchObject({
        status: 'moving',
        stalled: true,
      });
    }
    const retried = await source.post(`/api/workspace-transfers/${t.id}/retry`);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body).toMatchObject({ status: 'moving', stalled: false });
    await service.worker.runUntilIdle();
    expect((await target.get(`/api/workspace-transfers/${t.id}`)).body).toMatchObject({
      status: 'done',
      stalled: false,
    });
    expectProblem(await target.post(`/api/workspace-transfers/${t.id}/retry`), 409, 'conflict');
  });

  test('the source’s support grants stop naming the moved workspace; one left with none is revoked', async () => {
    const { source, target, targetAccount, workspace } = await twoAccounts();
    const kept = (await source.get('/api/workspaces')).body.items.find(
      (w: { id: string }) => w.id !== workspace.id,
    ).id;
    const grant = async (workspaceIds: string[]) => {
      const reply = await source.post('/api/account/support-grants', {
        workspaceIds,
        role: 'viewer',
        hideAttributes: false,
        expiresAt: new Date(service.clock.now().getTime() + DAY).toISOString(),
        reason: 'ticket 7',
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      return reply.body.id as string;
    };
    const both = await grant([workspace.id, kept]);
    const onlyMoved = await grant([workspace.id]);
    const t = (await offer(source, workspace.id, { targetAccountId: targetAccount.id })).body;
    expect((await target.post(`/api/workspace-transfers/${t.id}/accept`)).status).toBe(200);
    await service.worker.runUntilIdle();
    const [rows] = await queryRows<{ both: string[]; only: string[]; revoked: boolean }>(
      service.ctx.db,
      sql`SELECT (SELECT workspace_ids FROM support_grants WHERE id = ${both}) AS both,
        (SELECT workspace_ids FROM support_grants WHERE id = ${onlyMoved}) AS only,
        (SELECT revoked_at IS NOT NULL FROM support_grants WHERE id = ${onlyMoved}) AS revoked`,
    );
    expect(rows).toEqual({ both: [kept], only: [], revoked: true });
    const listed = (await source.get('/api/account/support-grants')).body.items;
    expect(listed.find((g: { id: string }) => g.id === onlyMoved).status).toBe('revoked');
    expect(listed.find((g: { id: string }) => g.id === both).status).toBe('active');
  });

  test('a workspace with work under way (an export queued) is offered and accepted once it has finished', async () => {
    const { source, target, targetAccount, workspace } = await twoAccounts();
    const exportPeople = async () =>
      expect(
        (await source.post(`/api/workspaces/${workspace.id}/people/exports`, { format: 'csv' })).status,
      ).toBe(202);
    await exportPeople();
    const early = await offer(source, workspace.id, { targetAccountId: targetAccount.id });
    expectProblem(early, 409, 'conflict');
    expect(early.body.detail).toBe(
      `“${workspace.name}” has work under way (an export of people); offer it once that has finished.`,
    );
    await service.worker.runUntilIdle();
    const t = (await offer(source, workspace.id, { targetAccountId: targetAccount.id })).body;
    await exportPeople();
    const busy = await target.post(`/api/workspace-transfers/${t.id}/accept`);
    expectProblem(busy, 409, 'conflict');
    expect(busy.body.detail).toMatch(/work under way \(an export of people\); accept it once/);
    await service.worker.runUntilIdle();
    expect((await target.post(`/api/workspace-transfers/${t.id}/accept`)).status).toBe(200);
    await service.worker.runUntilIdle();
  });
});
