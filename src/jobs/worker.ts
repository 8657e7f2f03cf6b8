import type { FastifyBaseLogger } from 'fastify';
import type { JobQueue, JobRow } from './queue.js';

export interface JobControl {
  /** Report progress; also keeps the job's lease alive. */
  progress(done: number, total?: number): Promise<void>;
}

export type JobHandler = (job: JobRow, control: JobControl) => Promise<void>;

/**
 * Runs queued jobs in this process: one at a time, sleeping when the queue is empty until
 * `idleMs` passes or this process enqueues something.
 */
export class Worker {
  #running = false;
  #loop: Promise<void> | undefined;
  #wakeSleeper: (() => void) | undefined;

  constructor(
    private readonly queue: JobQueue,
    private readonly handlers: Readonly<Record<string, JobHandler>>,
    private readonly log: FastifyBaseLogger,
    private readonly idleMs: number,
  ) {
    queue.onNotify(() => this.#wake());
  }

  start(): void {
    if (this.#running || this.idleMs <= 0) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#wake();
    await this.#loop;
  }

  /** Runs jobs until none is ready; returns how many ran. For tests and one-off commands. */
  async runUntilIdle(): Promise<number> {
    let ran = 0;
    while (await this.runOne()) ran++;
    return ran;
  }

  /** Claims and runs one job; false when none was ready. */
  async runOne(): Promise<boolean> {
    const job = await this.queue.claim();
    if (!job) return false;
    const handler = this.handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(job, { progress: (done, total) => this.queue.progress(job.id, done, total) });
      await this.queue.succeed(job.id);
    } catch (error) {
      this.log.error({ err: error, jobId: job.id, kind: job.kind }, 'job failed');
      await this.queue.fail(job, error);
    }
    return true;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      let worked = false;
      try {
        worked = await this.runOne();
      } catch (error) {
        this.log.error({ err: error }, 'job queue unavailable');
      }
      if (!worked && this.#running) await this.#sleep();
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
