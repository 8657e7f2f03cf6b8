import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { copyTemplate, dropDatabase, withDatabase } from './support/postgres.js';

const run = promisify(execFile);
const serverUrl = process.env.DATABASE_URL;
let dir: string;
const databases: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atrium-archive-cli-'));
  if (serverUrl)
    for (let i = 0; i < 2; i++) databases.push(await copyTemplate(serverUrl, inject('postgresTemplate')));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  if (serverUrl) for (const name of databases) await dropDatabase(serverUrl, name);
});

/** The atrium command from source on installation `n` (a data directory, or a database, of its own). */
const atrium = (n: 0 | 1, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: {
      ...process.env,
      DATA_DIR: join(dir, `installation-${n}`),
      DATABASE_URL: serverUrl ? withDatabase(serverUrl, databases[n]!) : '',
      LOG_LEVEL: 'warn',
    },
  });

/** A command's answer: its last line of output (the service may log a warning before it). */
const answer = (out: { stdout: string }) => JSON.parse(out.stdout.trim().split('\n').at(-1)!);

const createAccount = async (n: 0 | 1) =>
  answer(
    await atrium(
      n,
      'create-account',
      '--account-name',
      `Installation ${n}`,
      '--email',
      `archive.${n}.${Date.now()}@example.com`,
      '--password',
      'archive password 1',
    ),
  ) as { accountId: string; workspaceId: string };

test('export-workspace on one installation, import-workspace on another', { timeout: 180_000 }, async () => {
  const from = await createAccount(0);
  const to = await createAccount(1);
  const file = join(dir, 'moved.tar.gz');

  const exported = answer(
    await atrium(0, 'export-workspace', '--workspace', from.workspaceId, '--out', file),
  );
  expect(exported).toMatchObject({ workspaceId: from.workspaceId, file });
  expect((await stat(file)).size).toBeGreaterThan(0);

  const imported = answer(await atrium(1, 'import-workspace', '--account', to.accountId, '--in', file));
  expect(imported).toMatchObject({ workspaceId: from.workspaceId, accountId: to.accountId });

  // Twice: refused with the problem's words, exit 1.
  await expect(atrium(1, 'import-workspace', '--account', to.accountId, '--in', file)).rejects.toMatchObject({
    code: 1,
    stderr: expect.stringContaining(`${from.workspaceId} already exists`),
  });
  // Missing arguments: the usage, exit 2.
  await expect(atrium(1, 'import-workspace', '--in', file)).rejects.toMatchObject({
    code: 2,
    stderr: expect.stringContaining('export-workspace --workspace'),
  });
});
