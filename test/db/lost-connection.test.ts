import { sql } from 'drizzle-orm';
import pg from 'pg';
import { expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { openTestDatabase } from '../support/service.js';

// PGlite has no connection to lose; this is about the pool's connections to a PostgreSQL server.
const url = process.env.DATABASE_URL;

test.skipIf(!url)(
  'a connection terminated inside a transaction fails that transaction only; the process goes on',
  async () => {
    const { database, drop, target } = await openTestDatabase();
    const admin = new pg.Client({ connectionString: (target as { url: string }).url });
    await admin.connect();
    try {
      const lost = database.db.transaction(async (tx) => {
        const [row] = await queryRows<{ pid: number }>(tx, sql`SELECT pg_backend_pid() AS pid`);
        await admin.query('SELECT pg_terminate_backend($1)', [row!.pid]);
        await tx.execute(sql`SELECT 1`);
      });
      await expect(lost).rejects.toThrow();
      // The dead connection's 'error' event comes after; unheard, it would crash the process.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await queryRows(database.db, sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
      await database.close();
      await drop();
    }
  },
);
