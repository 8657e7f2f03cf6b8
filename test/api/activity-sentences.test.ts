import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Client } from '../support/client.js';
import { addMember } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';

/** Each entry of the activity log reads as a sentence with names in words (`summary`). */

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

interface Entry {
  action: string;
  summary: string;
  changes: { field: string; before: string | null; after: string | null }[];
}

async function log(client: Client, path: string): Promise<Entry[]> {
  const reply = await client.get(path);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.items;
}
const entry = (entries: Entry[], action: string) => entries.find((e) => e.action === action);

async function adaWithStaging() {
  const admin = service.client();
  const { account, workspace } = await admin.signup({ firstName: 'Ada', lastName: 'Lovelace' });
  const staging = (await admin.post('/api/workspaces', { name: 'Staging', color: '#123456' })).body;
  return { admin, account, home: workspace, staging };
}

test('team: an invitation, a role change and a removal read with the names of who, whom and where', async () => {
  const { admin, staging } = await adaWithStaging();
  const invited = await admin.post('/api/team-members', {
    firstName: 'Grace',
    lastName: 'Hopper',
    email: 'grace@example.com',
    accountRole: 'member',
    workspaceAccess: { mode: 'custom', roles: [{ workspaceId: staging.id, role: 'viewer' }] },
  });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const grace = invited.body.id as string;
  const changed = await admin.patch(`/api/team-members/${grace}`, {
    workspaceAccess: { mode: 'custom', roles: [{ workspaceId: staging.id, role: 'author' }] },
  });
  expect(changed.status, JSON.stringify(changed.body)).toBe(200);
  await admin.delete(`/api/team-members/${grace}`);

  const entries = await log(admin, '/api/account/activity');
  expect(entry(entries, 'team_member.invited')?.summary).toBe(
    'Ada Lovelace invited grace@example.com as Viewer in Staging',
  );
  expect(entry(entries, 'team_member.roles_changed')).toMatchObject({
    summary: 'Ada Lovelace changed Grace Hopper’s role in Staging from Viewer to Author',
    changes: [{ field: 'Role in Staging', before: 'Viewer', after: 'Author' }],
  });
  expect(entry(entries, 'team_member.deleted')?.summary).toBe(
    'Ada Lovelace removed Grace Hopper from the team',
  );
  // The workspace is named as it is called today.
  await admin.patch(`/api/workspaces/${staging.id}`, { name: 'Production' });
  const renamed = await log(admin, '/api/account/activity?action=team_member.roles_changed');
  expect(renamed[0]?.summary).toBe(
    'Ada Lovelace changed Grace Hopper’s role in Production from Viewer to Author',
  );
});

test('workspace and account: settings, renames and deletions in words', async () => {
  const { admin, account, staging } = await adaWithStaging();
  await admin.patch(`/api/workspaces/${staging.id}/settings`, { sendMode: 'normal', openTracking: false });
  await admin.patch(`/api/workspaces/${staging.id}/settings`, { sendMode: 'test' });
  await admin.patch(`/api/workspaces/${staging.id}`, { name: 'Staging 2' });
  await admin.patch('/api/account', { name: 'Analytical Engines' });
  await admin.delete(`/api/workspaces/${staging.id}`, { confirmName: 'Staging 2' });

  const entries = await log(admin, '/api/account/activity');
  const settings = entries.filter((e) => e.action === 'workspace.settings_changed').map((e) => e.summary);
  expect(settings).toEqual([
    'Ada Lovelace changed Staging’s send mode to test',
    'Ada Lovelace changed Staging’s send mode to normal and turned open tracking off in Staging',
  ]);
  expect(entry(entries, 'workspace.settings_changed')?.changes).toEqual([
    { field: 'Send mode', before: 'normal', after: 'test' },
  ]);
  expect(entry(entries, 'workspace.updated')?.summary).toBe(
    'Ada Lovelace renamed the workspace ‘Staging’ to ‘Staging 2’',
  );
  expect(entry(entries, 'workspace.created')?.summary).toBe('Ada Lovelace created the workspace ‘Staging’');
  expect(entry(entries, 'workspace.deleted')?.summary).toBe('Ada Lovelace deleted the workspace ‘Staging 2’');
  expect(entry(entries, 'account.updated')?.summary).toBe(
    `Ada Lovelace renamed the account from ‘${account.name}’ to ‘Analytical Engines’`,
  );
  expect(entry(entries, 'account.created')?.summary).toBe(
    `Ada Lovelace created the account ‘${account.name}’`,
  );
});

