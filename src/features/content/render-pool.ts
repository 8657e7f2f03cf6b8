import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { DomainError } from '../../shared/errors.js';
import type { RenderBudget, RenderOutcome, RenderTask } from './render-worker.js';

/**
 * The render pool: Liquid templates render on worker threads (piscina), never on the main event
 * loop, and what one workspace renders costs that workspace. Each workspace has
 * - a queue of its own: at most `perWorkspace` of its renders run at once, and free threads go to
 *   the waiting workspaces in turn, so a tenant's renders wait behind its own, not others';
 * - a bucket of render time (`msPerSecond`, up to `burstMs`): each render is charged the time it
 *   took. A spent bucket refuses previews (429 with Retry-After) and holds a broadcast back until
 *   it refills, so no tenant keeps a render thread busy all the time;
 * - a budget per render (`budget`: liquidjs's renderLimit, memoryLimit and parseLimit, and the
 *   output's size), and a hard timeout that stops the thread when a single step overruns it.
 */

export interface RenderLimits {
  budget: RenderBudget;
  /** Worker threads: one on a 2-core machine, so the main thread keeps a core. */
  threads: number;
  /** A workspace's renders running at once. */
  perWorkspace: number;
  /**
   * A workspace's renders waiting; an interactive render beyond answers 429. Room for every
   * connection a busy tenant holds: with 8, light previews of quiet tenants were refused while a
   * neighbour's heavy render held the one thread.
   */
  queuedPerWorkspace: number;
  /** Render time a workspace earns per second of clock time, in ms. */
  msPerSecond: number;
  /** The most render time a workspace can hold, in ms (a burst of renders). */
  burstMs: number;
  /** A render still running after this is stopped with its thread. */
  hardTimeoutMs: number;
}

export const defaultRenderLimits: RenderLimits = {
  // 256 Ki characters of output: mail clients clip messages far smaller (Gmail at 102 KB), and a
  // broadcast holds a page's renders at once.
  budget: { timeMs: 250, memory: 10_000_000, templateChars: 1_000_000, outputChars: 262_144 },
  threads: Math.max(1, Math.min(4, availableParallelism() - 1)),
  perWorkspace: 1,
  queuedPerWorkspace: 32,
  msPerSecond: 200,
  burstMs: 1_000,
  hardTimeoutMs: 2_000,
};

type Job = { task: RenderTask; done: (outcome: RenderOutcome) => void; fail: (error: unknown) => void };

interface Tenant {
  queue: Job[];
  running: number;
  /** Render time left, in ms; negative when a render cost more than was left. */
  tokens: number;
  refilledAt: number;
}

const here = import.meta.url;
// From src (tests, tsx) the worker is TypeScript, loaded through tsx; from dist it is plain JS.
const fromSource = here.endsWith('.ts');
const workerFile = fileURLToPath(new URL(`./render-worker.${fromSource ? 'ts' : 'js'}`, here));
const execArgv = fromSource ? ['--import', pathToFileURL(createRequire(here).resolve('tsx')).href] : [];

export class Renderer {
  readonly limits: RenderLimits;
  #pool: Piscina<RenderTask, RenderOutcome> | undefined;
  readonly #tenants = new Map<string, Tenant>();
  /** Workspaces in the order they get the next free thread. */
  #turns: string[] = [];
  #running = 0;
  #wake: NodeJS.Timeout | undefined;
  #warming: Promise<Piscina<RenderTask, RenderOutcome>> | undefined;
  #closed = false;

  constructor(limits: Partial<RenderLimits> = {}) {
    this.limits = { ...defaultRenderLimits, ...limits };
  }

