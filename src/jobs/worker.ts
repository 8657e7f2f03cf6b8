import type { FastifyBaseLogger } from 'fastify';
import { HEARTBEAT_MS, type JobQueue, type JobRow } from './queue.js';

export interface JobControl {
  /** Report progress (which also keeps the lease). Throws once the job is no longer this worker's. */
  progress(done: number, total?: number): Promise<void>;
  /** Aborted when this process stops or loses the job's lease: stop between steps (throw `signal.reason`). */
  signal: AbortSignal;
}

export type JobHandler = (job: JobRow, control: JobControl) => Promise<void>;

interface Chore {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
  /** performance.now() after which it is due again. */
  dueAt: number;
}

class LeaseLost extends Error {
  constructor(job: JobRow) {
    super(`job ${job.id}: its lease passed to another worker`);
  }
}

class Stopping extends Error {
  constructor() {
    super('this process is stopping');
  }
}

/**
 * Runs queued jobs in this process, up to `concurrency` at once (a long purge does not hold up an
 * email), sleeping when the queue is empty until `idleMs` passes or this process enqueues something.
 * A running job's lease is renewed by a heartbeat; on stop, jobs in flight are asked to stop
 * between steps and are handed back to the queue.
 */
export class Worker {
  #running = false;
  #loop: Promise<void> | undefined;
  #wakeSleeper: (() => void) | undefined;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #stopping = new AbortController();
  readonly #chores: Chore[] = [];

  constructor(
    private readonly queue: JobQueue,
    private readonly handlers: Readonly<Record<string, JobHandler>>,
    private readonly log: FastifyBaseLogger,
    private readonly idleMs: number,
    private readonly concurrency = 4,
  ) {
    queue.onNotify(() => this.#wake());
  }

  /**
   * Work to do now and then, not for an account (e.g. sweeping what crashed requests left): run
   * when the queue is empty, at start and then at most every `everyMs`; a failure is logged.
   */
  every(name: string, everyMs: number, run: () => Promise<unknown>): void {
    this.#chores.push({ name, everyMs, run, dueAt: 0 });
  }

  /** Runs every chore now. For tests and commands. */
  async housekeep(): Promise<void> {
    for (const chore of this.#chores) await this.#runChore(chore);
  }

  async #runChore(chore: Chore): Promise<void> {
    chore.dueAt = performance.now() + chore.everyMs;
    try {
      const outcome = await chore.run();
      this.log.debug?.({ chore: chore.name, outcome }, 'chore done');
    } catch (error) {
      this.log.warn({ err: error, chore: chore.name }, 'chore failed');
    }
  }

  start(): void {
    if (this.#running || this.idleMs <= 0) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#stopping.abort(new Stopping());
    this.#wake();
    await this.#loop;
    await Promise.all(this.#inFlight);
  }

  /** Runs jobs one after another until none is ready; returns how many ran. For tests and commands. */
  async runUntilIdle(): Promise<number> {
    let ran = 0;
    while (await this.runOne()) ran++;
    return ran;
  }

  /** Claims and runs one job; false when none was ready. */
  async runOne(): Promise<boolean> {
    const job = await this.queue.claim();
    if (!job) return false;
    await this.#execute(job);
    return true;
  }

  async #execute(job: JobRow): Promise<void> {
    const handler = this.handlers[job.kind];
    // One controller per job, aborted when the lease is lost or the process stops. (Not
    // AbortSignal.any: on Node 20 a combined signal nobody else holds can be collected unfired.)
    const abort = new AbortController();
    const { signal } = abort;
    const onStop = () => abort.abort(this.#stopping.signal.reason);
    if (this.#stopping.signal.aborted) onStop();
    else this.#stopping.signal.addEventListener('abort', onStop, { once: true });
    const heartbeat = setInterval(() => {
      this.queue.heartbeat(job).then(
        (held) => held || abort.abort(new LeaseLost(job)),
        (error: unknown) => this.log.warn({ err: error, jobId: job.id }, 'job heartbeat failed'),
      );
    }, HEARTBEAT_MS);
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      // Claimed while this process began to stop: hand it straight back.
      if (signal.aborted) throw signal.reason;
      await handler(job, {
        signal,
        progress: async (done, total) => {
          if (!(await this.queue.progress(job, done, total))) {
            abort.abort(new LeaseLost(job));
            throw signal.reason;
          }
        },
      });
      await this.queue.succeed(job);
    } catch (error) {
      if (error instanceof LeaseLost) {
        this.log.warn({ jobId: job.id }, error.message);
      } else if (error instanceof Stopping) {
        await this.queue.release(job);
      } else {
        this.log.error({ err: error, jobId: job.id, kind: job.kind }, 'job failed');
        await this.queue.fail(job, error);
      }
    } finally {
      clearInterval(heartbeat);
      this.#stopping.signal.removeEventListener('abort', onStop);
    }
  }

  async #run(): Promise<void> {
    while (this.#running) {
      let claimed: JobRow | undefined;
      if (this.#inFlight.size < this.concurrency) {
        try {
          claimed = await this.queue.claim();
        } catch (error) {
          this.log.error({ err: error }, 'job queue unavailable');
        }
      }
      if (claimed) {
        const running = this.#execute(claimed).finally(() => {
          this.#inFlight.delete(running);
          this.#wake(); // a slot is free
        });
        this.#inFlight.add(running);
      } else if (this.#running) {
        for (const chore of this.#chores)
          if (this.#running && chore.dueAt <= performance.now()) await this.#runChore(chore);
        if (this.#running) await this.#sleep();
      }
    }
  }

  #sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.#wake(), this.idleMs);
      this.#wakeSleeper = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  #wake(): void {
    const wake = this.#wakeSleeper;
    this.#wakeSleeper = undefined;
    wake?.();
  }
}