test('people, keys and resources: led by the person’s name, the key’s and the item’s', async () => {
  const { admin, staging } = await adaWithStaging();
  const at = (path: string) => `/api/workspaces/${staging.id}/${path}`;
  const person = await admin.post(at('people'), {
    email: 'grace@example.com',
    attributes: { first_name: 'Grace', last_name: 'Hopper', plan: 'free' },
  });
  expect(person.status, JSON.stringify(person.body)).toBe(201);
  await admin.patch(at(`people/${person.body.cioId}`), { attributes: { plan: 'pro' } });
  await admin.delete(at(`people/${person.body.cioId}`));
  await admin.post(at('api-keys'), { name: 'prod', kind: 'track' });
  await admin.post(at('segments'), { name: 'VIPs' });
  await admin.post(at('people/exports'), { format: 'csv' });

  const entries = await log(admin, at('activity'));
  expect(entry(entries, 'person.created')?.summary).toBe('Ada Lovelace added the person Grace Hopper');
  expect(entry(entries, 'person.updated')).toMatchObject({
    summary: 'Ada Lovelace updated the person Grace Hopper',
    changes: [{ field: 'plan', before: 'free', after: 'pro' }],
  });
  expect(entry(entries, 'person.deleted')?.summary).toBe('Ada Lovelace deleted the person Grace Hopper');
  expect(entry(entries, 'api_key.created')?.summary).toBe('Ada Lovelace created the Track API key ‘prod’');
  expect(entry(entries, 'segment.created')?.summary).toBe('Ada Lovelace created the segment ‘VIPs’');
  expect(entry(entries, 'people.exported')?.summary).toBe('Ada Lovelace exported 0 people as CSV');
  for (const e of entries) expect(e.summary, e.action).not.toMatch(/[{}]|\b[a-z]+\.[a-z_]+\b/);
});

test('a member with hidden attributes reads sentences without the hidden values', async () => {
  const { admin, staging } = await adaWithStaging();
  const viewer = await addMember(service, admin, {
    roles: [{ workspaceId: staging.id, role: 'viewer', hideAttributes: true }],
  });
  const made = await admin.post(`/api/workspaces/${staging.id}/people`, {
    email: 'secret@example.com',
    attributes: { first_name: 'Secret', last_name: 'Agent', plan: 'gold' },
  });
  expect(made.status).toBe(201);

  const path = `/api/workspaces/${staging.id}/activity?action=person.created`;
  const [seen] = await log(viewer.client, path);
  expect(seen?.summary).toBe('Ada Lovelace added a person');
  expect(seen?.changes).toContainEqual({ field: 'first_name', before: null, after: 'Hidden' });
  expect(JSON.stringify(seen)).not.toMatch(/secret|Agent|gold/i);
  // The same entry, to someone who may see attributes.
  const [whole] = await log(admin, path);
  expect(whole?.summary).toBe('Ada Lovelace added the person Secret Agent');
});

test('the kinds of action, in words, for the filter', async () => {
  const kinds = (await service.client().get('/api/activity/kinds')).body as {
    action: string;
    label: string;
  }[];
  expect(kinds).toContainEqual({ action: 'team_member.roles_changed', label: 'Role changes' });
  expect(kinds).toContainEqual({ action: 'workspace.settings_changed', label: 'Workspace settings' });
});
