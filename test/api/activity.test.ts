import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectProblem } from '../support/client.js';
import { addMember } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

test('every create, edit, delete and settings change is logged with who, what, when, before and after', async () => {
  const admin = service.client();
  const { account, member, workspace } = await admin.signup({ firstName: 'Grace', lastName: 'Hopper' });
  const ws = (await admin.post('/api/workspaces', { name: 'Logged', color: '#111111' })).body;
  await admin.patch(`/api/workspaces/${ws.id}`, { name: 'Logged 2' });
  await admin.patch(`/api/workspaces/${ws.id}/settings`, { sendMode: 'never', openTracking: false });
  await admin.patch('/api/account', { name: 'Renamed' });
  await admin.delete(`/api/workspaces/${ws.id}`, { confirmName: 'Logged 2' });

  const log = (await admin.get('/api/account/activity')).body.items;
  expect(log.map((e: { action: string }) => e.action)).toEqual([
    'workspace.deleted',
    'account.updated',
    'workspace.settings_changed',
    'workspace.updated',
    'workspace.created',
    'workspace.created',
    'account.created',
  ]);
  const byAction = (action: string) => log.find((e: { action: string }) => e.action === action);
  // The address the change came from: the test client's, loopback.
  const fromHere = expect.stringMatching(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
  const actor = { memberId: member.id, name: 'Grace Hopper', ipAddress: fromHere };
  expect(byAction('account.created')).toMatchObject({ actor });
  expect(byAction('workspace.updated')).toMatchObject({
    actor,
    workspaceId: ws.id,
    target: { type: 'workspace', id: ws.id, name: 'Logged 2' },
    before: { name: 'Logged' },
    after: { name: 'Logged 2' },
    createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
  });
  expect(byAction('workspace.settings_changed')).toMatchObject({
    before: { sendMode: 'test', openTracking: true },
    after: { sendMode: 'never', openTracking: false },
  });
  expect(byAction('account.updated')).toMatchObject({
    before: { name: account.name },
    after: { name: 'Renamed' },
  });
  expect(byAction('workspace.deleted')).toMatchObject({
    workspaceId: null,
    target: { id: ws.id, name: 'Logged 2' },
  });

  const own = (await admin.get(`/api/workspaces/${workspace.id}/activity`)).body.items;
  expect(own.map((e: { action: string }) => e.action)).toEqual(['workspace.created']);
});

test('a change that changes nothing is not logged', async () => {
  const admin = service.client();
  const { workspace } = await admin.signup();
  await admin.patch(`/api/workspaces/${workspace.id}/settings`, { sendMode: 'test' });
  const log = (await admin.get(`/api/workspaces/${workspace.id}/activity`)).body.items;
  expect(log.map((e: { action: string }) => e.action)).toEqual(['workspace.created']);
});

test('pages with a cursor and filters', async () => {
  const admin = service.client();
  const { workspace } = await admin.signup();
  for (let i = 0; i < 5; i++) await admin.patch(`/api/workspaces/${workspace.id}`, { name: `Name ${i}` });
  const first = await admin.get(`/api/workspaces/${workspace.id}/activity?limit=2`);
  expect(first.body.items).toHaveLength(2);
  expect(first.body.items[0].after.name).toBe('Name 4');
  const second = await admin.get(
    `/api/workspaces/${workspace.id}/activity?limit=2&cursor=${first.body.nextCursor}`,
  );
  expect(second.body.items.map((e: { after: { name: string } }) => e.after.name)).toEqual([
    'Name 2',
    'Name 1',
  ]);
  const filtered = await admin.get(`/api/workspaces/${workspace.id}/activity?action=workspace.created`);
  expect(filtered.body).toMatchObject({ items: [{ action: 'workspace.created' }], nextCursor: null });
  expectProblem(await admin.get(`/api/workspaces/${workspace.id}/activity?limit=1000`), 400, 'invalid');
});

test('the account log is for Account Admins; a workspace log for those in the workspace', async () => {
  const admin = service.client();
  const { workspace } = await admin.signup();
  const viewer = await addMember(service, admin, {
    roles: [{ workspaceId: workspace.id, role: 'viewer' }],
  });
  expectProblem(await viewer.client.get('/api/account/activity'), 403, 'forbidden');
  expect((await viewer.client.get(`/api/workspaces/${workspace.id}/activity`)).status).toBe(200);
});
