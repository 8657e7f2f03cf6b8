import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type Database,
  type Db,
  executePreparedLater,
  queryPreparedRows,
  queryRows,
} from '../../src/db/connection.js';
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
      const [row] = await queryRows<{ one: number }>(tx, sql`SELECT ${1}::int AS one`);
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
    await database.db.transaction((tx) => insertLater(tx, 1)).catch(() => {}); // parsed, whatever the order
    const failed = database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO pipeline_test (n) VALUES (3)`);
      await insertLater(tx, 1); // taken: the unique index refuses it at COMMIT
    });
    await expect(failed).rejects.toMatchObject({ query: 'commit', cause: { code: '23505' } });
    expect(await stored()).not.toContain(3);
    // The same connection (the pool's last released) is out of the failed transaction.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO pipeline_test (n) VALUES (4)`);
    });
    expect(await stored()).toContain(4);
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
    const all = await stored();
    expect(all).toContain(6);
    expect(all).not.toContain(5);
  });

  test('a statement held back after a savepoint is dropped when the transaction rolls back to it', async () => {
    await database.db.transaction(async (tx) => {
      await tx
        .transaction(async (inner) => {
          await insertLater(inner, 7);
          throw new Error('undo the savepoint');
        })
        .catch(() => {});
    });
    expect(await stored()).not.toContain(7);
  });

  test("BEGIN's options are kept", async () => {
    const [row] = await database.db.transaction(
      (tx) => queryRows<{ level: string }>(tx, sql`SELECT current_setting('transaction_isolation') AS level`),
      { isolationLevel: 'serializable', accessMode: 'read only' },
    );
    expect(row!.level).toBe('serializable');
    const write = database.db.transaction((tx) => tx.execute(sql`INSERT INTO pipeline_test (n) VALUES (8)`), {
      accessMode: 'read only',
    });
    await expect(write).rejects.toMatchObject({ cause: { code: '25006' } }); // read-only transaction
  });

  test('a value that cannot be sent fails its statement only: BEGIN and what waits still go', async () => {
    const unsendable = {
      toPostgres: () => {
        throw new Error('cannot be sent');
      },
    };
    const refused = { cause: { message: 'cannot be sent' } };
    const outcome = database.db.transaction(async (tx) => {
      await expect(tx.execute(sql`SELECT ${unsendable}`)).rejects.toMatchObject(refused);
      await tx.execute(sql`INSERT INTO pipeline_test (n) VALUES (9)`);
      await insertLater(tx, 10);
      await expect(tx.execute(sql`SELECT ${unsendable}`)).rejects.toMatchObject(refused);
      throw new Error('roll it all back');
    });
    await expect(outcome).rejects.toThrow('roll it all back');
    // Inside the transaction (not one autocommit each), so rolled back together.
    const all = await stored();
    expect(all).not.toContain(9);
    expect(all).not.toContain(10);
  });

  test('statements issued together run in the order issued, a first use of a named one included', async () => {
    await database.db.execute(sql`CREATE SEQUENCE IF NOT EXISTS pipeline_order`);
    const name = `pipeline_order_${Date.now()}`; // not yet parsed on any connection
    const [first, second] = await database.db.transaction((tx) =>
      Promise.all([
        queryPreparedRows<{ n: string }>(tx, name, sql`SELECT nextval('pipeline_order') AS n`),
        queryRows<{ n: string }>(tx, sql`SELECT nextval('pipeline_order') + ${0} AS n`),
      ]),
    );
    expect(Number(first[0]!.n)).toBeLessThan(Number(second[0]!.n));
  });

  test('a type parser that throws fails its statement; the connection goes on', async () => {
    const MONEY = 790;
    pg.types.setTypeParser(MONEY, () => {
      throw new Error('unparsable');
    });
    try {
      const failed = database.db.transaction((tx) => tx.execute(sql`SELECT ${1}::int::money AS m`));
      await expect(failed).rejects.toMatchObject({ cause: { message: 'unparsable' } });
    } finally {
      pg.types.setTypeParser(MONEY, (value: string) => value);
    }
    expect(await queryRows(database.db, sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });

  test('a first statement of several commands goes by the simple protocol, as without pipelining', async () => {
    const rows = await database.db.transaction(async (tx) => {
      await tx.execute(
        sql.raw('INSERT INTO pipeline_test (n) VALUES (11); INSERT INTO pipeline_test (n) VALUES (12)'),
      );
      return queryRows<{ n: number }>(tx, sql`SELECT n FROM pipeline_test WHERE n > 10 ORDER BY n`);
    });
    expect(rows).toEqual([{ n: 11 }, { n: 12 }]);
  });
});
