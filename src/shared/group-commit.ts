/**
 * Group commit: items submitted under one key while a batch of that key is in flight wait, and go
 * together in the next batch — one transaction for many requests, so the database's round trips
 * and commits are shared.
 *
 * A batch does not wait for a lone request: it starts as soon as a slot is free. Under load,
 * though, the batches' sizes repeat, and a batch started for the first straggler would cost a
 * transaction of its own while the rest queue behind it; so a batch waits until as many items as
 * the last one held are there, or `lingerMs` has passed (as PostgreSQL's commit_delay does).
 *
 * `run` answers one result per item, in order; an Error among them rejects that item's promise
 * only. If `run` itself fails, every item of the batch is rejected with its error.
 */
export class GroupCommit<Item, Result> {
  private readonly queues = new Map<string, Queue<Item, Result>>();

  constructor(
    private readonly run: (key: string, items: Item[]) => Promise<Array<Result | Error>>,
    private readonly limits: { maxBatch: number; maxInFlight: number; lingerMs: number },
  ) {}

  submit(key: string, item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      let queue = this.queues.get(key);
      if (!queue) {
        queue = { waiting: [], inFlight: 0, lastBatch: 0 };
        this.queues.set(key, queue);
      }
      queue.waiting.push({ item, resolve, reject });
      this.schedule(key, queue);
    });
  }

  /**
   * Pumps once every request already read from the network has been submitted: setImmediate runs
   * after the event loop's poll phase. (PGlite runs a whole transaction in microtasks, so without
   * this no request would ever be read while a batch runs, and every batch would hold one.)
   */
  private schedule(key: string, queue: Queue<Item, Result>) {
    if (queue.scheduled) return;
    queue.scheduled = true;
    setImmediate(() => {
      queue.scheduled = false;
      this.pump(key, queue, false);
    });
  }

  private pump(key: string, queue: Queue<Item, Result>, lingered: boolean) {
    while (queue.inFlight < this.limits.maxInFlight && queue.waiting.length > 0) {
      if (!lingered && queue.waiting.length < Math.min(queue.lastBatch, this.limits.maxBatch)) {
        queue.timer ??= setTimeout(() => {
          queue.timer = undefined;
          this.pump(key, queue, true);
        }, this.limits.lingerMs);
        return;
      }
      lingered = false;
      clearTimeout(queue.timer);
      queue.timer = undefined;
      const batch = queue.waiting.splice(0, this.limits.maxBatch);
      queue.lastBatch = batch.length;
      queue.inFlight++;
      this.run(
        key,
        batch.map((w) => w.item),
      )
        .then(
          (results) => {
            for (const [i, w] of batch.entries()) {
              const result = results[i]!;
              if (result instanceof Error) w.reject(result);
              else w.resolve(result);
            }
          },
          (error: unknown) => {
            for (const w of batch) w.reject(error);
          },
        )
        .finally(() => {
          queue.inFlight--;
          // A key whose batches were single items has nothing worth remembering.
          if (queue.inFlight === 0 && queue.waiting.length === 0 && queue.lastBatch <= 1)
            this.queues.delete(key);
          else this.schedule(key, queue);
        });
    }
  }
}

interface Queue<Item, Result> {
  waiting: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[];
  inFlight: number;
  /** How many items the last batch held: the size the next one waits for (at most lingerMs). */
  lastBatch: number;
  timer?: NodeJS.Timeout;
  scheduled?: boolean;
}
