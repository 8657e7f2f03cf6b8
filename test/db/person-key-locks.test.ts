import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Database, type Db, queryRows } from '../../src/db/connection.js';
import {
  enterWorkspaceForTrack,
  lockToWrite,
  type PeopleNamed,
} from '../../src/features/people/write-store.js';
import { holdTransaction } from '../support/held-transaction.js';
import { openTestDatabase } from '../support/service.js';

/** What an import chunk of `rows` rows names: an email and an id each. */
const chunkNaming = (tag: string, rows: number): PeopleNamed => ({
  cioIds: [],
  emails: Array.from({ length: rows }, (_, i) => `${tag}-${i}@example.com`),
  ids: Array.from({ length: rows }, (_, i) => `${tag}-${i}`),
});
const naming = (emails: string[], ids: string[] = []): PeopleNamed => ({ cioIds: [], emails, ids });

/** The advisory locks this transaction holds, by mode. */
async function advisoryLocks(tx: Db): Promise<Record<string, number>> {
  const rows = await queryRows<{ mode: string; n: number }>(
    tx,
    sql`SELECT mode, count(*)::int AS n FROM pg_locks
        WHERE locktype = 'advisory' AND pid = pg_backend_pid() GROUP BY mode`,
  );
  return Object.fromEntries(rows.map((r) => [r.mode, r.n]));
}

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterAll(async () => {
  await database.close();
  await drop();
});

describe('locks on the emails and ids a writer of people names', () => {
  /** The advisory locks a writer naming `named` holds once it has locked them. */
  const locksHeldFor = (workspace: string, named: PeopleNamed) =>
    database.db.transaction(async (tx) => {
      await lockToWrite(tx, workspace, named);
      return advisoryLocks(tx);
    });
  const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);
  const emails = (n: number) => keys(n).map((k) => `${k}@example.com`);

  test('a writer naming a few holds one lock per email and id, and its workspace’s keys shared', async () => {
    // The two spellings of Ada's address are one key.
    expect(
      await locksHeldFor('ws_few', naming(['Ada@example.com', 'ada@EXAMPLE.com', 'bob@example.com'], ['7'])),
    ).toEqual({ ExclusiveLock: 3, ShareLock: 1 });
  });

  test('a writer naming more than 64 (an import chunk names 2,000) holds one lock for its workspace’s keys', async () => {
    expect(await locksHeldFor('ws_many', chunkNaming('many', 1_000))).toEqual({ ExclusiveLock: 1 });
  });

  test('64 emails and ids are locked one by one, 65 all at once', async () => {
    expect(await locksHeldFor('ws_64', naming(emails(32), keys(32)))).toEqual({
      ExclusiveLock: 64,
      ShareLock: 1,
    });
    expect(await locksHeldFor('ws_65', naming(emails(33), keys(32)))).toEqual({ ExclusiveLock: 1 });
  });

  test('a Track API call naming no email or id (an event, a delete) holds its workspace’s gate only', async () => {
    await database.db.transaction(async (tx) => {
      await enterWorkspaceForTrack(tx, 'acc_none', 'ws_none', naming([]));
      expect(await advisoryLocks(tx)).toEqual({ ShareLock: 1 });
    });
  });
});

// Transactions at once need connections at once: PGlite has one.
describe.skipIf(!process.env.DATABASE_URL)('locks on person keys, concurrent writers on PostgreSQL', () => {
  /** A transaction held open with `named` locked in `workspace`. */
  const holding = (workspace: string, named: PeopleNamed) =>
    holdTransaction(database.db, (tx) => lockToWrite(tx, workspace, named));

  /** Whether `named` can be locked in `workspace` within 200 ms, or waits. */
  const canLock = (workspace: string, named: PeopleNamed) =>
    database.db
      .transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL lock_timeout = '200ms'`);
        await lockToWrite(tx, workspace, named);
      })
      .then(
        () => true,
        (error: unknown) => {
          const cause = (error as { cause?: { code?: string } }).cause;
          if (cause?.code === '55P03') return false;
          throw error;
        },
      );

  test('ten import chunks at once, in ten workspaces, do not exhaust the lock table (eight did)', async () => {
    const chunks = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => holding(`ws_chunk_${i}`, chunkNaming(`chunk${i}`, 1_000))),
    );
    const held = chunks.flatMap((c) => (c.status === 'fulfilled' ? [c.value] : []));
    for (const chunk of held) chunk.release();
    await Promise.all(held.map((c) => c.done));
    expect(chunks.flatMap((c) => (c.status === 'rejected' ? [String(c.reason)] : []))).toEqual([]);
  });

  test('writers naming few keys wait only for the same keys', async () => {
    const ada = await holding('ws_a', naming(['ada@example.com']));
    try {
      expect(await canLock('ws_a', naming(['bob@example.com']))).toBe(true);
      expect(await canLock('ws_a', naming(['ADA@example.com']))).toBe(false);
    } finally {
      ada.release();
      await ada.done;
    }
  });

  test('a writer naming many keys waits for any writer of its workspace, and not for another workspace’s', async () => {
    const ada = await holding('ws_b', naming(['ada@example.com']));
    try {
      expect(await canLock('ws_b', chunkNaming('b', 100))).toBe(false);
      expect(await canLock('ws_other', chunkNaming('b', 100))).toBe(true);
    } finally {
      ada.release();
      await ada.done;
    }
    const chunk = await holding('ws_b', chunkNaming('b', 100));
    try {
      expect(await canLock('ws_b', naming(['zed@example.com']))).toBe(false);
      expect(await canLock('ws_b', chunkNaming('c', 100))).toBe(false);
    } finally {
      chunk.release();
      await chunk.done;
    }
    expect(await canLock('ws_b', naming(['zed@example.com']))).toBe(true);
  });
});
