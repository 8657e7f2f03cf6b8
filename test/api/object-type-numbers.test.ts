import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { startService, type TestService } from '../support/service.js';
import { createObjectType, workspaceWithV2 } from '../support/track-v2.js';

// Customer.io's numbers of object types (object_type_id): given when a type is created, in
// creation order, never reused; reading them writes nothing.

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const numbersInTable = (workspaceId: string) =>
  queryRows<{ typeId: string; number: number }>(
    service.ctx.db,
    sql`SELECT type_id AS "typeId", number FROM object_type_numbers WHERE workspace_id = ${workspaceId} ORDER BY number`,
  );

describe('object type numbers', () => {
  test('given at creation, in order; a deleted type’s number is not given again, whoever read first', async () => {
    const { admin, workspace, track } = await workspaceWithV2(service);
    const at = `/api/workspaces/${workspace.id}/object-types`;
    const a = await createObjectType(admin, workspace.id, 'A');
    const b = await createObjectType(admin, workspace.id, 'B');
    // Numbered before anything read them.
    expect(await numbersInTable(workspace.id)).toEqual([
      { typeId: a, number: 1 },
      { typeId: b, number: 2 },
    ]);
    expect((await admin.delete(`${at}/${a}`)).status).toBeLessThan(300);
    const numbers = await admin.get(`/api/workspaces/${workspace.id}/object-type-numbers`);
    expect(numbers.body.items).toEqual([{ number: 2, typeId: b, name: 'B' }]);
    const c = await createObjectType(admin, workspace.id, 'C');
    const identified = await track.batch([
      { type: 'object', action: 'identify', identifiers: { object_type_id: '2', object_id: 'b1' } },
      { type: 'object', action: 'identify', identifiers: { object_type_id: 3, object_id: 'c1' } },
      { type: 'object', action: 'identify', identifiers: { object_type_id: '1', object_id: 'a1' } },
    ]);
    expect(identified.body.errors).toEqual([
      {
        batch_index: 2,
        reason: 'not_found',
        field: 'identifiers.object_type_id',
        message: expect.any(String),
      },
    ]);
    expect((await numbersInTable(workspace.id)).map((n) => [n.typeId, n.number])).toEqual([
      [a, 1],
      [b, 2],
      [c, 3],
    ]);
  });

  test('types created at once get distinct numbers, one after another', async () => {
    const { admin, workspace } = await workspaceWithV2(service);
    const names = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'];
    const ids = await Promise.all(names.map((name) => createObjectType(admin, workspace.id, name)));
    const numbers = await numbersInTable(workspace.id);
    expect(numbers.map((n) => n.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(numbers.map((n) => n.typeId))).toEqual(new Set(ids));
  });

  test('the numbers belong to their workspace: deleted with it', async () => {
    const [constraint] = await queryRows<{ definition: string }>(
      service.ctx.db,
      sql`SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
          WHERE conrelid = 'object_type_numbers'::regclass AND contype = 'f'`,
    );
    expect(constraint?.definition).toMatch(/REFERENCES workspaces\(id\) ON DELETE CASCADE/);
  });
});
