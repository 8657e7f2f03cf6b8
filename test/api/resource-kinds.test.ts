import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectProblem } from '../support/client.js';
import { addMember } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

interface Served {
  kind: string;
  path: string;
  prefix: string;
  label: { singular: string; plural: string };
  group: string;
  description: string;
  permissions: Record<string, string>;
  schema: { type: string; properties: Record<string, unknown>; required?: string[] } | null;
  editableFields: string[];
  copyable: boolean;
  upload: { accept: string[] } | null;
  routes: string[];
  list: {
    title: { label: string; field: string };
    columns: { label: string; field: string; format: string; template?: string }[];
    filter: { param: string; values: string[] } | null;
  };
}

describe('GET /api/resource-kinds', () => {
  test('needs a session', async () => {
    expectProblem(await service.client().get('/api/resource-kinds'), 401);
  });

  test('serves each kind once, by group, with the permissions of the catalogue and its body’s schema', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const reply = await admin.get('/api/resource-kinds');
    expect(reply.status).toBe(200);
    const items: Served[] = reply.body.items;
    const byPath = new Map(items.map((k) => [k.path, k]));
    expect(byPath.size).toBe(items.length);
    // The navigation's order: Journeys, then Data, then Content.
    const groups = items.map((k) => k.group);
    expect(groups).toEqual([...groups].sort((a, b) => order(a) - order(b)));
    expect([...byPath.keys()]).toEqual(
      expect.arrayContaining([
        'campaigns',
        'segments',
        'deliveries',
        'objects',
        'layouts',
        'message-library',
      ]),
    );
    // Ad Audiences have a screen of their own, under their segment.
    expect(byPath.has('ad-audiences')).toBe(false);

    const catalog = new Set(
      (await admin.get('/api/permissions')).body.workspacePermissions.map((p: { key: string }) => p.key),
    );
    for (const kind of items) {
      for (const key of Object.values(kind.permissions))
        expect(catalog, `${kind.path}: ${key}`).toContain(key);
      expect(kind.description.length, kind.path).toBeGreaterThan(20);
      // Each list is a real route, which an Account Admin reads.
      const list = await admin.get(`/api/workspaces/${workspace.id}/${kind.path}?limit=1`);
      expect(list.status, `${kind.path}: ${JSON.stringify(list.body)}`).toBe(200);
      if (kind.routes.includes('create')) {
        expect(kind.schema?.type).toBe('object');
        expect(kind.editableFields).toEqual(Object.keys(kind.schema!.properties));
      } else {
        expect(kind.editableFields).toEqual([]);
      }
    }

    const campaigns = byPath.get('campaigns')!;
    expect(campaigns).toMatchObject({
      kind: 'campaign',
      prefix: 'cmp',
      label: { singular: 'Campaign', plural: 'Campaigns' },
      group: 'Journeys',
      permissions: {
        view: 'campaigns.view',
        create: 'campaigns.create',
        edit: 'campaigns.edit',
        delete: 'campaigns.delete',
        send: 'messages.send',
      },
      copyable: true,
      upload: null,
    });
    expect(campaigns.routes).toEqual(expect.arrayContaining(['create', 'edit', 'copy', 'test-send']));
    expect(campaigns.routes).not.toContain('send');
    expect(campaigns.schema?.required).toEqual(expect.arrayContaining(['name', 'state', 'messages']));
    expect(campaigns.schema?.properties.state).toMatchObject({
      enum: ['draft', 'running', 'paused', 'stopped'],
      default: 'draft',
    });
    expect(byPath.get('broadcasts')!.routes).toContain('send');

    // Assets are uploaded and downloaded, never edited.
    const assets = byPath.get('assets')!;
    expect(assets.upload?.accept).toContain('image/png');
    expect(assets.routes).toEqual(expect.arrayContaining(['upload', 'download', 'delete']));
    expect(assets.routes).not.toContain('edit');
    expect(assets.permissions).not.toHaveProperty('edit');

    // What the console's lists show is data: columns, a title other than the name, a filter.
    expect(byPath.get('snippets')!.list.columns[0]).toEqual({
      label: 'Use as',
      field: 'name',
      format: 'code',
      template: '{{ snippets.%s }}',
    });
    expect(byPath.get('objects')!.list.title).toEqual({ label: 'Object id', field: 'objectId' });
    const deliveries = byPath.get('deliveries')!;
    expect(deliveries.schema).toBeNull();
    expect(deliveries.routes).toEqual(['list']);
    expect(deliveries.list.filter).toMatchObject({
      param: 'state',
      values: expect.arrayContaining(['sent']),
    });
  });

  test('a body written from a served schema is one the create route accepts', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const items: Served[] = (await admin.get('/api/resource-kinds')).body.items;
    const snippets = items.find((k) => k.path === 'snippets')!;
    // Only the required fields, as a form built from the schema asks for them.
    const body = Object.fromEntries(
      snippets.schema!.required!.map((f) => [f, f === 'name' ? 'footer' : 'x']),
    );
    expect((await admin.post(`/api/workspaces/${workspace.id}/snippets`, body)).status).toBe(201);
  });

  test('any signed-in member reads the same registry, whatever their role', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const viewer = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer' }],
    });
    const theirs = await viewer.client.get('/api/resource-kinds');
    expect(theirs.status).toBe(200);
    expect(theirs.body).toEqual((await admin.get('/api/resource-kinds')).body);
  });
});

function order(group: string): number {
  return ['Journeys', 'Data', 'Content'].indexOf(group);
}
