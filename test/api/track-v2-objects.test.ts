import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MASK } from '../../src/access/masking.js';
import { expectProblem } from '../support/client.js';
import { addMember } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';
import {
  createObjectType,
  objectsOf,
  personById,
  relationshipsOf,
  workspaceWithV2,
} from '../support/track-v2.js';

// The Track API v2's objects and relationships (split from track-v2.test.ts).

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

type Op = Record<string, unknown>;

const identify = (id: string, attributes: Op = {}, more: Op = {}): Op => ({
  type: 'person',
  action: 'identify',
  identifiers: { id },
  attributes,
  ...more,
});

describe('Track API v2: objects and relationships', () => {
  test('identify creates or merges an object by its type’s number or id; relationships both ways; delete', async () => {
    const { admin, workspace, track } = await workspaceWithV2(service);
    const companies = await createObjectType(admin, workspace.id, 'Companies');
    const courses = await createObjectType(admin, workspace.id, 'Courses');
    await track.batch([identify('ada'), identify('grace')]);
    const ada = (await personById(admin, workspace.id, 'ada'))!;
    const grace = (await personById(admin, workspace.id, 'grace'))!;

    const answer = await track.batch([
      {
        type: 'object',
        action: 'identify',
        identifiers: { object_type_id: '1', object_id: 'acme' },
        attributes: { name: 'Acme', plan: 'pro' },
        cio_relationships: [{ identifiers: { id: 'ada' }, relationship_attributes: { role: 'admin' } }],
        created_at: 1_700_000_000,
      },
      {
        type: 'object',
        action: 'identify',
        identifiers: { object_type_id: companies, object_id: 'acme' },
        attributes: { plan: null, size: 10 },
      },
      { type: 'object', action: 'identify', identifiers: { object_type_id: 2, object_id: 'math' } },
      {
        type: 'person',
        action: 'add_relationships',
        identifiers: { id: 'grace' },
        cio_relationships: [
          { identifiers: { object_type_id: '1', object_id: 'acme' } },
          {
            identifiers: { object_type_id: '2', object_id: 'physics' },
            relationship_attributes: { grade: 'A' },
          },
        ],
      },
      identify(
        'ada',
        {},
        {
          cio_relationships: [{ identifiers: { object_type_id: '2', object_id: 'math' } }],
        },
      ),
    ]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const [acme] = await objectsOf(admin, workspace.id, companies);
    expect(acme).toMatchObject({
      objectId: 'acme',
      attributes: { name: 'Acme', size: 10 },
      createdBy: 'Track API',
    });
    expect(acme!.attributes).not.toHaveProperty('plan');
    const courseObjects = await objectsOf(admin, workspace.id, courses);
    expect(courseObjects.map((o) => o.objectId).sort()).toEqual(['math', 'physics']);
    const physics = courseObjects.find((o) => o.objectId === 'physics')!;
    const math = courseObjects.find((o) => o.objectId === 'math')!;

    expect(await relationshipsOf(admin, workspace.id, `objectId=${acme!.id}`)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ cioId: ada.cioId, attributes: { role: 'admin' } }),
        expect.objectContaining({ cioId: grace.cioId, attributes: {} }),
      ]),
    );
    expect(await relationshipsOf(admin, workspace.id, `cioId=${grace.cioId}`)).toHaveLength(2);
    expect(
      (await relationshipsOf(admin, workspace.id, `cioId=${ada.cioId}`)).map((r) => r.objectId).sort(),
    ).toEqual([acme!.id, math.id].sort());

    // Removing relationships, from either side; deleting the object takes its relationships.
    const removed = await track.batch([
      {
        type: 'person',
        action: 'delete_relationships',
        identifiers: { id: 'grace' },
        cio_relationships: [{ identifiers: { object_type_id: '2', object_id: 'physics' } }],
      },
      {
        type: 'object',
        action: 'delete_relationships',
        identifiers: { object_type_id: '1', object_id: 'acme' },
        cio_relationships: [{ identifiers: { id: 'ada' } }],
      },
      { type: 'object', action: 'delete', identifiers: { object_type_id: '2', object_id: 'math' } },
      { type: 'object', action: 'delete', identifiers: { object_type_id: '2', object_id: 'never-was' } },
    ]);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(await relationshipsOf(admin, workspace.id, `objectId=${physics.id}`)).toEqual([]);
    expect((await relationshipsOf(admin, workspace.id, `objectId=${acme!.id}`)).map((r) => r.cioId)).toEqual([
      grace.cioId,
    ]);
    expect((await objectsOf(admin, workspace.id, courses)).map((o) => o.objectId)).toEqual(['physics']);
    expect(await relationshipsOf(admin, workspace.id, `cioId=${ada.cioId}`)).toEqual([]);

    // The console's log shows what the Track API did, in the same entries as the console's own.
    const log = (await admin.get(`/api/workspaces/${workspace.id}/activity`)).body.items as {
      action: string;
    }[];
    for (const action of [
      'object.created',
      'object.updated',
      'object.deleted',
      'relationship.created',
      'relationship.deleted',
    ])
      expect(log.map((e) => e.action)).toContain(action);
  });

  test('object type numbers: creation order, kept for good; unknown types and people refused clearly', async () => {
    const { admin, workspace, track } = await workspaceWithV2(service);
    const first = await createObjectType(admin, workspace.id, 'First');
    const second = await createObjectType(admin, workspace.id, 'Second');
    expect(
      (
        await track.entity({
          type: 'object',
          action: 'identify',
          identifiers: { object_type_id: '2', object_id: 'x' },
        })
      ).status,
    ).toBe(200);
    expect((await objectsOf(admin, workspace.id, second)).map((o) => o.objectId)).toEqual(['x']);
    // The first type goes; a third comes: it is number 3, and 1 names nothing.
    expect((await admin.delete(`/api/workspaces/${workspace.id}/object-types/${first}`)).status).toBe(204);
    const third = await createObjectType(admin, workspace.id, 'Third');
    const answer = await track.batch([
      { type: 'object', action: 'identify', identifiers: { object_type_id: '3', object_id: 'y' } },
      { type: 'object', action: 'identify', identifiers: { object_type_id: '1', object_id: 'z' } },
      { type: 'object', action: 'identify', identifiers: { object_type_id: 'ot_nope', object_id: 'z' } },
      { type: 'object', action: 'identify', identifiers: { object_type_id: 'companies', object_id: 'z' } },
      {
        type: 'object',
        action: 'add_relationships',
        identifiers: { object_type_id: '2', object_id: 'x' },
        cio_relationships: [{ identifiers: { id: 'nobody' } }],
      },
      {
        type: 'person',
        action: 'add_relationships',
        identifiers: { id: 'nobody' },
        cio_relationships: [{ identifiers: { object_type_id: '9', object_id: 'x' } }],
      },
    ]);
    expect(answer.status).toBe(207);
    expect(answer.body.errors).toEqual([
      {
        batch_index: 1,
        reason: 'not_found',
        field: 'identifiers.object_type_id',
        message: expect.stringContaining('no object type number 1'),
      },
      {
        batch_index: 2,
        reason: 'not_found',
        field: 'identifiers.object_type_id',
        message: expect.stringContaining('ot_nope'),
      },
      {
        batch_index: 3,
        reason: 'not_found',
        field: 'identifiers.object_type_id',
        message: expect.stringContaining('"companies"'),
      },
      {
        batch_index: 4,
        reason: 'not_found',
        field: 'cio_relationships',
        message: expect.stringContaining('id nobody'),
      },
      { batch_index: 5, reason: expect.any(String), field: expect.any(String), message: expect.any(String) },
    ]);
    expect((await objectsOf(admin, workspace.id, third)).map((o) => o.objectId)).toEqual(['y']);
    // The numbers, as the console and the API show them: a type created since is numbered on sight.
    const fourth = await createObjectType(admin, workspace.id, 'Fourth');
    const viewer = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer' }],
    });
    const numbers = await viewer.client.get(`/api/workspaces/${workspace.id}/object-type-numbers`);
    expect(numbers.status).toBe(200);
    expect(numbers.body.items).toEqual([
      { number: 2, typeId: second, name: 'Second' },
      { number: 3, typeId: third, name: 'Third' },
      { number: 4, typeId: fourth, name: 'Fourth' },
    ]);
    const entity = await track.entity({
      type: 'object',
      action: 'delete',
      identifiers: { object_type_id: '7', object_id: 'x' },
    });
    expectProblem(entity, 404, 'not_found');
    expect(entity.body.errors).toEqual([
      {
        path: '/identifiers/object_type_id',
        reason: 'not_found',
        field: 'identifiers.object_type_id',
        message: entity.body.detail,
      },
    ]);
  });

  test('concurrent requests creating the same object make one object, every change kept', async () => {
    const { admin, workspace, track } = await workspaceWithV2(service);
    const shops = await createObjectType(admin, workspace.id, 'Shops');
    await track.batch([identify('c0'), identify('c1'), identify('c2'), identify('c3'), identify('c4')]);
    const answers = await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        track.entity({
          type: 'object',
          action: 'identify',
          identifiers: { object_type_id: '1', object_id: 'corner' },
          attributes: { [`by${i}`]: true },
          cio_relationships: [{ identifiers: { id: `c${i}` } }],
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const all = await objectsOf(admin, workspace.id, shops);
    expect(all).toHaveLength(1);
    expect(all[0]!.attributes).toEqual({ by0: true, by1: true, by2: true, by3: true, by4: true });
    expect(await relationshipsOf(admin, workspace.id, `objectId=${all[0]!.id}`)).toHaveLength(5);
  });

  test('a member with hidden attributes sees objects and relationships written this way masked', async () => {
    const { admin, workspace, track } = await workspaceWithV2(service);
    const accounts = await createObjectType(admin, workspace.id, 'Accounts');
    await track.batch([
      identify('ada'),
      {
        type: 'object',
        action: 'identify',
        identifiers: { object_type_id: '1', object_id: 'secret-account' },
        attributes: { owner: 'Zelda' },
        cio_relationships: [{ identifiers: { id: 'ada' }, relationship_attributes: { role: 'treasurer' } }],
      },
    ]);
    const masked = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'author', hideAttributes: true }],
    });
    const [seen] = await objectsOf(masked.client, workspace.id, accounts);
    expect(seen).toMatchObject({ objectId: MASK, attributes: { owner: MASK } });
    const rels = await relationshipsOf(masked.client, workspace.id, `objectId=${seen!.id}`);
    expect(rels[0]!.attributes).toEqual({ role: MASK });
    const log = (await masked.client.get(`/api/workspaces/${workspace.id}/activity`)).body.items;
    expect(JSON.stringify(log)).not.toMatch(/Zelda|treasurer/);
  });
});
