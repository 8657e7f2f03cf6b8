import type { ChildProcess } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import type { Client } from '../support/client.js';
import { addMember } from '../support/members.js';
import { freePort, serveFromSource } from '../support/other-node.js';
import { startService, type TestService } from '../support/service.js';

/**
 * kill -9 during the workspace.transfer job (src/features/transfers/job.ts), on PostgreSQL: `atrium
 * serve` runs the job in a child process, paused between batches (TRANSFER_BATCH_PAUSE_MS) so that
 * it is caught mid-way; it is killed twice, then started again, and the end state must be the one
 * an uninterrupted run (this process's worker) reaches on the same workspace.
 */
const HISTORY = { activity: 24_000, outbox: 33_000 };

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

interface Scenario {
  source: Client;
  target: Client;
  sourceAccountId: string;
  targetAccountId: string;
  workspaceId: string;
  peopleIds: string[];
  jobId: string;
  transferId: string;
}

/** A workspace with people, a member's role, a key and a long history, offered and accepted. */
async function acceptedTransfer(): Promise<Scenario> {
  const source = service.client();
  const s = await source.signup();
  const ws = (await source.post('/api/workspaces', { name: 'Big one' })).body.id as string;
  await addMember(service, source, { roles: [{ workspaceId: ws, role: 'author' }] });
  for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) {
    expect((await source.post(`/api/workspaces/${ws}/people`, { email })).status).toBe(201);
  }
  expect((await source.post(`/api/workspaces/${ws}/api-keys`, { kind: 'app' })).status).toBe(201);
  const peopleIds = (await source.get(`/api/workspaces/${ws}/people`)).body.items.map(
    (p: { id: string }) => p.id,
  );
  await service.ctx.db.execute(sql`
    INSERT INTO activity (id, account_id, workspace_id, actor_name, action, target_type, target_id, created_at)
    SELECT 'act_seed_' || ${ws} || '_' || g, ${s.account.id}, ${ws}, 'Seed', 'person.created', 'person', 'p' || g, now()
    FROM generate_series(1, ${HISTORY.activity}) g`);
  await service.ctx.db.execute(sql`
    INSERT INTO outbox (id, account_id, workspace_id, kind, to_address, from_address, subject, text_body, state, attempts, created_at)
    SELECT 'msg_seed_' || ${ws} || '_' || g, ${s.account.id}, ${ws}, 'message', 'p' || g || '@example.com',
      'a@example.com', 'Hello', 'Hello', 'captured', 0, now()
    FROM generate_series(1, ${HISTORY.outbox}) g`);
  const target = service.client();
  const t = await target.signup();
  const offered = await source.post(`/api/workspaces/${ws}/transfers`, { targetAccountId: t.account.id });
  expect(offered.status, JSON.stringify(offered.body)).toBe(202);
  const accepted = await target.post(`/api/workspace-transfers/${offered.body.id}/accept`);
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  const [job] = await queryRows<{ id: string }>(
    service.ctx.db,
    sql`SELECT job_id AS id FROM workspace_transfers WHERE id = ${offered.body.id}`,
  );
  return {
    source,
    target,
    sourceAccountId: s.account.id,
    targetAccountId: t.account.id,
    workspaceId: ws,
    peopleIds,
    jobId: job!.id,
    transferId: offered.body.id,
  };
}

