/**
 * Benchmarks, each printed as a ratio against a baseline measured in the same run, so the figures
 * mean something on any machine:
 *  - access checks in memory (bench/access.ts, also alone as `npm run bench:access`);
 *  - HTTP, on the real service in a child process (PGlite in a fresh data dir, or DATABASE_URL),
 *    load from autocannon here: authenticated console reads against GET /healthz, and an app's
 *    POST /api/authz/check against a Fastify hello-world POST in another child process.
 * BENCH_SECONDS sets the length of each HTTP run (default 5).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { benchAccess } from './access.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function untilUp(url: string): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function spawnServer(args: string[], env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

const stop = async (child: ChildProcess) => {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
};

async function load(options: autocannon.Options): Promise<number> {
  const result = await autocannon({ connections: 20, duration: seconds, ...options });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${options.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return result.requests.average;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function httpBench() {
  const dataDir = await mkdtemp(join(tmpdir(), 'atrium-bench-'));
  const started = performance.now();
  const atrium = await spawnServer(['dist/cli.js', 'serve'], { DATA_DIR: dataDir });
  await untilUp(`${atrium.url}/healthz`);
  const startMs = performance.now() - started;
  const hello = await spawnServer(['--import', 'tsx', 'bench/hello-world.ts'], {});
  await untilUp(`${hello.url}/hello`);
  try {
    const signup = await post(`${atrium.url}/api/signup`, {
      accountName: 'Bench',
      firstName: 'B',
      lastName: 'B',
      email: `bench.${Date.now()}@example.com`,
      password: 'bench password',
    });
    const cookies = signup.headers.getSetCookie().map((c) => c.split(';')[0]!);
    const cookie = cookies.join('; ');
    const csrf = cookies.find((c) => c.startsWith('csrf='))!.slice('csrf='.length);
    const { workspace, member } = (await signup.json()) as {
      workspace: { id: string };
      member: { id: string };
    };
    const created = await post(
      `${atrium.url}/api/workspaces/${workspace.id}/api-keys`,
      { kind: 'app' },
      { cookie, 'x-csrf-token': csrf },
    );
    const { key } = (await created.json()) as { key: string };

    const healthz = await load({ url: `${atrium.url}/healthz` });
    const me = await load({ url: `${atrium.url}/api/me`, headers: { cookie } });
    const settings = await load({
      url: `${atrium.url}/api/workspaces/${workspace.id}/settings`,
      headers: { cookie },
    });
    const checkBody = JSON.stringify({
      memberId: member.id,
      workspaceId: workspace.id,
      permission: 'segments.create',
    });
    const json = { 'content-type': 'application/json' };
    const helloWorld = await load({
      url: `${hello.url}/hello`,
      method: 'POST',
      headers: json,
      body: checkBody,
    });
    const check = await load({
      url: `${atrium.url}/api/authz/check`,
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${key}` },
      body: checkBody,
    });
    const row = (label: string, rps: number, base: number) =>
      console.log(
        `  ${label.padEnd(34)} ${Math.round(rps).toLocaleString('en').padStart(8)} req/s  ${((rps / base) * 100).toFixed(1)}%`,
      );
    console.log(
      `HTTP (${seconds} s each, 20 connections; service on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`,
    );
    console.log(`  start-up on a fresh data dir: ${startMs.toFixed(0)} ms to the first 200 on /healthz`);
    row('GET /healthz (baseline)', healthz, healthz);
    row('GET /api/me', me, healthz);
    row('GET /api/workspaces/{id}/settings', settings, healthz);
    row('POST hello-world (baseline)', helloWorld, helloWorld);
    row('POST /api/authz/check', check, helloWorld);
    console.log(
      `POST /api/authz/check = ${((check / helloWorld) * 100).toFixed(0)}% of a Fastify hello-world's requests/s`,
    );
  } finally {
    await stop(atrium.child);
    await stop(hello.child);
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (!process.argv.includes('--http-only')) await benchAccess();
await httpBench();
