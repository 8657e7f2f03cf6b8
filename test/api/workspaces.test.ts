import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectProblem } from '../support/client.js';
import { addMember, invite } from '../support/members.js';
import { make, PNG, setUpFixtures } from '../support/row-probes.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

describe('create, read, rename', () => {
  test('an Account Admin creates a workspace with colour, settings and access; it is listed at once', async () => {
    const admin = service.client();
    const { account, member } = await admin.signup();
    const viewer = await addMember(service, admin);
    const created = await admin.post('/api/workspaces', {
      name: 'Staging',
      color: '#ff8800',
      settings: { sendMode: 'never', openTracking: false, identifiers: { email: false, id: true } },
      access: [{ memberId: viewer.id, role: 'viewer', hideAttributes: true }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^ws_/),
      name: 'Staging',
      color: '#ff8800',
      current: false,
      role: 'workspace_admin',
      settings: {
        sendMode: 'never',
        openTracking: false,
        identifiers: { email: false, id: true },
        allowEmailUpdateById: true,
        testRecipientMemberId: member.id,
      },
    });
    expect(created.body.access).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ memberId: member.id, role: 'workspace_admin', viaAccountRole: true }),
        expect.objectContaining({
          memberId: viewer.id,
          role: 'viewer',
          hideAttributes: true,
          viaAccountRole: false,
        }),
      ]),
    );
    const list = await admin.get('/api/workspaces');
    expect(list.body.items.map((w: { name: string }) => w.name)).toEqual([account.name, 'Staging']);
    expect(list.body.items[0].current).toBe(true);
    expect((await admin.get(`/api/workspaces/${created.body.id}`)).body.name).toBe('Staging');
  });

  test('defaults: a palette colour, test sending to the account creator, both identifiers', async () => {
    const admin = service.client();
    const { member } = await admin.signup();
    const created = await admin.post('/api/workspaces', { name: 'Defaults' });
    expect(created.body.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(created.body.settings).toMatchObject({
      sendMode: 'test',
      testRecipientMemberId: member.id,
      openTracking: true,
      identifiers: { email: true, id: true },
      allowEmailUpdateById: true,
    });
  });

  test('names are unique in an account (case-insensitively) and must not be blank', async () => {
    const admin = service.client();
    const { account } = await admin.signup();
    const dup = await admin.post('/api/workspaces', { name: account.name.toUpperCase() });
    expectProblem(dup, 409, 'name_taken');
    expect(dup.body.errors[0].path).toBe('/name');
    expectProblem(await admin.post('/api/workspaces', { name: '   ' }), 400, 'invalid');
    expectProblem(await admin.post('/api/workspaces', { name: 'Ok', color: 'orange' }), 400, 'invalid');
  });

  test('access entries are checked: unknown members, Account Admins below Workspace Admin, hide attributes for admins', async () => {
    const admin = service.client();
    const { member } = await admin.signup();
    const other = await addMember(service, admin);
    const reply = await admin.post('/api/workspaces', {
      name: 'Checked',
      access: [
        { memberId: 'mem_unknown', role: 'viewer' },
        { memberId: member.id, role: 'author' },
        { memberId: other.id, role: 'workspace_admin', hideAttributes: true },
      ],
    });
    expectProblem(reply, 400, 'invalid');
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toEqual([
      '/access/0/memberId',
      '/access/1/role',
      '/access/2/hideAttributes',
    ]);
    // All or nothing.
    expect((await admin.get('/api/workspaces')).body.items).toHaveLength(1);
  });

  test('rename, recolour and change access; the same name check applies', async () => {
    const admin = service.client();
    const { account } = await admin.signup();
    const member = await addMember(service, admin);
    const ws = (await admin.post('/api/workspaces', { name: 'Before' })).body;
    const renamed = await admin.patch(`/api/workspaces/${ws.id}`, {
      name: 'After',
      color: '#123456',
      access: [{ memberId: member.id, role: 'author' }],
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'After', color: '#123456' });
    expect(renamed.body.access).toEqual(
      expect.arrayContaining([expect.objectContaining({ memberId: member.id, role: 'author' })]),
    );
    expectProblem(await admin.patch(`/api/workspaces/${ws.id}`, { name: account.name }), 409, 'name_taken');
    expectProblem(await admin.patch(`/api/workspaces/${ws.id}`, {}), 400, 'invalid');
    const removed = await admin.patch(`/api/workspaces/${ws.id}`, {
      access: [{ memberId: member.id, role: null }],
    });
    expect(removed.body.access.find((a: { memberId: string }) => a.memberId === member.id)).toBeUndefined();
  });

  test('members see only the workspaces they hold a role in; others answer 404', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const hidden = (await admin.post('/api/workspaces', { name: 'Hidden' })).body;
    const member = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'author' }],
    });
    const list = await member.client.get('/api/workspaces');
    expect(list.body.items.map((w: { id: string }) => w.id)).toEqual([workspace.id]);
    expect(list.body.items[0]).toMatchObject({ role: 'author', current: true });
    expectProblem(await member.client.get(`/api/workspaces/${hidden.id}`), 404, 'not_found');
    expectProblem(await member.client.get(`/api/workspaces/${hidden.id}/settings`), 404, 'not_found');
    expectProblem(
      await member.client.put('/api/me/current-workspace', { workspaceId: hidden.id }),
      404,
      'not_found',
    );
  });

  test('only Account Admins create, edit and delete workspaces', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const wsAdmin = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'workspace_admin' }],
    });
    const create = await wsAdmin.client.post('/api/workspaces', { name: 'Nope' });
    expectProblem(create, 403, 'forbidden');
    expect(create.body.permission).toBe('workspaces.create');
    expectProblem(
      await wsAdmin.client.patch(`/api/workspaces/${workspace.id}`, { name: 'Nope' }),
      403,
      'forbidden',
    );
    expectProblem(
      await wsAdmin.client.delete(`/api/workspaces/${workspace.id}`, { confirmName: workspace.name }),
      403,
      'forbidden',
    );
  });
});

