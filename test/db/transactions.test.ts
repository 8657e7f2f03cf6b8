import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Database, type Db, queryPreparedRows, queryRows } from '../../src/db/connection.js';
import { openTestDatabase } from '../support/service.js';

// Transactions as the Track API batch runs them (src/features/track/v1-identify.ts): plain ones, each
// statement awaited in turn, on the pool's connections (PostgreSQL) or the embedded database.
describe('transactions', () => {
  let database: Database;
  let drop: () => Promise<void>;
  const insertPrepared = (tx: Db, n: number) =>
    queryPreparedRows(tx, 'transactions_test_insert', sql`INSERT INTO transactions_test (n) VALUES (${n})`);
  const stored = async () =>
    (await queryRows<{ n: number }>(database.db, sql`SELECT n FROM transactions_test ORDER BY n`)).map(
      (r) => r.n,
    );
  const stillUsable = async () =>
    expect(await queryRows(database.db, sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);

  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
    await database.db.execute(sql`CREATE TABLE transactions_test (n int PRIMARY KEY)`);
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  test('a statement that fails rolls back the whole transaction; the connection goes on', async () => {
    await database.db.transaction((tx) => insertPrepared(tx, 1));
    const failed = database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO transactions_test (n) VALUES (2)`);
      await insertPrepared(tx, 1); // taken: the unique index refuses it
    });
    await expect(failed).rejects.toMatchObject({ cause: { code: '23505' } });
    expect(await stored()).toEqual([1]);
    // Not left in the aborted transaction, where every statement would fail; nor is the prepared
    // statement lost to the failure.
    await database.db.transaction((tx) => insertPrepared(tx, 3));
    expect(await stored()).toEqual([1, 3]);
  });

  test('a prepared statement is read each time from the same name, its values its own', async () => {
    const echo = (tx: Db, n: number) =>
      queryPreparedRows<{ n: number }>(tx, 'transactions_test_echo', sql`SELECT ${n}::int AS n`);
    const rows = await database.db.transaction(async (tx) => [await echo(tx, 4), await echo(tx, 5)]);
    expect(rows).toEqual([[{ n: 4 }], [{ n: 5 }]]);
  });

  test('what a statement wrote, the next one in the transaction sees', async () => {
    await database.db.transaction(async (tx) => {
      await insertPrepared(tx, 6);
      const rows = await queryRows<{ n: number }>(tx, sql`SELECT n FROM transactions_test WHERE n = 6`);
      expect(rows).toEqual([{ n: 6 }]);
      await tx.execute(sql`DELETE FROM transactions_test WHERE n = 6`);
    });
    expect(await stored()).not.toContain(6);
  });

  test('an error thrown by the caller rolls back what its transaction wrote', async () => {
    const rolledBack = database.db.transaction(async (tx) => {
      await insertPrepared(tx, 7);
      throw new Error('changed my mind');
    });
    await expect(rolledBack).rejects.toThrow('changed my mind');
    expect(await stored()).not.toContain(7);
    await stillUsable();
  });

  test('a savepoint rolled back undoes its own writes only', async () => {
    await database.db.transaction(async (tx) => {
      await tx
        .transaction(async (inner) => {
          await insertPrepared(inner, 8);
          throw new Error('undo the savepoint');
        })
        .catch(() => {});
      await insertPrepared(tx, 9);
    });
    const all = await stored();
    expect(all).toContain(9);
    expect(all).not.toContain(8);
  });

  test("BEGIN's options are kept", async () => {
    const [row] = await database.db.transaction(
      (tx) => queryRows<{ level: string }>(tx, sql`SELECT current_setting('transaction_isolation') AS level`),
      { isolationLevel: 'serializable', accessMode: 'read only' },
    );
    expect(row!.level).toBe('serializable');
    const write = database.db.transaction((tx) => insertPrepared(tx, 10), { accessMode: 'read only' });
    await expect(write).rejects.toMatchObject({ cause: { code: '25006' } }); // read-only transaction
    await stillUsable();
  });

  // node-postgres's own failures before or after the server (PGlite's driver converts and parses values
  // its own way): they fail the statement, and the pooled connection goes on.
  describe.skipIf(!process.env.DATABASE_URL)('on node-postgres', () => {
    test('a value that cannot be sent fails its statement; the transaction rolls back as a whole', async () => {
      const unsendable = {
        toPostgres: () => {
          throw new Error('cannot be sent');
        },
      };
      const outcome = database.db.transaction(async (tx) => {
        await insertPrepared(tx, 11);
        await tx.execute(sql`SELECT ${unsendable}`);
      });
      await expect(outcome).rejects.toMatchObject({ cause: { message: 'cannot be sent' } });
      expect(await stored()).not.toContain(11);
      await stillUsable();
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
      await stillUsable();
    });
  });
});
