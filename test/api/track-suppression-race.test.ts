import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { holdTransaction } from '../support/held-transaction.js';
import { startService, type TestService } from '../support/service.js';
import { ok, path, setUpTrack } from '../support/track-v1.js';

// A workspace's first suppression against an identify of the same person. The gate reads the
// workspace's `suppresses` flag before the person's row is locked, so an identify that waited for
// the suppress's transaction still read "nobody was ever suppressed": identify looks suppressions
// up after the locks whatever the flag said (track/identify.ts identifyRun), and a later operation
// of the suppress's own transaction sees the flag set (apply.ts workspaceAfter).

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(service.ctx.db, query);

/** How many of this database's sessions wait for a lock. */
const waitingForLocks = async () =>
  (
    await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    )
  )[0]!.n;

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the first suppression of a workspace', () => {
  // PostgreSQL only: PGlite has one connection, so two transactions never interleave there.
  test.skipIf(!process.env.DATABASE_URL)(
    'an identify that waited for the suppress’s transaction is ignored, not a new person',
    async () => {
      const { workspace, track, headers } = await setUpTrack(service);
      const ada = (await track.identify('ada', { email: 'ada@example.com' })).body;
      // The suppress by cio_<id> locks Ada's row at its gate, then stops at its first write to the
      // workspace (the suppression's foreign key) while this transaction holds the workspace's row.
      const holding = await holdTransaction(service.ctx.db, (tx) =>
        tx.execute(sql`SELECT 1 FROM workspaces WHERE id = ${workspace.id} FOR UPDATE`),
      );
      const suppressing = track.suppress(`cio_${ada.cioId}`);
      await until(async () => (await waitingForLocks()) >= 1, 'the suppress waits');
      // The identify by id reads the flag (false: uncommitted) and waits for Ada's row.
      let identified = false;
      const identifying = service
        .client()
        .put(path('ada'), { plan: 'free' }, { headers })
        .finally(() => {
          identified = true;
        });
      await until(async () => (await waitingForLocks()) >= 2, 'the identify waits');
      expect(identified).toBe(false);
      holding.release();
      await holding.done;
      ok(await suppressing);
      ok(await identifying); // ignored: Ada is suppressed
      expect(
        await rows(
          sql`SELECT cio_id FROM people WHERE workspace_id = ${workspace.id} AND external_id = 'ada'`,
        ),
      ).toEqual([]);
    },
  );

  test('in one batch, the operations after the suppress see it: ignored, not refused', async () => {
    const { workspace, track, headers } = await setUpTrack(service);
    const ada = (await track.identify('ada', { email: 'ada@example.com' })).body;
    const answer = await service.client().post(
      '/api/v2/batch',
      {
        batch: [
          { type: 'person', action: 'suppress', identifiers: { cio_id: ada.cioId } },
          { type: 'person', action: 'event', identifiers: { id: 'ada' }, name: 'seen' },
          { type: 'person', action: 'identify', identifiers: { id: 'ada' }, attributes: { plan: 'free' } },
        ],
      },
      { headers },
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(
      await rows(sql`SELECT cio_id FROM people WHERE workspace_id = ${workspace.id} AND external_id = 'ada'`),
    ).toEqual([]);
    expect(await rows(sql`SELECT name FROM events WHERE workspace_id = ${workspace.id}`)).toEqual([]);
  });
});