describe('switching', () => {
  test('the current workspace is remembered per member, across sessions', async () => {
    const admin = service.client();
    const { email, password, workspace } = await admin.signup();
    const second = (await admin.post('/api/workspaces', { name: 'Second' })).body;
    expect((await admin.put('/api/me/current-workspace', { workspaceId: second.id })).status).toBe(204);
    expect((await admin.get('/api/me')).body.currentWorkspaceId).toBe(second.id);
    const items = (await admin.get('/api/workspaces')).body.items;
    expect(items.find((w: { id: string }) => w.id === second.id).current).toBe(true);
    expect(items.find((w: { id: string }) => w.id === workspace.id).current).toBe(false);

    const laptop = service.client();
    await laptop.post('/api/session', { email, password });
    expect((await laptop.get('/api/me')).body.currentWorkspaceId).toBe(second.id);
  });
});

describe('settings', () => {
  test('Account Admins and that workspace’s Workspace Admins read and change them; Authors and Viewers may not', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const path = `/api/workspaces/${workspace.id}/settings`;
    const wsAdmin = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'workspace_admin' }],
    });
    const author = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'author' }],
    });
    const viewer = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer' }],
    });

    expect((await wsAdmin.client.get(path)).status).toBe(200);
    expect((await wsAdmin.client.patch(path, { openTracking: false })).body.openTracking).toBe(false);
    for (const who of [author, viewer]) {
      const read = await who.client.get(path);
      expectProblem(read, 403, 'forbidden');
      expect(read.body.permission).toBe('workspace.settings.view');
      expectProblem(await who.client.patch(path, { openTracking: true }), 403, 'forbidden');
    }
    expect((await admin.get(path)).body.openTracking).toBe(false);
  });

  test('send mode, test recipient, open tracking, email updates by id', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    // A test recipient must be able to enter the workspace (see the next test).
    const colleague = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer' }],
    });
    const path = `/api/workspaces/${workspace.id}/settings`;
    const changed = await admin.patch(path, {
      sendMode: 'test',
      testRecipientMemberId: colleague.id,
      openTracking: false,
      allowEmailUpdateById: false,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      sendMode: 'test',
      testRecipientMemberId: colleague.id,
      testRecipientEmail: colleague.email,
      openTracking: false,
      allowEmailUpdateById: false,
      processingState: 'ready',
    });
    expect((await admin.patch(path, { sendMode: 'normal' })).body.sendMode).toBe('normal');
    expect((await admin.patch(path, { sendMode: 'never' })).body.sendMode).toBe('never');
    expectProblem(await admin.patch(path, { sendMode: 'sometimes' }), 400, 'invalid');
    const stranger = await admin.patch(path, { testRecipientMemberId: 'mem_01aaaaaaaaaaaaaaaaaaaaaaaa' });
    expectProblem(stranger, 400, 'invalid');
    expect(stranger.body.errors[0].path).toBe('/testRecipientMemberId');
  });

  test('the test recipient must be a member who can enter the workspace; others answer alike', async () => {
    const admin = service.client();
    const { workspace, member: me } = await admin.signup({ plan: 'premium' });
    const path = `/api/workspaces/${workspace.id}/settings`;
    const elsewhere = (await admin.post('/api/workspaces', { name: 'Elsewhere' })).body.id as string;
    const outsider = await addMember(service, admin, { roles: [{ workspaceId: elsewhere, role: 'viewer' }] });
    const invited = await invite(admin, { roles: [{ workspaceId: workspace.id, role: 'viewer' }] });
    const otherAccount = service.client();
    const foreign = (await otherAccount.signup()).member.id;
    const unknown = 'mem_01aaaaaaaaaaaaaaaaaaaaaaaa';
    const answers = [];
    for (const id of [outsider.id, invited.id, foreign, unknown]) {
      const refused = await admin.patch(path, { testRecipientMemberId: id });
      expectProblem(refused, 400, 'invalid');
      expect(refused.body.errors).toEqual([{ path: '/testRecipientMemberId', message: expect.any(String) }]);
      answers.push(JSON.stringify({ ...refused.body, instance: null }).replaceAll(id, '<id>'));
    }
    expect(new Set(answers).size).toBe(1);
    expect((await admin.get(path)).body.testRecipientMemberId).toBe(me.id);

    // Whoever can enter: a Workspace role here, a role in every workspace, an Account Admin.
    const viewer = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer' }],
    });
    const everywhere = await addMember(service, admin, { all: { role: 'author' } });
    const coAdmin = await addMember(service, admin, { accountRole: 'account_admin' });
    for (const m of [viewer, everywhere, coAdmin]) {
      const chosen = await admin.patch(path, { testRecipientMemberId: m.id });
      expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
      expect(chosen.body).toMatchObject({ testRecipientMemberId: m.id, testRecipientEmail: m.email });
    }

    // At creation, checked against the access the new workspace is given.
    const created = await admin.post('/api/workspaces', {
      name: 'Fresh',
      settings: { testRecipientMemberId: outsider.id },
    });
    expectProblem(created, 400, 'invalid');
    expect(created.body.errors[0].path).toBe('/settings/testRecipientMemberId');
    const withAccess = await admin.post('/api/workspaces', {
      name: 'Fresh',
      settings: { testRecipientMemberId: outsider.id },
      access: [{ memberId: outsider.id, role: 'viewer' }],
    });
    expect(withAccess.status, JSON.stringify(withAccess.body)).toBe(201);
    expect(withAccess.body.settings.testRecipientEmail).toBe(outsider.email);
  });

  test('settings never show a recipient who can no longer enter the workspace', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup({ plan: 'premium' });
    const second = (await admin.post('/api/workspaces', { name: 'Second' })).body.id as string;
    const wsAdmin = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'workspace_admin' }],
    });
    // The recipient keeps a role only in a workspace the Workspace Admin cannot see.
    const tester = await addMember(service, admin, {
      roles: [
        { workspaceId: workspace.id, role: 'viewer' },
        { workspaceId: second, role: 'viewer' },
      ],
    });
    const path = `/api/workspaces/${workspace.id}/settings`;
    await admin.patch(path, { sendMode: 'test', testRecipientMemberId: tester.id });
    expect((await wsAdmin.client.get(path)).body.testRecipientEmail).toBe(tester.email);
    await admin.patch(`/api/workspaces/${workspace.id}`, { access: [{ memberId: tester.id, role: null }] });
    for (const client of [wsAdmin.client, admin]) {
      const settings = await client.get(path);
      expect(settings.body).toMatchObject({ testRecipientMemberId: null, testRecipientEmail: null });
      const banner = await client.get(`/api/workspaces/${workspace.id}`);
      expect(banner.body.testRecipientEmail).toBeNull();
      expect(JSON.stringify([settings.body, banner.body])).not.toContain(tester.email);
    }
    expect((await wsAdmin.client.get(`/api/team-members/${tester.id}`)).status).toBe(404);
  });

  test('at least one identifier stays on', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const reply = await admin.patch(`/api/workspaces/${workspace.id}/settings`, {
      identifiers: { email: false, id: false },
    });
    expectProblem(reply, 400, 'invalid');
    expect(reply.body.errors).toEqual([{ path: '/identifiers', message: expect.any(String) }]);
  });

  test('changing identifiers answers 202 and revalidates in a job; processing resumes after', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const path = `/api/workspaces/${workspace.id}/settings`;
    const reply = await admin.patch(path, { identifiers: { email: false, id: true } });
    expect(reply.status).toBe(202);
    expect(reply.body).toMatchObject({
      processingState: 'revalidating',
      identifiers: { email: false, id: true },
    });
    expect((await admin.get(`/api/workspaces/${workspace.id}`)).body.processingState).toBe('revalidating');
    await service.worker.runUntilIdle();
    expect((await admin.get(path)).body.processingState).toBe('ready');
    // Unchanged identifiers are a plain 200.
    expect((await admin.patch(path, { identifiers: { email: false, id: true } })).status).toBe(200);
  });
});

