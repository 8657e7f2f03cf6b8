import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Every long job (revalidation and merges, imports, exports, broadcasts, purges) calls it after
 * each of its transactions.
 *
 * Lets the event loop run after a job's transaction that began at `startedAt` (performance.now()):
 * for a quarter of the time the transaction took (up to 50 ms), through a timer, so the loop polls
 * for I/O, and keeps polling meanwhile. On PGlite a query runs in this thread and its promise
 * settles without any I/O: a job awaiting one query after another never let the event loop poll,
 * so no request was even accepted until the job ended (3,000 merges froze the service for a
 * minute), nor did the job's lease heartbeat fire. And a request takes several turns of the
 * loop (accept, read, the handler's queries, write): with a bare yield it would wait for one of
 * the job's transactions at each turn, where it now has the loop to itself between two. The job
 * keeps four fifths of the time when nothing else runs.
 */
export function restAfter(startedAt: number): Promise<void> {
  return sleep(Math.min(50, (performance.now() - startedAt) / 4));
}
