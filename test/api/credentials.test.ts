import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { type Client, expectProblem } from '../support/client.js';
import { addMember } from '../support/members.js';
import { unique } from '../support/row-probes.js';
import { startService, type TestService } from '../support/service.js';

/**
 * Credentials in the settings of integrations and of pipelines' sources and destinations are
 * write-only for everyone: every read shows them masked; writes keep them; the database holds them.
 */
let service: TestService;
let admin: Client;
let viewer: Client;
let ws: string;
const at = (rest: string) => `/api/workspaces/${ws}/${rest}`;

const API_KEY = 'sk_live_0123456789abcdefWXYZ';
const BEARER = 'Bearer eyJhbGciOiJIUzI1NiJ9.secret-part';
const PASSWORD = 'hunter2!';
const secrets = [API_KEY, BEARER, PASSWORD, 'sk_live_0123456789abcdef', 'secret-part', 'hunter2'];

beforeAll(async () => {
  service = await startService();
  admin = service.client();
  ws = (await admin.signup()).workspace.id;
  viewer = (await addMember(service, admin, { roles: [{ workspaceId: ws, role: 'viewer' }] })).client;
}, 60_000);
afterAll(() => service?.close());

/** No secret anywhere in what a client was answered. */
function expectNoSecret(body: unknown) {
  const text = JSON.stringify(body);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

/** The settings as the database holds them. */
async function stored(id: string) {
  const [row] = await queryRows<{ body: { settings: Record<string, unknown> } }>(
    service.ctx.db,
    sql`SELECT body FROM resources WHERE workspace_id = ${ws} AND id = ${id}`,
  );
  return row!.body.settings;
}

const masked = {
  apiKey: '••••WXYZ',
  password: '••••',
  region: 'eu',
  headers: { Authorization: '••••part', 'X-Trace': '1' },
};

describe('credentials in settings are write-only', () => {
  test('a pipeline destination: masked for the Viewer and the Admin, on create, get, list and in the activity log', async () => {
    const create = await admin.post(at('pipelines'), {
      name: unique('Warehouse'),
      direction: 'destination',
      type: 'http',
      settings: {
        apiKey: API_KEY,
        password: PASSWORD,
        region: 'eu',
        headers: { Authorization: BEARER, 'X-Trace': '1' },
      },
    });
    expect(create.status, JSON.stringify(create.body)).toBe(201);
    expect(create.body.settings).toEqual(masked);
    expectNoSecret(create.body);
    const id = create.body.id as string;

    for (const client of [viewer, admin]) {
      const one = await client.get(at(`pipelines/${id}`));
      expect(one.status).toBe(200);
      expect(one.body.settings).toEqual(masked);
      const list = await client.get(at('pipelines'));
      expect(list.body.items.find((p: { id: string }) => p.id === id).settings).toEqual(masked);
      expectNoSecret([one.body, list.body]);
    }
    // The service itself still has them.
    expect(await stored(id)).toEqual({
      apiKey: API_KEY,
      password: PASSWORD,
      region: 'eu',
      headers: { Authorization: BEARER, 'X-Trace': '1' },
    });

    // An edit that leaves them out, or sends the masks back, keeps them.
    // (The settings given replace the stored ones, credentials aside: X-Trace goes.)
    const omitted = await admin.patch(at(`pipelines/${id}`), { settings: { region: 'us' } });
    expect(omitted.status, JSON.stringify(omitted.body)).toBe(200);
    expect(omitted.body.settings).toEqual({
      ...masked,
      region: 'us',
      headers: { Authorization: '••••part' },
    });
    const read = (await admin.get(at(`pipelines/${id}`))).body;
    const echoed = await admin.patch(at(`pipelines/${id}`), {
      settings: { ...read.settings, region: 'ap', headers: { ...read.settings.headers, 'X-Trace': '2' } },
    });
    expect(echoed.status, JSON.stringify(echoed.body)).toBe(200);
    expectNoSecret([omitted.body, echoed.body]);
    expect(await stored(id)).toEqual({
      apiKey: API_KEY,
      password: PASSWORD,
      region: 'ap',
      headers: { Authorization: BEARER, 'X-Trace': '2' },
    });

    // A new value replaces one; null clears one.
    const rotated = await admin.patch(at(`pipelines/${id}`), {
      settings: { apiKey: 'sk_live_fedcba9876543210ABCD', password: null },
    });
    expect(rotated.body.settings).toMatchObject({ apiKey: '••••ABCD', password: null });
    expect(await stored(id)).toMatchObject({
      apiKey: 'sk_live_fedcba9876543210ABCD',
      password: null,
      headers: { Authorization: BEARER },
    });
    expectNoSecret(rotated.body);

    // The activity log shows what changed, masked.
    const activity = await admin.get(at('activity?limit=100'));
    expect(activity.status).toBe(200);
    const entries = activity.body.items.filter((e: { target: { id: string } }) => e.target.id === id);
    expect(entries.length).toBeGreaterThanOrEqual(4);
    expectNoSecret(activity.body);
    expect(JSON.stringify(activity.body)).not.toContain('sk_live_fedcba9876543210ABCD');

    await admin.delete(at(`pipelines/${id}`));
    expectNoSecret((await admin.get(at('activity?limit=100'))).body);
  });

  test('an integration: masked for its Admin; a mask where nothing is stored is a 400 naming the field', async () => {
    const create = await admin.post(at('integrations'), {
      name: unique('CRM'),
      type: 'salesforce',
      settings: { token: API_KEY, client_secret: PASSWORD, instance: 'eu12' },
    });
    expect(create.status, JSON.stringify(create.body)).toBe(201);
    expect(create.body.settings).toEqual({ token: '••••WXYZ', client_secret: '••••', instance: 'eu12' });
    expectNoSecret((await admin.get(at(`integrations/${create.body.id}`))).body);
    expectNoSecret((await admin.get(at('integrations'))).body);
    expectProblem(await viewer.get(at(`integrations/${create.body.id}`)), 403);

    const refused = await admin.post(at('integrations'), {
      name: unique('Masked'),
      type: 'slack',
      settings: { webhook: { signingSecret: '••••' } },
    });
    expectProblem(refused, 400, 'invalid');
    expect(refused.body.errors).toEqual([
      { path: '/settings/webhook/signingSecret', message: expect.any(String) },
    ]);
    const added = await admin.patch(at(`integrations/${create.body.id}`), {
      settings: { token: '••••WXYZ', client_secret: '••••', instance: 'eu12', apiKey: '••••' },
    });
    expectProblem(added, 400, 'invalid');
    expect(added.body.errors[0].path).toBe('/settings/apiKey');
    expect(await stored(create.body.id)).toEqual({
      token: API_KEY,
      client_secret: PASSWORD,
      instance: 'eu12',
    });
  });

  test('an entry logged before credentials were masked shows them masked when read', async () => {
    const [account] = await queryRows<{ id: string }>(
      service.ctx.db,
      sql`SELECT account_id AS id FROM workspaces WHERE id = ${ws}`,
    );
    const old = unique('act_old');
    const after = { settings: { apiKey: API_KEY, password: PASSWORD, region: 'eu' } };
    await service.ctx.db.execute(sql`INSERT INTO activity
      (id, account_id, workspace_id, actor_member_id, actor_name, action, target_type, target_id, target_name, before, after, created_at)
      VALUES (${old}, ${account!.id}, ${ws}, NULL, 'Ada Admin', 'pipeline.created', 'pipeline', 'pip_old', 'Old',
        NULL, ${JSON.stringify(after)}::jsonb, now())`);
    for (const reader of [admin, viewer]) {
      const activity = await reader.get(at('activity?limit=100'));
      expect(activity.status).toBe(200);
      const entry = activity.body.items.find((e: { id: string }) => e.id === old);
      expect(entry.after.settings).toEqual({ apiKey: '••••WXYZ', password: '••••', region: 'eu' });
      expectNoSecret(activity.body);
    }
  });
});
