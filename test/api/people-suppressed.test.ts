import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { type Client, expectProblem } from '../support/client.js';
import { importCsv } from '../support/imports.js';
import { startService, type TestService } from '../support/service.js';
import { ok, setUpTrack } from '../support/track-v1.js';

// A suppressed id or email is given to nobody until unsuppressed (Customer.io's rule), whoever
// writes: the console's people API refuses it (409), a CSV import refuses its row; the Track API
// still ignores the call (200 {}). The check is the people writer's (people/writer.ts).

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const peopleCount = async (workspaceId: string) =>
  (
    await queryRows<{ n: number }>(
      service.ctx.db,
      sql`SELECT count(*)::int AS n FROM people WHERE workspace_id = ${workspaceId}`,
    )
  )[0]!.n;

/** A Track API identify that went through: 200 (its body is the person written, or {} when ignored). */
const answered = (reply: { status: number; body: unknown }) =>
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);

const idsOf = async (client: Client, workspaceId: string) =>
  (await client.get(`/api/workspaces/${workspaceId}/people`)).body.items.map((p: { id: string }) => p.id);

describe('a suppressed identifier', () => {
  test('the console cannot create a person with it, nor give it to someone; after unsuppress it can', async () => {
    const { admin, workspace, track } = await setUpTrack(service);
    const base = `/api/workspaces/${workspace.id}/people`;
    answered(await track.identify('s1', { email: 's1@example.com' }));
    ok(await track.suppress('s1'));
    expect(await peopleCount(workspace.id)).toBe(0);

    const byId = await admin.post(base, { id: 's1', email: 'new@example.com' });
    expectProblem(byId, 409, 'identifier_suppressed');
    expect(byId.body.detail).toBe(
      'id s1 is suppressed: unsuppress it (Track API POST /api/v1/customers/s1/unsuppress) to add this person again.',
    );
    expect(byId.body.errors).toEqual([{ path: '/id', message: expect.stringContaining('is suppressed') }]);
    // The suppression covers the email the person had too, in any case.
    expectProblem(await admin.post(base, { email: 'S1@example.com' }), 409, 'identifier_suppressed');
    expect(await peopleCount(workspace.id)).toBe(0);
    const created = await admin.get(`/api/workspaces/${workspace.id}/activity?action=person.created`);
    expect(created.body.items).toEqual([]);

    // An update that would give it to someone else: refused, the person unchanged.
    const other = (await admin.post(base, { id: 'o1', email: 'o1@example.com' })).body;
    expectProblem(await admin.patch(`${base}/${other.cioId}`, { id: 's1' }), 409, 'identifier_suppressed');
    expectProblem(
      await admin.patch(`${base}/${other.cioId}`, { email: 's1@example.com' }),
      409,
      'identifier_suppressed',
    );
    expect((await admin.get(`${base}/${other.cioId}`)).body).toMatchObject({
      id: 'o1',
      email: 'o1@example.com',
    });

    ok(await track.unsuppress('s1'));
    expect((await admin.post(base, { id: 's1', email: 's1@example.com' })).status).toBe(201);
    expect(await idsOf(admin, workspace.id)).toEqual(['o1', 's1']);
  });

  test('a CSV import refuses its row by line number and keeps the others; after unsuppress it imports', async () => {
    const { admin, workspace, track } = await setUpTrack(service);
    ok(await track.suppress('s2'));
    ok(await track.suppress('gone@example.com'));
    const job = await importCsv(
      service,
      admin,
      workspace.id,
      'create',
      ['id,email', 'a1,a1@example.com', 's2,s2@example.com', 'a2,GONE@example.com', 'a3,'].join('\n'),
    );
    expect(job.result).toMatchObject({ created: 2, updated: 0, failed: 2 });
    expect(job.result.errors).toEqual([
      {
        line: 3,
        message:
          'id s2 is suppressed: unsuppress it (Track API POST /api/v1/customers/s2/unsuppress) to add this person again.',
      },
      { line: 4, message: expect.stringMatching(/^email GONE@example.com is suppressed/) },
    ]);
    expect(await idsOf(admin, workspace.id)).toEqual(['a1', 'a3']);

    // Update mode: a row may not give a suppressed email to someone either.
    const [a3] = (await admin.get(`/api/workspaces/${workspace.id}/people?id=a3`)).body.items;
    const update = await importCsv(
      service,
      admin,
      workspace.id,
      'update',
      `cio_id,email\n${a3.cioId},gone@example.com`,
    );
    expect(update.result).toMatchObject({ updated: 0, failed: 1 });
    expect(update.result.errors[0]).toMatchObject({
      line: 2,
      message: expect.stringContaining('is suppressed'),
    });

    ok(await track.unsuppress('s2'));
    const again = await importCsv(service, admin, workspace.id, 'create', 'id,email\ns2,s2@example.com');
    expect(again.result).toMatchObject({ created: 1, failed: 0 });
    expect(await idsOf(admin, workspace.id)).toEqual(['a1', 'a3', 's2']);
  });

  test('the Track API still ignores an identify of it (200 {}), and takes it again after unsuppress', async () => {
    const { admin, workspace, track } = await setUpTrack(service);
    ok(await track.suppress('s3'));
    ok(await track.identify('s3', { email: 's3@example.com', plan: 'free' }));
    answered(await track.identify('t3', { email: 's3@example.com' })); // the suppression was by id alone
    expect(await idsOf(admin, workspace.id)).toEqual(['t3']);
    ok(await track.unsuppress('s3'));
    answered(await track.identify('s3', { plan: 'free' }));
    expect(await idsOf(admin, workspace.id)).toEqual(['t3', 's3']);
  });
});
