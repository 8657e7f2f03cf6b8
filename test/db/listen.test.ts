import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { openTestDatabase, type testConfig } from '../support/service.js';

// PGlite has no connection to lose; this is about the LISTEN connection to a PostgreSQL server.
const url = process.env.DATABASE_URL;
let database: Database;
let drop: () => Promise<void>;
let target: ReturnType<typeof testConfig>['database'];
beforeAll(async () => {
  if (url) ({ database, drop, target } = await openTestDatabase());
});
afterAll(async () => {
  await database?.close();
  await drop?.();
});

test.skipIf(!url)(
  'the LISTEN connection comes back after being killed, once, and goes on stop',
  { timeout: 60_000 },
  async () => {
    const dbUrl = (target as { url: string }).url;
    let notices = 0;
    const stop = await database.listen('atrium_listen_test', () => notices++);
    const admin = new pg.Client({ connectionString: dbUrl });
    await admin.connect();
    const listening = async () =>
      (
        await admin.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'",
        )
      ).rows[0].n;
    try {
      for (let kill = 0; kill < 3; kill++) {
        await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'",
        );
        const lostAt = notices;
        for (let i = 0; i < 200 && (await listening()) !== 1; i++)
          await new Promise((r) => setTimeout(r, 50));
        expect(await listening()).toBe(1);
        expect(notices).toBeGreaterThan(lostAt); // "something may have changed while away"
      }
      notices = 0;
      await admin.query('NOTIFY atrium_listen_test');
      for (let i = 0; i < 40 && notices === 0; i++) await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setTimeout(r, 100));
      expect(notices).toBe(1);
      await stop();
      await new Promise((r) => setTimeout(r, 200));
      expect(await listening()).toBe(0);
    } finally {
      await admin.end();
    }
  },
);
