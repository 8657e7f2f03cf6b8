import { expect, test } from 'vitest';
import { GroupCommit } from '../src/shared/group-commit.js';

/** A GroupCommit whose batches finish when the test says, recording what each batch held. */
function recorder(limits = { maxBatch: 100, maxInFlight: 1, lingerMs: 1_000 }) {
  const batches: string[][] = [];
  const finish: Array<() => void> = [];
  const group = new GroupCommit<string, string>(async (_key, items) => {
    batches.push(items);
    await new Promise<void>((resolve) => finish.push(resolve));
    return items.map((item) => (item.startsWith('bad') ? new Error(`refused ${item}`) : `done ${item}`));
  }, limits);
  return { group, batches, finishNext: () => finish.shift()!() };
}

// A few turns of the event loop: enough for a finished batch to settle and the next to start.
const tick = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

test('a lone item goes at once; items that arrive meanwhile go together, in order, in the next batch', async () => {
  const { group, batches, finishNext } = recorder();
  const first = group.submit('w', 'a');
  await tick();
  expect(batches).toEqual([['a']]);
  const later = ['b', 'c', 'd'].map((item) => group.submit('w', item));
  await tick();
  expect(batches).toHaveLength(1); // one batch in flight at a time
  finishNext();
  expect(await first).toBe('done a');
  await tick();
  expect(batches[1]).toEqual(['b', 'c', 'd']);
  finishNext();
  expect(await Promise.all(later)).toEqual(['done b', 'done c', 'done d']);
});

test('an Error among the results rejects that item only; a failed run rejects its whole batch', async () => {
  const { group, finishNext } = recorder();
  const results = ['ok1', 'bad', 'ok2'].map((item) => group.submit('w', item).catch((e: Error) => e.message));
  await tick();
  finishNext();
  expect(await Promise.all(results)).toEqual(['done ok1', 'refused bad', 'done ok2']);

  const failing = new GroupCommit<string, string>(
    async () => {
      throw new Error('database down');
    },
    { maxBatch: 10, maxInFlight: 1, lingerMs: 0 },
  );
  const both = ['x', 'y'].map((item) => failing.submit('w', item).catch((e: Error) => e.message));
  expect(await Promise.all(both)).toEqual(['database down', 'database down']);
});

test('under load a batch waits (at most lingerMs) until as many items as the last one held are there', async () => {
  const { group, batches, finishNext } = recorder({ maxBatch: 100, maxInFlight: 1, lingerMs: 50 });
  const first = ['a', 'b', 'c'].map((item) => group.submit('w', item));
  await tick();
  finishNext();
  await Promise.all(first);
  const straggler = group.submit('w', 'd');
  await tick();
  expect(batches).toHaveLength(1); // d waits for two more
  const rest = ['e', 'f'].map((item) => group.submit('w', item));
  await tick();
  expect(batches[1]).toEqual(['d', 'e', 'f']);
  finishNext();
  await Promise.all([straggler, ...rest]);

  const alone = group.submit('w', 'g'); // the last batch held 3; g goes after lingerMs
  const started = performance.now();
  while (batches.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(performance.now() - started).toBeGreaterThanOrEqual(40);
  expect(batches[2]).toEqual(['g']);
  finishNext();
  expect(await alone).toBe('done g');
});

test('keys batch apart, and maxBatch caps a batch', async () => {
  const { group, batches, finishNext } = recorder({ maxBatch: 2, maxInFlight: 1, lingerMs: 0 });
  const items = [group.submit('w1', 'a'), group.submit('w2', 'b'), group.submit('w1', 'c')];
  await tick();
  expect(batches).toEqual([['a', 'c'], ['b']]);
  finishNext();
  finishNext();
  await Promise.all(items);
  const capped = ['d', 'e', 'f'].map((item) => group.submit('w1', item));
  await tick();
  expect(batches[2]).toEqual(['d', 'e']);
  finishNext();
  await new Promise((resolve) => setTimeout(resolve, 20)); // f lingers (lingerMs 0: one timer turn)
  expect(batches[3]).toEqual(['f']);
  finishNext();
  await Promise.all(capped);
});
