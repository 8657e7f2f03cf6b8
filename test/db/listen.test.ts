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
    const listeners = async (): Promise<number[]> =>
      (
        await admin.query(
          "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%' ORDER BY pid",
        )
      ).rows.map((r: { pid: number }) => r.pid);
    const listening = async () => (await listeners()).length;
    try {
      for (let kill = 0; kill < 3; kill++) {
        const [old] = await listeners();
        await admin.query('SELECT pg_terminate_backend($1)', [old]);
        const lostAt = notices;
        // Terminating does not wait: until a new connection listens, the old one may still show.
        const replaced = async () => {
          const pids = await listeners();
          return pids.length === 1 && pids[0] !== old;
        };
        for (let i = 0; i < 200 && !(await replaced()); i++) await new Promise((r) => setTimeout(r, 50));
        expect(await replaced()).toBe(true);
        expect(notices).toBeGreaterThan(lostAt); // "something may have changed while away"
      }
      notices = 0;
      await admin.query('NOTIFY atrium_listen_test');
      for (let i = 0; i < 40 && notices === 0; i++) await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setTimeout(r, 100));
      expect(notices).toBe(1);
      await stop();
      for (let i = 0; i < 100 && (await listening()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await listening()).toBe(0);
    } finally {
      await admin.end();
    }
  },
);
