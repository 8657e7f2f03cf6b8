import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { type Atrium, buildApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { openDatabase } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { createAccount } from '../../src/features/accounts/service.js';
import { signInWithLink } from '../../src/features/support/sessions.js';
import { insertGrant } from '../../src/features/support/store.js';
import { newId } from '../../src/shared/ids.js';
import { copyTemplate, dropDatabase, withDatabase } from '../support/postgres.js';
import { testConfig } from '../support/service.js';

// `atrium support-session`, run once as the operator runs it, on a database of its own (a PGlite
// directory, or a PostgreSQL copy of the template). Its refusals (unknown, revoked, expired grant)
// are in support-access.test.ts, through the same function.

const run = promisify(execFile);
const serverUrl = process.env.DATABASE_URL;
let dataDir: string;
let database: string | undefined;
let target: Config['database'];
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'atrium-support-cli-'));
  if (serverUrl) database = await copyTemplate(serverUrl, inject('postgresTemplate'));
  target =
    serverUrl && database
      ? { kind: 'postgres', url: withDatabase(serverUrl, database), maxConnections: 5 }
      : { kind: 'pglite', dataDir };
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  if (serverUrl && database) await dropDatabase(serverUrl, database);
});

async function withApp<T>(work: (atrium: Atrium) => Promise<T>): Promise<T> {
  const opened = await openDatabase(target);
  try {
    await migrate(opened.db);
    const atrium = await buildApp({ config: testConfig({ database: target }), database: opened });
    try {
      return await work(atrium);
    } finally {
      await atrium.app.close();
    }
  } finally {
    await opened.close();
  }
}

test('support-session prints a one-time link that starts a support session', {
  timeout: 120_000,
}, async () => {
  const grantId = await withApp(({ ctx }) =>
    ctx.db.transaction(async (tx) => {
      const body = {
        accountName: 'Needs help',
        firstName: 'Ada',
        lastName: 'Admin',
        email: `help.${Date.now()}@example.com`,
        password: 'unused password 1',
      };
      const { account } = await createAccount(ctx, tx, body, 'not a password hash');
      const now = ctx.clock.now();
      const grant = await insertGrant(tx, {
        id: newId('grt'),
        accountId: account.id,
        workspaceIds: null,
        role: 'viewer',
        hideAttributes: false,
        reason: 'ticket 123',
        expiresAt: new Date(now.getTime() + 24 * 60 * 60 * 1000),
        createdAt: now,
        createdByName: 'Ada Admin',
      });
      return grant.id;
    }),
  );
  const { stdout } = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli.ts',
      'support-session',
      '--grant',
      grantId,
      '--agent',
      'sam@operator',
      '--reason',
      'ticket 123',
    ],
    {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: serverUrl && database ? withDatabase(serverUrl, database) : '',
        PUBLIC_URL: 'https://atrium.example.com',
        LOG_LEVEL: 'warn',
      },
    },
  );
  expect(stdout).toContain(`grant ${grantId}`);
  const link = stdout.match(/https:\/\/atrium\.example\.com\/support\/sign-in#\S+/)?.[0];
  expect(link, stdout).toBeDefined();
  const token = new URL(link!).hash.slice(1);
  const session = await withApp(({ ctx }) => signInWithLink(ctx, token, { ip: '127.0.0.1' }));
  expect(session.sessionId).toMatch(/^sps_/);
});

test('support-session without its arguments exits 2 with the usage', { timeout: 60_000 }, async () => {
  const failed = await run(
    process.execPath,
    ['--import', 'tsx', 'src/cli.ts', 'support-session', '--grant', 'grt_x'],
    {
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    },
  ).catch((error: { code: number; stderr: string }) => error);
  expect(failed).toMatchObject({ code: 2 });
  expect((failed as { stderr: string }).stderr).toMatch(
    /support-session needs --grant[\s\S]*atrium <command>/,
  );
});
