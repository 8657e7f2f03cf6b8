import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Client, expectProblem } from '../support/client.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
let alice: Client;
let bob: Client;
let aliceWs: { id: string; name: string };
let aliceSecond: { id: string; name: string };

beforeAll(async () => {
  service = await startService();
  alice = service.client();
  bob = service.client();
  ({ workspace: aliceWs } = await alice.signup());
  aliceSecond = (await alice.post('/api/workspaces', { name: 'Second' })).body;
  await bob.signup();
});
afterAll(() => service?.close());

test('another account’s workspace answers 404 to every route, reading or writing', async () => {
  for (const id of [aliceWs.id, aliceSecond.id]) {
    const attempts = [
      bob.get(`/api/workspaces/${id}`),
      bob.patch(`/api/workspaces/${id}`, { name: 'Mine now' }),
      bob.delete(`/api/workspaces/${id}`, { confirmName: 'Second' }),
      bob.get(`/api/workspaces/${id}/settings`),
      bob.patch(`/api/workspaces/${id}/settings`, { sendMode: 'normal' }),
      bob.get(`/api/workspaces/${id}/access`),
      bob.get(`/api/workspaces/${id}/activity`),
      bob.put('/api/me/current-workspace', { workspaceId: id }),
    ];
    for (const reply of await Promise.all(attempts)) expectProblem(reply, 404, 'not_found');
  }
  // …and nothing changed.
  expect((await alice.get(`/api/workspaces/${aliceSecond.id}`)).body.name).toBe('Second');
  expect((await alice.get(`/api/workspaces/${aliceWs.id}/settings`)).body.sendMode).toBe('test');
});

test('a workspace that does not exist answers the same 404 as one of another account', async () => {
  const missing = await bob.get('/api/workspaces/ws_01aaaaaaaaaaaaaaaaaaaaaaaa');
  const foreign = await bob.get(`/api/workspaces/${aliceWs.id}`);
  expectProblem(missing, 404);
  expect(foreign.body).toEqual(missing.body);
});

test('lists and logs show only the caller’s account', async () => {
  const ids = (await bob.get('/api/workspaces')).body.items.map((w: { id: string }) => w.id);
  expect(ids).not.toContain(aliceWs.id);
  const log = (await bob.get('/api/account/activity')).body.items;
  expect(log.length).toBeGreaterThan(0);
  expect(log.every((e: { workspaceId: string | null }) => e.workspaceId !== aliceWs.id)).toBe(true);
  expect(JSON.stringify(log)).not.toContain(aliceWs.id);
});

test('another account’s jobs answer 404', async () => {
  const third = (await alice.post('/api/workspaces', { name: 'Third' })).body;
  const del = await alice.delete(`/api/workspaces/${third.id}`, { confirmName: 'Third' });
  const jobUrl = del.headers.get('location')!;
  expect((await alice.get(jobUrl)).status).toBe(200);
  expectProblem(await bob.get(jobUrl), 404, 'not_found');
});

test('another account’s API keys and their routes answer 404', async () => {
  const key = (await alice.post(`/api/workspaces/${aliceWs.id}/api-keys`, { kind: 'track' })).body;
  for (const reply of await Promise.all([
    bob.get(`/api/workspaces/${aliceWs.id}/api-keys`),
    bob.post(`/api/workspaces/${aliceWs.id}/api-keys`, { kind: 'app' }),
    bob.delete(`/api/workspaces/${aliceWs.id}/api-keys/${key.id}`),
    bob.get(`/api/workspaces/${aliceWs.id}/jobs/job_01aaaaaaaaaaaaaaaaaaaaaaaa`),
  ])) {
    expectProblem(reply, 404, 'not_found');
  }
  expect(
    (await alice.get(`/api/workspaces/${aliceWs.id}/api-keys`)).body.items.map((k: { id: string }) => k.id),
  ).toContain(key.id);
});
