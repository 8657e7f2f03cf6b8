import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { copyTemplate, dropDatabase, withDatabase } from './support/postgres.js';

/**
 * Export and import stream: their peak memory does not grow with the workspace. Each step runs in a
 * child process of its own (test/support/archive-probe.ts), which reports its peak resident memory
 * (process.resourceUsage().maxRSS) and its JavaScript heap's peak; a workspace of 20,000 people and
 * one of 100,000 (about 26 and 130 MB of rows) are compared. On PGlite the database runs inside the
 * child, so its resident memory counts PGlite's WebAssembly heap too; on PostgreSQL it is Node's alone.
 */
const run = promisify(execFile);
const serverUrl = process.env.DATABASE_URL;
let dir: string;
const databases: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atrium-archive-memory-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  if (serverUrl) for (const name of databases) await dropDatabase(serverUrl, name);
});

/** An installation of its own: a PGlite directory, or a PostgreSQL database. */
async function installation(name: string): Promise<Record<string, string>> {
  if (!serverUrl) return { DATA_DIR: join(dir, name), DATABASE_URL: '' };
  const database = await copyTemplate(serverUrl, inject('postgresTemplate'));
  databases.push(database);
  return { DATABASE_URL: withDatabase(serverUrl, database) };
}

/**
 * The children's JavaScript heap is capped below the workspace's rows (100,000 people are about
 * 130 MB of NDJSON; the service itself uses some 70 MiB of heap): a process that held a table
 * would die of it. Without the cap V8 collects lazily and the heap's peak says little.
 */
const nodeFlags = ['--max-old-space-size=128'];
const lastLine = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);

async function spawn(env: Record<string, string>, script: string, ...args: string[]) {
  const { stdout } = await run(process.execPath, [...nodeFlags, '--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return lastLine(stdout);
}

interface Probe {
  ms: number;
  maxRssMiB: number;
  heapPeakMiB: number;
}

async function roundTrip(people: number) {
  const [from, to] = [await installation(`from-${people}`), await installation(`to-${people}`)];
  const probe = 'test/support/archive-probe.ts';
  const source: { workspaceId: string } = (await spawn(from, probe, 'seed', `from-${people}`, String(people)))
    .result;
  const target: { accountId: string } = (await spawn(to, probe, 'account', `to-${people}`)).result;
  const file = join(dir, `${people}.tar.gz`);
  const exported: Probe = await spawn(from, probe, 'export', source.workspaceId, file);
  const imported: Probe & { result: { rows: Record<string, number> } } = await spawn(
    to,
    probe,
    'import',
    target.accountId,
    file,
  );
  expect(imported.result.rows.people).toBe(people);
  const figures = {
    people,
    archiveMiB: +((await stat(file)).size / 2 ** 20).toFixed(1),
    exported,
    imported,
  };
  console.log(JSON.stringify(figures));
  return figures;
}

test('peak memory of export and import does not grow with the number of people', {
  timeout: 900_000,
}, async () => {
  const small = await roundTrip(20_000);
  const large = await roundTrip(100_000);
  // Five times the rows, about 100 MB more of them: holding a table would add at least that.
  expect(large.archiveMiB).toBeGreaterThan(small.archiveMiB * 4);
  const growth = 40;
  // Resident memory is Node's alone only on PostgreSQL. On PGlite it holds the database's
  // WebAssembly heap too, whose page cache grows with the pages read (72 MiB more for 100,000
  // people in one gate run, while the JavaScript heap's peak stayed within 6 MiB): there the heap
  // figures below, and the 128 MiB cap, are what show the streaming.
  if (serverUrl) {
    expect(large.exported.maxRssMiB - small.exported.maxRssMiB).toBeLessThan(growth);
    expect(large.imported.maxRssMiB - small.imported.maxRssMiB).toBeLessThan(growth);
  }
  expect(large.exported.heapPeakMiB).toBeLessThan(small.exported.heapPeakMiB + growth);
  expect(large.imported.heapPeakMiB).toBeLessThan(small.imported.heapPeakMiB + growth);
});
