import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectProblem } from '../support/client.js';
import { addMember } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const bearer = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });

describe('POST /api/authz/check', () => {
  test('needs a live app API key of the account', async () => {
    const admin = service.client();
    const { member, workspace } = await admin.signup();
    const body = { memberId: member.id, workspaceId: workspace.id, permission: 'people.view' };
    const none = await service.client().post('/api/authz/check', body);
    expectProblem(none, 401, 'unauthenticated');
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expectProblem(
      await service.client().post('/api/authz/check', body, bearer('atrium_0123456789abcdef_nope')),
      401,
    );

    const created = await admin.post(`/api/workspaces/${workspace.id}/api-keys`, { kind: 'app', name: 'CI' });
    expect(
      (await service.client().post('/api/authz/check', body, bearer(created.body.key))).body.allowed,
    ).toBe(true);
    // A Track key is not an app key.
    const track = (await admin.post(`/api/workspaces/${workspace.id}/api-keys`, { kind: 'track' })).body;
    expectProblem(
      await service
        .client()
        .post('/api/authz/check', body, bearer(`atrium_${track.siteId.slice(0, 16)}_${'x'.repeat(43)}`)),
      401,
    );
    // A session cookie is not a key either.
    expectProblem(await admin.post('/api/authz/check', body), 401);

    await admin.delete(`/api/workspaces/${workspace.id}/api-keys/${created.body.id}`);
    expectProblem(await service.client().post('/api/authz/check', body, bearer(created.body.key)), 401);
  });

  test('answers for the key’s account only; other accounts’ members and workspaces are unknown', async () => {
    const a = service.client();
    const { workspace: wsA } = await a.signup();
    const key = (await a.post(`/api/workspaces/${wsA.id}/api-keys`, { kind: 'app' })).body.key;
    const b = service.client();
    const { member: memberB, workspace: wsB } = await b.signup();
    expectProblem(
      await service
        .client()
        .post(
          '/api/authz/check',
          { memberId: memberB.id, workspaceId: wsB.id, permission: 'people.view' },
          bearer(key),
        ),
      404,
      'not_found',
    );
    const { body: me } = await a.get('/api/me');
    const foreign = await service
      .client()
      .post(
        '/api/authz/check',
        { memberId: me.member.id, workspaceId: wsB.id, permission: 'people.view' },
        bearer(key),
      );
    expectProblem(foreign, 404, 'not_found');
  });

  test('a key answers for its own workspace only, even where its member could see more', async () => {
    const admin = service.client();
    const { member, workspace } = await admin.signup();
    const second = (await admin.post('/api/workspaces', { name: 'Second' })).body;
    const key = (await admin.post(`/api/workspaces/${workspace.id}/api-keys`, { kind: 'app' })).body.key;
    const ask = (workspaceId?: string) =>
      service
        .client()
        .post(
          '/api/authz/check',
          { memberId: member.id, permission: 'people.view', ...(workspaceId && { workspaceId }) },
          bearer(key),
        );
    expect((await ask(workspace.id)).body.allowed).toBe(true);
    expect((await ask()).body.reason).toContain(workspace.id); // the key's workspace by default
    expectProblem(await ask(second.id), 404, 'not_found');
  });

  test('unknown permissions are a 400; batches answer in order', async () => {
    const admin = service.client();
    const { member, workspace } = await admin.signup();
    const viewer = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer' }],
    });
    const key = (await admin.post(`/api/workspaces/${workspace.id}/api-keys`, { kind: 'app' })).body.key;
    const bad = await service
      .client()
      .post('/api/authz/check', { memberId: member.id, permission: 'people.fly' }, bearer(key));
    expectProblem(bad, 400, 'invalid');
    expect(bad.body.errors[0].path).toBe('/permission');
    const batch = await service.client().post(
      '/api/authz/check-batch',
      {
        checks: [
          { memberId: viewer.id, workspaceId: workspace.id, permission: 'campaigns.view' },
          { memberId: viewer.id, workspaceId: workspace.id, permission: 'campaigns.create' },
          { memberId: member.id, workspaceId: workspace.id, permission: 'campaigns.create' },
          { memberId: viewer.id, permission: 'workspaces.create' },
        ],
      },
      bearer(key),
    );
    expect(batch.body.results.map((r: { allowed: boolean }) => r.allowed)).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(batch.body.results[1].reason).toBe(
      `Viewer in ${workspace.id}: campaigns.create is not allowed — permissions.csv row 3`,
    );
  });
});

