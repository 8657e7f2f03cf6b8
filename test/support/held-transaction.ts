import type { Db } from '../../src/db/connection.js';

/**
 * Runs `work` in a transaction of its own and keeps that transaction open, its locks held, until
 * `release` is called: what a concurrent writer does, stopped half-way. Resolves with what `work`
 * returned once it has run (rejects if it failed); `done` settles when the transaction ends.
 */
export async function holdTransaction<T>(db: Db, work: (tx: Db) => Promise<T>) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held!: (value: T) => void;
  const isHeld = new Promise<T>((resolve) => {
    held = resolve;
  });
  const done = db.transaction(async (tx) => {
    held(await work(tx));
    await released;
  });
  const value = await Promise.race([
    isHeld,
    done.then(() => Promise.reject(new Error('the transaction ended before it was held'))),
  ]);
  return { value, release, done };
}
