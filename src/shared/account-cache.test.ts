import { expect, test } from 'vitest';
import { AccountCache, TTL_MS } from './account-cache.js';

const cacheAt = () => {
  let now = 0;
  return { cache: new AccountCache(() => now), advance: (ms: number) => (now += ms) };
};

test('a read is kept for its account until the account is dropped; other accounts keep theirs', async () => {
  const { cache } = cacheAt();
  let loads = 0;
  const load = async () => ++loads;
  expect(await cache.read('acc_a', 'a', load)).toBe(1);
  expect(await cache.read('acc_a', 'a', load)).toBe(1);
  expect(await cache.read('acc_b', 'b', load)).toBe(2);
  cache.drop('acc_a');
  expect(await cache.read('acc_a', 'a', load)).toBe(3);
  expect(await cache.read('acc_b', 'b', load)).toBe(2);
  cache.dropAll();
  expect(await cache.read('acc_b', 'b', load)).toBe(4);
});

test('a read that began before its account was dropped is not kept', async () => {
  const { cache } = cacheAt();
  let release!: () => void;
  const slow = cache.read('acc_a', 'a', () => new Promise<string>((r) => (release = () => r('old'))));
  cache.drop('acc_a'); // the change commits while the read is in flight
  release();
  expect(await slow).toBe('old');
  expect(cache.get('a')).toBeUndefined();
  // A drop of another account meanwhile does not stop it.
  const mark = cache.mark;
  cache.drop('acc_b');
  cache.remember('acc_a', 'a', 'new', mark);
  expect(cache.get('a')).toBe('new');
});

test('an entry goes after the TTL whatever happens', () => {
  const { cache, advance } = cacheAt();
  cache.remember('acc_a', 'a', 'v', cache.mark);
  advance(TTL_MS - 1);
  expect(cache.get('a')).toBe('v');
  advance(1);
  expect(cache.get('a')).toBeUndefined();
});

test('past its memory budget the oldest entries go first', () => {
  const { cache } = cacheAt();
  const mb = 1024 * 1024;
  for (let i = 0; i < 70; i++) cache.remember('acc_a', `k${i}`, i, cache.mark, mb);
  expect(cache.get('k0')).toBeUndefined();
  expect(cache.get('k5')).toBeUndefined();
  expect(cache.get('k69')).toBe(69);
  expect(cache.get('k6')).toBe(6); // 64 of 1 MB are kept
});