/** What the move leaves, without ids that differ between two scenarios. */
async function endState(s: Scenario) {
  const [rows] = await queryRows<Record<string, number>>(
    service.ctx.db,
    sql`SELECT
      (SELECT status FROM workspace_transfers WHERE id = ${s.transferId}) AS status,
      (SELECT account_id = ${s.targetAccountId} FROM workspaces WHERE id = ${s.workspaceId})::text AS owned,
      (SELECT count(*)::int FROM people WHERE workspace_id = ${s.workspaceId}) AS people,
      (SELECT count(*)::int FROM workspace_roles WHERE workspace_id = ${s.workspaceId}) AS roles,
      (SELECT count(*)::int FROM api_keys WHERE workspace_id = ${s.workspaceId} AND revoked_at IS NOT NULL AND account_id = ${s.targetAccountId}) AS revoked_keys,
      (SELECT count(*)::int FROM api_keys WHERE workspace_id = ${s.workspaceId} AND revoked_at IS NULL) AS live_keys,
      (SELECT count(*)::int FROM activity WHERE workspace_id = ${s.workspaceId} AND account_id = ${s.targetAccountId}) AS activity_moved,
      (SELECT count(*)::int FROM activity WHERE workspace_id = ${s.workspaceId} AND account_id <> ${s.targetAccountId}) AS activity_left,
      (SELECT count(*)::int FROM outbox WHERE workspace_id = ${s.workspaceId} AND account_id = ${s.targetAccountId}) AS outbox_moved,
      (SELECT count(*)::int FROM outbox WHERE workspace_id = ${s.workspaceId} AND account_id <> ${s.targetAccountId}) AS outbox_left,
      (SELECT count(*)::int FROM jobs WHERE workspace_id = ${s.workspaceId} AND account_id <> ${s.targetAccountId}) AS jobs_left,
      (SELECT count(*)::int FROM activity WHERE account_id = ${s.sourceAccountId} AND action = 'workspace.transferred_out' AND target_id = ${s.workspaceId}) AS logged_out,
      (SELECT count(*)::int FROM activity WHERE account_id = ${s.targetAccountId} AND action = 'workspace.transferred_in' AND target_id = ${s.workspaceId}) AS logged_in,
      (SELECT state FROM jobs WHERE id = ${s.jobId}) AS job_state,
      (SELECT progress_done FROM jobs WHERE id = ${s.jobId}) AS job_done,
      (SELECT progress_total FROM jobs WHERE id = ${s.jobId}) AS job_total`,
  );
  const people = (await s.target.get(`/api/workspaces/${s.workspaceId}/people`)).body.items.map(
    (p: { id: string }) => p.id,
  );
  return {
    ...rows,
    samePeopleIds: JSON.stringify([...people].sort()) === JSON.stringify([...s.peopleIds].sort()),
  };
}

async function jobProgress(jobId: string) {
  const [row] = await queryRows<{ state: string; done: number; total: number | null }>(
    service.ctx.db,
    sql`SELECT state, progress_done AS done, progress_total AS total FROM jobs WHERE id = ${jobId}`,
  );
  return row!;
}

/** A node whose transfer job pauses after each batch, so that a kill lands mid-way. */
const serve = (port: number): ChildProcess =>
  serveFromSource(service, port, { TRANSFER_BATCH_PAUSE_MS: '400' });

async function until<T>(
  what: string,
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  ms = 60_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() - started > ms) throw new Error(`${what}: still ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!process.env.DATABASE_URL)('kill -9 during the transfer job', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  });

  test('killed twice mid-way, it resumes to the end state of an uninterrupted run', async () => {
    const port = await freePort();
    const killed = await acceptedTransfer();
    const total = HISTORY.outbox; // activity stays with the source
    let lastDone = 0;
    for (let run = 0; run < 2; run++) {
      const child = serve(port);
      children.push(child);
      // Mid-way: some batches committed, not all.
      const seen = await until(
        `run ${run} mid-way`,
        () => jobProgress(killed.jobId),
        (p) => p.state === 'running' && p.done > lastDone && p.done < total,
      );
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      lastDone = seen.done;
      // A dead worker's job waits for its lease (60 s) to run out; the test lets that time pass.
      await service.ctx.db.execute(
        sql`UPDATE jobs SET lease_expires_at = now() - interval '1 second' WHERE id = ${killed.jobId}`,
      );
      expect((await jobProgress(killed.jobId)).done).toBeLessThan(total);
    }
    const last = serve(port);
    children.push(last);
    await until(
      'the job to finish',
      () => jobProgress(killed.jobId),
      (p) => p.state === 'succeeded',
      120_000,
    );
    last.kill('SIGTERM');
    await new Promise((r) => last.once('exit', r));

    const uninterrupted = await acceptedTransfer();
    await service.worker.runUntilIdle();

    const after = await endState(killed);
    expect(after).toEqual(await endState(uninterrupted));
    expect(after).toMatchObject({
      status: 'done',
      owned: 'true',
      people: 3,
      roles: 0,
      revoked_keys: 1,
      live_keys: 0,
      activity_moved: 0,
      outbox_left: 0,
      jobs_left: 0,
      logged_out: 1,
      logged_in: 1,
      job_state: 'succeeded',
      samePeopleIds: true,
    });
    const counts = after as unknown as Record<string, number>;
    expect(counts.outbox_moved).toBe(HISTORY.outbox);
    // The source's audit trail stays with it.
    expect(counts.activity_left).toBeGreaterThan(HISTORY.activity);
    // Every row moved is counted once, however often the job was killed.
    expect(counts.job_done).toBe(counts.job_total);
  }, 300_000);
});