describe('GET /api/permissions and a member’s effective permissions', () => {
  test('the catalogue lists the 67 rows with keys, sources and columns, and the account rules', async () => {
    const reply = await service.client().get('/api/permissions');
    expect(reply.status).toBe(200);
    const fromCsv = reply.body.workspacePermissions.filter((p: { source: string }) =>
      p.source.startsWith('permissions.csv'),
    );
    expect(fromCsv).toHaveLength(67);
    expect(fromCsv.find((p: { key: string }) => p.key === 'segments.create')).toEqual({
      key: 'segments.create',
      label: 'Segments - create',
      action: 'create segments',
      product: 'Journeys',
      category: 'Segments',
      source: 'permissions.csv row 28',
      footnotes: [],
      allowed: { workspace_admin: true, author: true, author_hidden_attributes: false, viewer: false },
    });
    expect(reply.body.columns.map((c: { label: string }) => c.label)).toEqual([
      'Workspace Admin',
      'Author',
      'Author with hide attributes',
      'Viewer',
    ]);
    expect(
      reply.body.accountPermissions.find((p: { key: string }) => p.key === 'api_credentials.manage')
        .grantedTo,
    ).toContain('Members with');
  });

  test('what can this person do here, and why', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const author = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'author', hideAttributes: true }],
    });
    const reply = await admin.get(`/api/team-members/${author.id}/permissions?workspaceId=${workspace.id}`);
    expect(reply.body).toMatchObject({
      memberId: author.id,
      workspaceId: workspace.id,
      role: 'Author with hide attributes',
    });
    const segments = reply.body.permissions.find((p: { key: string }) => p.key === 'segments.create');
    expect(segments).toEqual({
      key: 'segments.create',
      allowed: false,
      reason: `Author with hide attributes in ${workspace.id}: segments.create is not allowed — permissions.csv row 28`,
      explanation: 'Authors who hide attributes can’t create segments.',
    });
    const own = await author.client.get(`/api/team-members/${author.id}/permissions`);
    expect(own.body.permissions.find((p: { key: string }) => p.key === 'workspaces.create')).toMatchObject({
      allowed: false,
      explanation: 'Only Account Admins can create workspaces.',
    });
    const billing = own.body.permissions.find((p: { key: string }) => p.key === 'account.billing');
    expect(billing.explanation).toBe(
      'Only Account Admins, and Members given “Access billing & account info”, can access billing & account info.',
    );
  });

  test('GET /api/roles names the roles and flags in words, with the rules the console renders', async () => {
    const reply = await service.client().get('/api/roles');
    expect(reply.status).toBe(200);
    expect(
      reply.body.accountRoles.map((r: { key: string; label: string; everyWorkspaceAs: string | null }) => [
        r.key,
        r.label,
        r.everyWorkspaceAs,
      ]),
    ).toEqual([
      ['account_admin', 'Account Admin', 'workspace_admin'],
      ['member', 'Member', null],
    ]);
    expect(
      reply.body.workspaceRoles.map((r: { key: string; hideAttributes: boolean }) => [
        r.key,
        r.hideAttributes,
      ]),
    ).toEqual([
      ['workspace_admin', false],
      ['author', true],
      ['viewer', true],
    ]);
    expect(reply.body.memberFlags.map((f: { key: string }) => f.key)).toEqual([
      'billing',
      'apiCredentials',
      'supportAccess',
    ]);
  });
});

