import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { buildApp } from '../src/app.js';
import { openDatabase } from '../src/db/connection.js';
import { forgotPassword } from '../src/features/team/password-resets.js';
import { copyTemplate, dropDatabase, withDatabase } from './support/postgres.js';
import { testConfig } from './support/service.js';

const run = promisify(execFile);
const serverUrl = process.env.DATABASE_URL;
let dataDir: string;
let database: string | undefined;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'atrium-cli-'));
  if (serverUrl) database = await copyTemplate(serverUrl, inject('postgresTemplate'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  if (serverUrl && database) await dropDatabase(serverUrl, database);
});

// Each test starts the command from source (tsx compiles it) a few times: seconds each on a
// quiet machine, several times that beside the rest of the suite.
const spawning = { timeout: 120_000 };

/** The atrium command, from source, on a data directory of its own (or a database of its own). */
const atrium = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: serverUrl && database ? withDatabase(serverUrl, database) : '',
      LOG_LEVEL: 'warn',
    },
  });

test('atrium migrate, then create-account, then migrate again', spawning, async () => {
  const first = await atrium('migrate');
  // A fresh PGlite directory gets every migration; the PostgreSQL copy comes migrated already.
  expect(first.stdout).toMatch(serverUrl ? /database is up to date/ : /applied: 0001_foundation\.sql, 0002/);
  const email = `cli.${Date.now()}@example.com`;
  const created = await atrium(
    'create-account',
    '--account-name',
    'From CLI',
    '--email',
    email,
    '--password',
    'cli password 1',
  );
  expect(JSON.parse(created.stdout)).toEqual({
    accountId: expect.stringMatching(/^acc_/),
    memberId: expect.stringMatching(/^mem_/),
    workspaceId: expect.stringMatching(/^ws_/),
  });
  expect((await atrium('migrate')).stdout).toContain('database is up to date');
  await expect(atrium('create-account', '--email', email)).rejects.toMatchObject({ code: 2 });
});

test('an unknown command prints the usage and fails', spawning, async () => {
  await expect(atrium('frobnicate')).rejects.toMatchObject({
    code: 2,
    stderr: expect.stringContaining('create-account'),
  });
});

test('create-account checks its input like sign-up; set-plan sets custom limits', spawning, async () => {
  await expect(
    atrium('create-account', '--account-name', 'X', '--email', 'not-an-email', '--password', 'short'),
  ).rejects.toMatchObject({
    code: 2,
    stderr: expect.stringContaining('/email'),
  });
  const email = `plan.${Date.now()}@example.com`;
  const created = JSON.parse(
    (
      await atrium(
        'create-account',
        '--account-name',
        'Planned',
        '--email',
        email,
        '--password',
        'cli password 1',
      )
    ).stdout,
  );
  const set = await atrium(
    'set-plan',
    '--account',
    created.accountId,
    '--plan',
    'custom',
    '--workspaces',
    '3',
    '--members',
    '7',
  );
  expect(JSON.parse(set.stdout)).toMatchObject({ plan: 'custom', limits: { workspaces: 3, teamMembers: 7 } });
  await expect(atrium('set-plan', '--account', created.accountId, '--plan', 'custom')).rejects.toMatchObject({
    code: 2,
  });
});

test(
  'last-email prints the newest email to an address: the reset link of someone who forgot their password',
  spawning,
  async () => {
    const email = `Forgot.${Date.now()}@example.com`;
    await atrium(
      'create-account',
      '--account-name',
      'Forgetful',
      '--email',
      email,
      '--password',
      'cli password 1',
    );
    // "Forgot password" through the service, on the command's database, with no SMTP_URL.
    const target =
      serverUrl && database
        ? { kind: 'postgres' as const, url: withDatabase(serverUrl, database) }
        : { kind: 'pglite' as const, dataDir };
    const opened = await openDatabase(target);
    try {
      const { app, ctx } = await buildApp({ config: testConfig({ database: target }), database: opened });
      await forgotPassword(ctx, email.toLowerCase());
      await app.close();
    } finally {
      await opened.close();
    }
    const printed = (await atrium('last-email', '--to', email.toUpperCase(), '--kind', 'password_reset'))
      .stdout;
    expect(printed).toContain(`To: ${email}`);
    expect(printed).toContain('Subject: Reset your Atrium password');
    expect(printed).toMatch(/\/reset-password\/[\w-]{43}\n/);
    await expect(atrium('last-email', '--to', 'nobody@example.com')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no email to nobody@example.com'),
    });
    await expect(atrium('last-email')).rejects.toMatchObject({ code: 2 });
  },
);
