/**
 * Benchmarks, each printed as a ratio against a baseline measured in the same run, so the figures
 * mean something on any machine:
 *  - HTTP: authenticated reads (session lookup + access resolution + query) against GET /healthz,
 *    on the real service (a child process on PGlite, or DATABASE_URL), load from autocannon here.
 *  - access: decide() against a bare Map lookup.
 * BENCH_SECONDS sets the length of each HTTP run (default 5).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Bench } from 'tinybench';
import { decide } from '../src/access/policy.js';
import { resolveSubject } from '../src/access/subject.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startServer(): Promise<{
  url: string;
  child: ChildProcess;
  dataDir: string;
  startMs: number;
}> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'atrium-bench-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/cli.js', 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  return { url, child, dataDir, startMs: performance.now() - started };
}

async function load(url: string, headers: Record<string, string> = {}): Promise<number> {
  const result = await autocannon({ url, connections: 20, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

async function httpBench() {
  const { url, child, dataDir, startMs } = await startServer();
  try {
    const signup = await fetch(`${url}/api/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        accountName: 'Bench',
        firstName: 'B',
        lastName: 'B',
        email: `bench.${Date.now()}@example.com`,
        password: 'bench password',
      }),
    });
    const cookie = signup.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { workspace } = (await signup.json()) as { workspace: { id: string } };
    const baseline = await load(`${url}/healthz`);
    const me = await load(`${url}/api/me`, { cookie });
    const settings = await load(`${url}/api/workspaces/${workspace.id}/settings`, { cookie });
    console.log(`start-up on a fresh data dir: ${startMs.toFixed(0)} ms to the first 200 on /healthz`);
    console.log(`GET /healthz (baseline)          ${baseline.toFixed(0)} req/s`);
    console.log(
      `GET /api/me                      ${me.toFixed(0)} req/s  ratio ${(me / baseline).toFixed(3)}`,
    );
    console.log(
      `GET …/settings                   ${settings.toFixed(0)} req/s  ratio ${(settings / baseline).toFixed(3)}`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function accessBench() {
  const workspaceIds = Array.from({ length: 50 }, (_, i) => `ws_${i}`);
  const subject = resolveSubject({
    memberId: 'mem_1',
    accountId: 'acc_1',
    accountRole: 'member',
    flags: { billing: false, apiCredentials: false, supportAccess: false },
    accountWorkspaceIds: workspaceIds,
    grants: workspaceIds.map((workspaceId, i) => ({
      workspaceId,
      role: i % 2 ? 'author' : 'viewer',
      hideAttributes: false,
    })),
  });
  const plain = new Map(workspaceIds.map((id) => [id, true]));
  let sink = 0;
  const bench = new Bench({ time: 500 });
  bench
    .add('baseline: Map.get', () => {
      sink += plain.get('ws_17') ? 1 : 0;
    })
    .add('decide(workspace.settings.edit)', () => {
      sink += decide(subject, 'workspace.settings.edit', 'ws_17').allowed ? 1 : 0;
    });
  await bench.run();
  const [base, decision] = bench.tasks.map((t) =>
    t.result.state === 'completed' ? t.result.throughput.mean : 0,
  );
  console.log(
    `access: decide() ${decision!.toFixed(0)} ops/s vs Map.get ${base!.toFixed(0)} ops/s  ratio ${(decision! / base!).toFixed(3)} (sink ${sink > 0})`,
  );
}

await accessBench();
await httpBench();
