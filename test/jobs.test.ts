import { afterAll, beforeAll, expect, test } from 'vitest';
import { JobQueue, MAX_ATTEMPTS } from '../src/jobs/queue.js';
import { type JobHandler, Worker } from '../src/jobs/worker.js';
import { startService, type TestService } from './support/service.js';

let service: TestService;
let accountId: string;
beforeAll(async () => {
  service = await startService();
  accountId = (await service.client().signup()).account.id;
});
afterAll(() => service?.close());

const LEASE = 61_000;
const silent = { error() {}, warn() {} } as never;
const enqueue = (kind: string) => service.ctx.jobs.enqueue(service.ctx.db, { accountId, kind });
const jobState = async (id: string) => (await service.ctx.jobs.find(service.ctx.db, accountId, id))!;

test('a worker whose lease passed to another changes nothing; the new holder finishes the job', async () => {
  const queue = new JobQueue(service.ctx.db, service.clock);
  const job = await enqueue('test.fenced');
  const first = (await queue.claim())!;
  expect(first.id).toBe(job.id);
  service.clock.advance(LEASE); // the first worker stalls past its lease
  const second = (await queue.claim())!;
  expect(second).toMatchObject({ id: job.id, attempts: 2 });
  expect(await queue.progress(first, 1, 2)).toBe(false);
  await queue.succeed(first);
  expect(await jobState(job.id)).toMatchObject({ state: 'running', attempts: 2 });
  await queue.succeed(second);
  expect(await jobState(job.id)).toMatchObject({ state: 'succeeded' });
});

test('a report saved by a worker that lost its lease fails its transaction, so the work is not kept', async () => {
  const queue = new JobQueue(service.ctx.db, service.clock);
  await enqueue('test.report');
  const first = (await queue.claim())!;
  service.clock.advance(LEASE);
  const second = (await queue.claim())!;
  await expect(service.ctx.db.transaction((tx) => queue.saveResult(tx, first, { pages: 1 }))).rejects.toThrow(
    /no longer this worker's/,
  );
  await service.ctx.db.transaction((tx) => queue.saveResult(tx, second, { pages: 1 }));
  expect((await jobState(second.id)).result).toEqual({ pages: 1 });
  await queue.succeed(second);
});

test(`a job whose worker dies ${MAX_ATTEMPTS} times is given up on`, async () => {
  const queue = new JobQueue(service.ctx.db, service.clock);
  const job = await enqueue('test.doomed');
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    expect((await queue.claim())?.id).toBe(job.id);
    service.clock.advance(LEASE);
  }
  expect(await queue.claim()).toBeUndefined();
  expect(await jobState(job.id)).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS });
});

test(`a job that saves progress between deaths is never given up on; ${MAX_ATTEMPTS} runs in a row without any are`, async () => {
  const queue = new JobQueue(service.ctx.db, service.clock);
  const job = await enqueue('test.moving');
  let done = 0;
  for (let run = 1; run <= 4 * MAX_ATTEMPTS; run++) {
    const claimed = (await queue.claim())!;
    expect(claimed).toMatchObject({ id: job.id, attempts: run });
    // Every (MAX_ATTEMPTS - 1)th run gets a step done, with its report, before it dies.
    if (run % (MAX_ATTEMPTS - 1) === 0)
      await service.ctx.db.transaction((tx) => queue.saveResult(tx, claimed, { done: ++done }, done));
    service.clock.advance(LEASE);
  }
  // A run that fails for real after a step counts from that step: retried, not given up on.
  const failing = (await queue.claim())!;
  await service.ctx.db.transaction((tx) => queue.saveResult(tx, failing, { done: ++done }, done));
  await queue.fail(failing, new Error('boom'));
  expect(await jobState(job.id)).toMatchObject({ state: 'queued', lastError: 'boom', progressDone: done });
  service.clock.advance(LEASE);
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    expect((await queue.claim())?.id).toBe(job.id);
    service.clock.advance(LEASE);
  }
  expect(await queue.claim()).toBeUndefined();
  const failed = await jobState(job.id);
  expect(failed).toMatchObject({ state: 'failed', attempts: 4 * MAX_ATTEMPTS + 1 + MAX_ATTEMPTS });
  expect(failed.lastError).toBe(
    `its worker stopped answering ${MAX_ATTEMPTS} times in a row without making progress; given up at ${done} of ? (what was done is kept)`,
  );
});

test('stopping hands a running job back to the queue without spending an attempt', async () => {
  let started!: () => void;
  const running = new Promise<void>((r) => {
    started = r;
  });
  const patient: JobHandler = async (_job, control) => {
    started();
    await new Promise((_, reject) =>
      control.signal.addEventListener('abort', () => reject(control.signal.reason)),
    );
  };
  const worker = new Worker(
    new JobQueue(service.ctx.db, service.clock),
    { 'test.patient': patient },
    silent,
    50,
  );
  const job = await enqueue('test.patient');
  worker.start();
  await running;
  await worker.stop();
  expect(await jobState(job.id)).toMatchObject({ state: 'queued', attempts: 0 });
});

test('a worker runs its chores when the queue is empty: at start, then at most every so often', async () => {
  const worker = new Worker(new JobQueue(service.ctx.db, service.clock), {}, silent, 10);
  let runs = 0;
  worker.every('count', 60_000, async () => {
    runs++;
  });
  worker.every('broken', 60_000, async () => {
    throw new Error('a chore that fails is logged, not fatal');
  });
  worker.start();
  for (let i = 0; i < 200 && runs === 0; i++) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 100)); // ten idle turns
  await worker.stop();
  expect(runs).toBe(1);
  await worker.housekeep();
  expect(runs).toBe(2);
});

test('a purge that died midway resumes with its progress and leaves no row behind', async () => {
  const admin = service.client();
  await admin.signup();
  const ws = (await admin.post('/api/workspaces', { name: 'Half gone' })).body;
  for (let i = 0; i < 5; i++) await admin.patch(`/api/workspaces/${ws.id}`, { name: `Half gone ${i}` });
  await admin.post(`/api/workspaces/${ws.id}/api-keys`, { kind: 'app' });
  const del = await admin.delete(`/api/workspaces/${ws.id}`, { confirmName: 'Half gone 4' });
  const jobUrl = del.headers.get('location')!;

  // The first worker deletes the API keys, reports it, and dies.
  let claimed = (await service.ctx.jobs.claim())!;
  while (claimed.kind !== 'workspace.purge') {
    await service.ctx.jobs.release(claimed); // another test's job
    claimed = (await service.ctx.jobs.claim())!;
  }
  const { sql } = await import('drizzle-orm');
  await service.ctx.db.execute(sql`DELETE FROM api_keys WHERE workspace_id = ${ws.id}`);
  await service.ctx.jobs.progress(claimed, 1, 7);
  service.clock.advance(LEASE);

  expect(await service.worker.runUntilIdle()).toBeGreaterThanOrEqual(1);
  const job = (await admin.get(jobUrl)).body;
  expect(job).toMatchObject({ state: 'succeeded', attempts: 2 });
  expect(job.progress.done).toBeGreaterThan(1);
  expect(job.progress.done).toBe(job.progress.total);
  const { queryRows } = await import('../src/db/connection.js');
  const left = await queryRows<{ n: number }>(
    service.ctx.db,
    sql`SELECT (SELECT count(*) FROM activity WHERE workspace_id = ${ws.id}) + (SELECT count(*) FROM workspaces WHERE id = ${ws.id}) AS n`,
  );
  expect(Number(left[0]!.n)).toBe(0);
});
