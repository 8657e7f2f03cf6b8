import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Database, type Db, executePreparedLater, queryRows } from '../../src/db/connection.js';
import { openTestDatabase } from '../support/service.js';

// Round trips are PostgreSQL's: PGlite runs in the process and has nothing to pipeline.
const url = process.env.DATABASE_URL;

/** The pooled connection under a transaction: what the round trips are counted on. */
const connectionOf = (tx: Db) =>
  (tx._.session as unknown as { client: pg.PoolClient & { connection: NodeJS.EventEmitter } }).client
    .connection;

describe.skipIf(!url)('transactions on PostgreSQL, pipelined', () => {
  let database: Database;
  let drop: () => Promise<void>;
  const insertLater = (tx: Db, n: number) =>
    executePreparedLater(tx, 'pipeline_test_insert', sql`INSERT INTO pipeline_test (n) VALUES (${n})`);
  const stored = async () =>
    (await queryRows<{ n: number }>(database.db, sql`SELECT n FROM pipeline_test ORDER BY n`)).map(
      (r) => r.n,
    );

  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
    await database.db.execute(sql`CREATE TABLE pipeline_test (n int PRIMARY KEY)`);
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  /**
   * Runs `work` in a transaction; how many times the server said it was ready (once per round trip),
   * BEGIN included: counted on the connection the pool gives next (its last released).
   */
  async function roundTrips(work: (tx: Db) => Promise<void>): Promise<number> {
    let next: NodeJS.EventEmitter | undefined;
    await database.db.transaction(async (tx) => {
      next = connectionOf(tx);
    });
    let count = 0;
    const onReady = () => count++;
    next!.on('readyForQuery', onReady);
    try {
      await database.db.transaction(async (tx) => {
        expect(connectionOf(tx)).toBe(next);
        await work(tx);
      });
    } finally {
      next!.off('readyForQuery', onReady);
    }
    return count;
  }

  test('BEGIN goes with the first statement, and a statement whose result nobody reads with the COMMIT', async () => {
    await database.db.transaction((tx) => insertLater(tx, 0)); // parsed once on this connection
    const trips = await roundTrips(async (tx) => {
      const [row] = await queryRows<{ one: number }>(tx, sql`SELECT 1 AS one`);
      expect(row!.one).toBe(1);
      await insertLater(tx, 1);
    });
    expect(trips).toBe(2); // one by one, BEGIN, SELECT, INSERT and COMMIT: 4
    expect(await stored()).toEqual([0, 1]);
  });

  test('a statement held back runs before the next one, which sees what it wrote', async () => {
    await database.db.transaction(async (tx) => {
      await insertLater(tx, 2);
      const rows = await queryRows<{ n: number }>(tx, sql`SELECT n FROM pipeline_test WHERE n = 2`);
      expect(rows).toEqual([{ n: 2 }]);
      await tx.execute(sql`DELETE FROM pipeline_test WHERE n = 2`);
    });
    expect(await stored()).toEqual([0, 1]);
  });

  test('a held-back statement that fails fails the COMMIT; nothing of the transaction stays, the connection goes on', async () => {
    const failed = database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO pipeline_test (n) VALUES (3)`);
      await insertLater(tx, 1); // taken: the unique index refuses it at COMMIT
    });
    await expect(failed).rejects.toMatchObject({ cause: { code: '23505' } });
    expect(await stored()).toEqual([0, 1]);
    // The same connection (the pool's last released) is out of the failed transaction.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO pipeline_test (n) VALUES (4)`);
    });
    expect(await stored()).toEqual([0, 1, 4]);
  });

  test('a first statement that fails rolls the transaction back like any other', async () => {
    const failed = database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT 1 / 0`);
    });
    await expect(failed).rejects.toMatchObject({ cause: { code: '22012' } });
    // The connection is not left in the aborted transaction (where every statement would fail).
    expect(await queryRows(database.db, sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });

  test('a transaction with no statement, or rolled back before its first, sends nothing', async () => {
    expect(await roundTrips(async () => {})).toBe(0);
    const rolledBack = database.db.transaction(async () => {
      throw new Error('changed my mind');
    });
    await expect(rolledBack).rejects.toThrow('changed my mind');
    expect(await queryRows(database.db, sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });

  test('savepoints go through too', async () => {
    await database.db.transaction(async (tx) => {
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`INSERT INTO pipeline_test (n) VALUES (5)`);
          throw new Error('undo the savepoint');
        })
        .catch(() => {});
      await insertLater(tx, 6);
    });
    expect(await stored()).toEqual([0, 1, 4, 6]);
  });
});