describe('API keys', () => {
  test('secrets are shown once and stored only as hashes', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const track = await admin.post(`/api/workspaces/${workspace.id}/api-keys`, {
      kind: 'track',
      name: 'Website',
    });
    expect(track.status).toBe(201);
    expect(track.body).toMatchObject({
      kind: 'track',
      name: 'Website',
      siteId: expect.stringMatching(/^[0-9a-f]{20}$/),
    });
    expect(track.body.apiKey).toMatch(/^[0-9a-f]{40}$/);
    const list = await admin.get(`/api/workspaces/${workspace.id}/api-keys`);
    expect(list.body.items).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(track.body.apiKey);
    const { queryRows } = await import('../../src/db/connection.js');
    const { sql } = await import('drizzle-orm');
    const stored = await queryRows<Record<string, unknown>>(
      service.ctx.db,
      sql`SELECT * FROM api_keys WHERE id = ${track.body.id}`,
    );
    expect(JSON.stringify(stored)).not.toContain(track.body.apiKey);
  });

  test('Account Admins and Members with “manage API credentials” manage keys, in workspaces they can enter', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const other = (await admin.post('/api/workspaces', { name: 'Other' })).body;
    const plain = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'workspace_admin' }],
    });
    expectProblem(
      await plain.client.post(`/api/workspaces/${workspace.id}/api-keys`, { kind: 'app' }),
      403,
      'forbidden',
    );
    await admin.patch(`/api/team-members/${plain.id}`, { permissions: { apiCredentials: true } });
    expect(
      (await plain.client.post(`/api/workspaces/${workspace.id}/api-keys`, { kind: 'app' })).status,
    ).toBe(201);
    expectProblem(await plain.client.post(`/api/workspaces/${other.id}/api-keys`, { kind: 'app' }), 404);
    const log = (await admin.get(`/api/workspaces/${workspace.id}/activity?action=api_key.created`)).body
      .items;
    expect(log).toHaveLength(1);
  });
});

describe('cached answers follow changes', () => {
  test('a role change made through one process is seen by another’s check API', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const m = await addMember(service, admin, { roles: [{ workspaceId: workspace.id, role: 'viewer' }] });
    const created = (await admin.post(`/api/workspaces/${workspace.id}/api-keys`, { kind: 'app' })).body;
    const key: string = created.key;
    const sibling = await service.sibling();
    try {
      const ask = async () =>
        (
          await sibling
            .client()
            .post(
              '/api/authz/check',
              { memberId: m.id, workspaceId: workspace.id, permission: 'campaigns.create' },
              bearer(key),
            )
        ).body.allowed;
      expect(await ask()).toBe(false); // now cached in the sibling
      await admin.patch(`/api/team-members/${m.id}`, {
        workspaceAccess: { mode: 'custom', roles: [{ workspaceId: workspace.id, role: 'author' }] },
      });
      // The sibling hears of it through the database's NOTIFY, a moment after the commit.
      let allowed = await ask();
      for (let i = 0; !allowed && i < 50; i++) {
        await new Promise((r) => setTimeout(r, 20));
        allowed = await ask();
      }
      expect(allowed).toBe(true);
      await admin.delete(`/api/workspaces/${workspace.id}/api-keys/${created.id}`);
      let status = 200;
      for (let i = 0; status === 200 && i < 50; i++) {
        status = (
          await sibling
            .client()
            .post('/api/authz/check', { memberId: m.id, permission: 'team_members.view' }, bearer(key))
        ).status;
        if (status === 200) await new Promise((r) => setTimeout(r, 20));
      }
      expect(status).toBe(401);
    } finally {
      await sibling.app.close();
    }
  });
});

test('a deleted workspace’s keys stop working at once', async () => {
  const admin = service.client();
  const { member } = await admin.signup();
  const ws = (await admin.post('/api/workspaces', { name: 'Doomed' })).body;
  const key = (await admin.post(`/api/workspaces/${ws.id}/api-keys`, { kind: 'app' })).body.key;
  const ask = () =>
    service
      .client()
      .post('/api/authz/check', { memberId: member.id, permission: 'people.view' }, bearer(key));
  expect((await ask()).status).toBe(200);
  expect((await admin.delete(`/api/workspaces/${ws.id}`, { confirmName: 'Doomed' })).status).toBe(204);
  expectProblem(await ask(), 401, 'unauthenticated');
});
