import { and, desc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { jobs } from '../db/schema.js';
import type { Clock } from '../shared/clock.js';
import { newId } from '../shared/ids.js';

export type JobRow = typeof jobs.$inferSelect;

export interface NewJob {
  /** When the caller needed the id before the job exists (e.g. to store its input under it). */
  id?: string;
  accountId: string;
  workspaceId?: string | null;
  kind: string;
  payload?: Record<string, unknown>;
  total?: number | null;
}

const LEASE_MS = 60_000;
/** How often a running job renews its lease: well inside it. */
export const HEARTBEAT_MS = LEASE_MS / 3;
/** Runs in a row that made no progress (saved none, see saveResult) before a job is given up on. */
export const MAX_ATTEMPTS = 5;
/** The runs since the job last saved progress; each claim is a run. */
const stalledRuns = sql<number>`(${jobs.attempts} - ${jobs.progressAttempt})`;

/**
 * A job queue in PostgreSQL. Jobs are enqueued in the transaction of the change that needs them, so
 * a job exists exactly when its change committed. Workers claim with FOR UPDATE SKIP LOCKED and hold
 * a lease; a job whose worker died is claimed again when its lease runs out, so handlers must be
 * idempotent (resume where the data says they stopped).
 */
export class JobQueue {
  #wake: () => void = () => {};

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async enqueue(tx: Db, job: NewJob): Promise<JobRow> {
    const now = this.clock.now();
    const [row] = await tx
      .insert(jobs)
      .values({
        id: job.id ?? newId('job'),
        accountId: job.accountId,
        workspaceId: job.workspaceId ?? null,
        kind: job.kind,
        payload: job.payload ?? {},
        state: 'queued',
        progressDone: 0,
        progressTotal: job.total ?? null,
        attempts: 0,
        progressAttempt: 0,
        runAfter: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return row!;
  }

  /** Tells this process's worker that work may be waiting (call after the enqueuing commit). */
  notify(): void {
    this.#wake();
  }

  onNotify(wake: () => void): void {
    this.#wake = wake;
  }

  async claim(): Promise<JobRow | undefined> {
    const now = this.clock.now();
    // A job whose worker died MAX_ATTEMPTS times in a row (its lease ran out each time) without
    // saving progress is given up on; what it did is kept and said.
    await this.db
      .update(jobs)
      .set({
        state: 'failed',
        lastError: sql`${`its worker stopped answering ${MAX_ATTEMPTS} times in a row without making progress; given up at `}::text || ${jobs.progressDone}::text || ' of ' || coalesce(${jobs.progressTotal}::text, '?') || ' (what was done is kept)'`,
        leaseExpiresAt: null,
        finishedAt: now,
        updatedAt: now,
      })
      .where(and(eq(jobs.state, 'running'), lt(jobs.leaseExpiresAt, now), gte(stalledRuns, MAX_ATTEMPTS)));
    const next = this.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        or(
          and(eq(jobs.state, 'queued'), lte(jobs.runAfter, now)),
          and(eq(jobs.state, 'running'), lt(jobs.leaseExpiresAt, now)),
        ),
      )
      .orderBy(jobs.runAfter, jobs.id)
      .limit(1)
      .for('update', { skipLocked: true });
    const [job] = await this.db
      .update(jobs)
      .set({
        state: 'running',
        attempts: sql`${jobs.attempts} + 1`,
        leaseExpiresAt: new Date(now.getTime() + LEASE_MS),
        updatedAt: now,
      })
      .where(inArray(jobs.id, next))
      .returning();
    return job;
  }

  /**
   * Only the holder of the current attempt may touch a running job: a worker whose lease ran out
   * (and whose job another worker has claimed since) changes nothing.
   */
  #held(job: JobRow) {
    return and(eq(jobs.id, job.id), eq(jobs.attempts, job.attempts), eq(jobs.state, 'running'));
  }

  /** Records progress and extends the lease. False when the lease is no longer this worker's. */
  async progress(job: JobRow, done: number, total?: number): Promise<boolean> {
    const now = this.clock.now();
    const rows = await this.db
      .update(jobs)
      .set({
        progressDone: done,
        ...(total === undefined ? {} : { progressTotal: total }),
        leaseExpiresAt: new Date(now.getTime() + LEASE_MS),
        updatedAt: now,
      })
      .where(this.#held(job))
      .returning({ id: jobs.id });
    return rows.length > 0;
  }

  /** Extends the lease of a job still running. False when it is no longer this worker's. */
  async heartbeat(job: JobRow): Promise<boolean> {
    const now = this.clock.now();
    const rows = await this.db
      .update(jobs)
      .set({ leaseExpiresAt: new Date(now.getTime() + LEASE_MS), updatedAt: now })
      .where(this.#held(job))
      .returning({ id: jobs.id });
    return rows.length > 0;
  }

  async succeed(job: JobRow): Promise<void> {
    const now = this.clock.now();
    await this.db
      .update(jobs)
      .set({ state: 'succeeded', leaseExpiresAt: null, finishedAt: now, updatedAt: now })
      .where(this.#held(job));
  }

  /**
   * Retries with exponential backoff (2 s, 4 s, 8 s …) counted over the runs since the job last
   * made progress, and gives up after MAX_ATTEMPTS of them.
   */
  async fail(job: JobRow, error: unknown): Promise<void> {
    const now = this.clock.now();
    const at = sql`${now.toISOString()}::timestamptz`;
    const message = error instanceof Error ? error.message : String(error);
    const final = sql`${stalledRuns} >= ${MAX_ATTEMPTS}`;
    await this.db
      .update(jobs)
      .set({
        state: sql`CASE WHEN ${final} THEN 'failed' ELSE 'queued' END`,
        lastError: message,
        leaseExpiresAt: null,
        runAfter: sql`${at} + make_interval(secs => power(2, least(greatest(${stalledRuns}, 0), 16)))`,
        finishedAt: sql`CASE WHEN ${final} THEN ${at} END`,
        updatedAt: now,
      })
      .where(this.#held(job));
  }

  /**
   * Records what the job has to report so far, in the caller's transaction (with the work it
   * reports), and with it that this run made progress (and, given `done`, how far it got): a job
   * that keeps saving progress is never given up on, however often its worker dies. Throws when
   * the job is no longer this worker's (its lease ran out and another took it): the transaction
   * then rolls back, and the new holder does that work, counted once.
   */
  async saveResult(tx: Db, job: JobRow, result: Record<string, unknown>, done?: number): Promise<void> {
    const now = this.clock.now();
    const saved = await tx
      .update(jobs)
      .set({
        result,
        progressAttempt: job.attempts,
        ...(done === undefined ? {} : { progressDone: done }),
        leaseExpiresAt: new Date(now.getTime() + LEASE_MS),
        updatedAt: now,
      })
      .where(this.#held(job))
      .returning({ id: jobs.id });
    if (saved.length === 0) throw new Error(`job ${job.id} is no longer this worker's`);
  }

  /**
   * Queues again a job given up on (state failed), keeping its progress and result so that its
   * handler resumes; its runs start counting afresh. False when the job was not failed.
   */
  async requeue(tx: Db, jobId: string): Promise<boolean> {
    const now = this.clock.now();
    const rows = await tx
      .update(jobs)
      .set({
        state: 'queued',
        progressAttempt: jobs.attempts,
        leaseExpiresAt: null,
        runAfter: now,
        finishedAt: null,
        updatedAt: now,
      })
      .where(and(eq(jobs.id, jobId), eq(jobs.state, 'failed')))
      .returning({ id: jobs.id });
    return rows.length > 0;
  }

  /** Gives a job back unfinished (this process is stopping); the attempt does not count. */
  async release(job: JobRow): Promise<void> {
    const now = this.clock.now();
    await this.db
      .update(jobs)
      .set({
        state: 'queued',
        attempts: job.attempts - 1,
        leaseExpiresAt: null,
        runAfter: now,
        updatedAt: now,
      })
      .where(this.#held(job));
  }

  async find(tx: Db, accountId: string, jobId: string): Promise<JobRow | undefined> {
    const [row] = await tx
      .select()
      .from(jobs)
      .where(and(eq(jobs.accountId, accountId), eq(jobs.id, jobId)));
    return row;
  }

  async list(tx: Db, accountId: string, limit: number): Promise<JobRow[]> {
    return tx.select().from(jobs).where(eq(jobs.accountId, accountId)).orderBy(desc(jobs.id)).limit(limit);
  }
}
