/**
 * A child process for test/workspace-archive-memory.test.ts: makes an account, seeds, exports or imports one
 * installation (DATA_DIR or DATABASE_URL) and prints what it took as its last line, JSON:
 * { ms, maxRssMiB (the process's peak resident memory: Node, and PGlite's WebAssembly heap when
 * embedded), heapPeakMiB (the JavaScript heap, sampled every 10 ms) }.
 *
 *   tsx test/support/archive-probe.ts account NAME          (a new account: its ids as result)
 *   tsx test/support/archive-probe.ts seed NAME PEOPLE      (a new account, its workspace seeded)
 *   tsx test/support/archive-probe.ts export WORKSPACE_ID FILE
 *   tsx test/support/archive-probe.ts import ACCOUNT_ID FILE
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { openDatabase } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { createAccount, hashNewPassword } from '../../src/features/accounts/service.js';
import { exportWorkspace } from '../../src/features/workspace-archive/export.js';
import { importWorkspace } from '../../src/features/workspace-archive/import.js';

const MiB = 1024 * 1024;
let heapPeak = 0;
setInterval(() => {
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
}, 10).unref();

/**
 * People with about 1 KB of attributes each (40 random md5s: gzip cannot fold them away), and one
 * event each: 100,000 people are about 130 MB of NDJSON.
 */
async function seed(ctx: AppContext, workspaceId: string, people: number) {
  for (let from = 1; from <= people; from += 10_000) {
    const to = Math.min(people, from + 9_999);
    await ctx.db.execute(sql`
      INSERT INTO people (workspace_id, cio_id, external_id, email, attributes, created_at, updated_at)
      SELECT ${workspaceId}, 'p' || lpad(g::text, 7, '0'), 'ext-' || g, 'p' || g || '@example.com',
             jsonb_build_object('first_name', 'Person', 'n', g, 'plan', 'gold',
               'notes', (SELECT string_agg(md5((g * 100 + k)::text), '') FROM generate_series(1, 25) k)),
             clock_timestamp(), clock_timestamp()
      FROM generate_series(${from}::int, ${to}::int) AS g`);
    await ctx.db.execute(sql`
      INSERT INTO events (workspace_id, id, cio_id, name, data, created_at)
      SELECT ${workspaceId}, 'evt_' || lpad(g::text, 7, '0'), 'p' || lpad(g::text, 7, '0'),
             'signed_up', jsonb_build_object('source', 'probe', 'n', g), clock_timestamp()
      FROM generate_series(${from}::int, ${to}::int) AS g`);
  }
}

/** A new account, as the CLI's create-account makes one: its id and its first workspace's. */
async function newAccount(ctx: AppContext, name: string) {
  const body = {
    accountName: `Memory ${name}`,
    email: `memory.${name}.${Date.now()}@example.com`,
    password: 'memory password 1',
    firstName: 'Memory',
    lastName: 'Probe',
  };
  const passwordHash = await hashNewPassword(ctx, body);
  const created = await ctx.db.transaction((tx) => createAccount(ctx, tx, body, passwordHash));
  return { accountId: created.account.id, workspaceId: created.workspace.id };
}

async function main([command, id, arg]: string[]) {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  await migrate(database.db);
  const { app, ctx } = await buildApp({ config: { ...config, logLevel: 'warn', workerIdleMs: 0 }, database });
  const started = performance.now();
  let result: unknown = null;
  let ms = 0;
  try {
    if (command === 'account') result = await newAccount(ctx, id!);
    else if (command === 'seed') {
      const account = await newAccount(ctx, id!);
      await seed(ctx, account.workspaceId, Number(arg));
      result = account;
    } else if (command === 'export')
      result = await exportWorkspace(ctx.db, ctx.clock, id!, createWriteStream(arg!));
    else if (command === 'import') result = await importWorkspace(ctx, id!, createReadStream(arg!));
    else throw new Error(`unknown command ${command}`);
    ms = Math.round(performance.now() - started);
  } finally {
    await app.close();
    await database.close();
  }
  const maxRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ command, ms, maxRssMiB, heapPeakMiB: Math.round(heapPeak / MiB), result }));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