  /** Refuses (429) a render for an interactive request when the workspace has spent its time. */
  refuseIfSpent(workspaceId: string): void {
    if (!this.#tenants.has(workspaceId)) return;
    const tenant = this.#tenant(workspaceId);
    if (tenant.tokens <= 0) {
      const seconds = Math.max(1, Math.ceil(-tenant.tokens / this.limits.msPerSecond));
      throw tooMany(
        `This workspace has used its template rendering time; try again in ${seconds} s`,
        seconds,
      );
    }
    if (tenant.queue.length >= this.limits.queuedPerWorkspace)
      throw tooMany('This workspace already has as many templates rendering as it may; try again shortly', 1);
  }

  /**
   * Renders in the workspace's turn. `interactive` refuses at once (429) what would wait for the
   * workspace's render time; otherwise the render waits for it (a broadcast).
   */
  render(
    workspaceId: string,
    task: Omit<RenderTask, 'budget'>,
    interactive: boolean,
  ): Promise<RenderOutcome> {
    if (this.#closed) return Promise.reject(new Error('the render pool is closed'));
    if (interactive) this.refuseIfSpent(workspaceId);
    const tenant = this.#tenant(workspaceId);
    return new Promise((done, fail) => {
      tenant.queue.push({ task: { ...task, budget: this.limits.budget }, done, fail });
      if (!this.#turns.includes(workspaceId)) this.#turns.push(workspaceId);
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#wake);
    for (const tenant of this.#tenants.values())
      for (const job of tenant.queue.splice(0)) job.fail(new Error('the render pool is closed'));
    await this.#pool?.destroy();
  }

  #tenant(workspaceId: string): Tenant {
    const now = performance.now();
    let tenant = this.#tenants.get(workspaceId);
    if (!tenant) {
      tenant = { queue: [], running: 0, tokens: this.limits.burstMs, refilledAt: now };
      this.#tenants.set(workspaceId, tenant);
    }
    const earned = ((now - tenant.refilledAt) * this.limits.msPerSecond) / 1000;
    tenant.tokens = Math.min(this.limits.burstMs, tenant.tokens + earned);
    tenant.refilledAt = now;
    return tenant;
  }

  /** Starts the waiting renders that may run, workspaces taking turns; sleeps until one can. */
  #dispatch(): void {
    clearTimeout(this.#wake);
    this.#wake = undefined;
    let soonest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.#turns.length && this.#running < this.limits.threads; ) {
      const workspaceId = this.#turns[i]!;
      const tenant = this.#tenant(workspaceId);
      if (tenant.queue.length === 0) {
        this.#turns.splice(i, 1);
        if (tenant.running === 0 && tenant.tokens >= this.limits.burstMs) this.#tenants.delete(workspaceId);
        continue;
      }
      if (tenant.running >= this.limits.perWorkspace || tenant.tokens <= 0) {
        if (tenant.tokens <= 0)
          soonest = Math.min(soonest, (-tenant.tokens / this.limits.msPerSecond) * 1000);
        i++;
        continue;
      }
      // Its turn: it goes to the back of the line.
      this.#turns.splice(i, 1);
      this.#turns.push(workspaceId);
      this.#start(workspaceId, tenant, tenant.queue.shift()!);
      i = 0;
    }
    if (soonest !== Number.POSITIVE_INFINITY && this.#running < this.limits.threads)
      this.#wake = setTimeout(() => this.#dispatch(), Math.ceil(soonest) + 1);
  }

  /**
   * The pool, once its threads have started: a render's hard timeout must not count a thread's
   * start (a moment from dist, seconds through tsx on a busy machine). After a thread was stopped,
   * its replacement is awaited the same way.
   */
  #ready(): Promise<Piscina<RenderTask, RenderOutcome>> {
    if (!this.#pool) {
      this.#pool = new Piscina<RenderTask, RenderOutcome>({
        filename: workerFile,
        execArgv,
        minThreads: this.limits.threads,
        maxThreads: this.limits.threads,
        idleTimeout: 60_000,
        // Below the main thread's priority: requests that render nothing go first.
        niceIncrement: 10,
        resourceLimits: { maxOldGenerationSizeMb: 256 },
      });
      this.#warming = undefined;
    }
    const pool = this.#pool;
    this.#warming ??= Promise.all(
      Array.from({ length: this.limits.threads }, () => pool.run(null as never, { name: 'warm' })),
    ).then(
      () => pool,
      (error: unknown) => {
        this.#warming = undefined; // the next render tries again, instead of failing until a restart
        throw error;
      },
    );
    return this.#warming;
  }

  #start(workspaceId: string, tenant: Tenant, job: Job): void {
    this.#running++;
    tenant.running++;
    const run = async (): Promise<RenderOutcome> => {
      const pool = await this.#ready();
      const started = performance.now();
      // The worker stops itself at the time budget between two steps of a template; the hard
      // timeout ends a step that overruns it (the thread is replaced).
      const signal = AbortSignal.timeout(this.limits.hardTimeoutMs);
      try {
        return await pool.run(job.task, { signal });
      } catch (error) {
        const elapsedMs = performance.now() - started;
        const budget = signal.aborted ? 'timeMs' : outOfMemory(error) ? 'memory' : null;
        if (!budget) throw error;
        this.#warming = undefined;
        return { ok: false, reason: 'too_expensive', budget, message: String(error), elapsedMs };
      }
    };
    run().then(
      (outcome) => this.#finish(workspaceId, tenant, outcome.elapsedMs, () => job.done(outcome)),
      (error: unknown) => this.#finish(workspaceId, tenant, 0, () => job.fail(error)),
    );
  }

  #finish(workspaceId: string, tenant: Tenant, elapsedMs: number, answer: () => void): void {
    this.#running--;
    tenant.running--;
    this.#tenant(workspaceId).tokens -= elapsedMs;
    answer();
    if (!this.#closed) this.#dispatch();
  }
}

const outOfMemory = (error: unknown) =>
  (error as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

function tooMany(detail: string, seconds: number): DomainError {
  return new DomainError('too_many_requests', detail, { headers: { 'retry-after': String(seconds) } });
}