describe('delete', () => {
  test('the name must be typed exactly, case-sensitive', async () => {
    const admin = service.client();
    await admin.signup();
    const ws = (await admin.post('/api/workspaces', { name: 'Acme Prod' })).body;
    const wrong = await admin.delete(`/api/workspaces/${ws.id}`, { confirmName: 'acme prod' });
    expectProblem(wrong, 400, 'confirm_name_mismatch');
    expect(wrong.body.errors[0].path).toBe('/confirmName');
    expectProblem(await admin.delete(`/api/workspaces/${ws.id}`, {}), 400, 'invalid');
    expect((await admin.get(`/api/workspaces/${ws.id}`)).status).toBe(200);
  });

  test('the workspace is gone at once, and its rows are purged by the job', async () => {
    const admin = service.client();
    await admin.signup();
    const member = await addMember(service, admin);
    const ws = (
      await admin.post('/api/workspaces', {
        name: 'Doomed',
        access: [{ memberId: member.id, role: 'viewer' }],
      })
    ).body;
    await admin.patch(`/api/workspaces/${ws.id}/settings`, { identifiers: { email: true, id: false } });
    await admin.put('/api/me/current-workspace', { workspaceId: ws.id });
    // An item of every kind, and what hangs off them: a relationship, an import, bytes, a delivery.
    const f = await setUpFixtures(admin, ws.id);
    const at = (rest: string) => `/api/workspaces/${ws.id}/${rest}`;
    await make(f, 'relationships', { objectId: f.items.objects, cioId: f.personCioId });
    await admin.post(at(`segments/${f.manualSegmentId}/import`), undefined, {
      raw: `cio_id\n${f.personCioId}\n`,
      headers: { 'content-type': 'text/csv' },
    });
    await admin.post(at('assets?name=a.png'), undefined, {
      raw: PNG,
      headers: { 'content-type': 'image/png' },
    });
    expect((await admin.post(at(`messages/${f.messageId}/send-test`), {})).status).toBe(202);
    expect(Object.keys(await rowsOf(ws.id))).toEqual(
      expect.arrayContaining(['relationships', 'segment_members', 'asset_blobs', 'deliveries', 'resources']),
    );

    const reply = await admin.delete(`/api/workspaces/${ws.id}`, { confirmName: 'Doomed' });
    expect(reply.status).toBe(204);
    const jobUrl = reply.headers.get('location')!;
    expect(jobUrl).toMatch(/^\/api\/account\/jobs\/job_/);

    expectProblem(await admin.get(`/api/workspaces/${ws.id}`), 404, 'not_found');
    expectProblem(await admin.get(`/api/workspaces/${ws.id}/settings`), 404, 'not_found');
    expect((await admin.get('/api/workspaces')).body.items.map((w: { id: string }) => w.id)).not.toContain(
      ws.id,
    );
    expect((await admin.get('/api/me')).body.currentWorkspaceId).not.toBe(ws.id);
    // The name is free again straight away.
    expect((await admin.post('/api/workspaces', { name: 'Doomed' })).status).toBe(201);

    await service.worker.runUntilIdle();
    const job = await admin.get(jobUrl);
    expect(job.body).toMatchObject({ state: 'succeeded', workspaceId: ws.id });
    expect(job.body.progress.done).toBe(job.body.progress.total);
    expect(job.body.progress.total).toBeGreaterThan(0);
    expect(await rowsOf(ws.id)).toEqual({});

    // The deletion itself stays in the account's log.
    const log = await admin.get(`/api/account/activity?action=workspace.deleted&targetId=${ws.id}`);
    expect(log.body.items).toHaveLength(1);
  });

  test('an account keeps at least one workspace', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    expectProblem(
      await admin.delete(`/api/workspaces/${workspace.id}`, { confirmName: workspace.name }),
      409,
      'conflict',
    );
  });

  test('a purge that dies midway resumes and finishes when its lease runs out', async () => {
    const admin = service.client();
    await admin.signup();
    const members = await Promise.all([1, 2, 3].map(() => addMember(service, admin)));
    const ws = (
      await admin.post('/api/workspaces', {
        name: 'Crashy',
        access: members.map((m) => ({ memberId: m.id, role: 'viewer' })),
      })
    ).body;
    await admin.delete(`/api/workspaces/${ws.id}`, { confirmName: 'Crashy' });
    // A worker claims the job and dies before finishing: the job stays "running" with a lease.
    const claimed = await service.ctx.jobs.claim();
    expect(claimed?.kind).toBe('workspace.purge');
    expect(await service.worker.runUntilIdle()).toBe(0);
    service.clock.advance(61_000);
    expect(await service.worker.runUntilIdle()).toBe(1);
    expect(await rowsOf(ws.id)).toEqual({});
  });
});

/** Rows left anywhere in the database for this workspace, by table. */
async function rowsOf(workspaceId: string): Promise<Record<string, number>> {
  const { queryRows } = await import('../../src/db/connection.js');
  const { sql } = await import('drizzle-orm');
  const tables = await queryRows<{ table_name: string }>(
    service.ctx.db,
    sql`SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'workspace_id'`,
  );
  const left: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await queryRows<{ n: number }>(
      service.ctx.db,
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(table_name)} WHERE workspace_id = ${workspaceId}`,
    );
    if (row && row.n > 0) left[table_name] = row.n;
  }
  const [ws] = await queryRows<{ n: number }>(
    service.ctx.db,
    sql`SELECT count(*)::int AS n FROM workspaces WHERE id = ${workspaceId}`,
  );
  if (ws && ws.n > 0) left.workspaces = ws.n;
  return left;
}
