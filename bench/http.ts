/** What the HTTP benchmarks share: a service in a child process, and load from autocannon. */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import type { DatabaseTarget } from '../src/db/connection.js';

export const seconds = Number(process.env.BENCH_SECONDS ?? 5);

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

export interface Server {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawning to the first 200 on `upPath`. */
  startMs: number;
}

/** Starts `node …args` on a free loopback port and waits until `upPath` answers 200. */
export async function spawnServer(
  args: string[],
  env: Record<string, string | undefined>,
  upPath: string,
): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await untilUp(`${url}${upPath}`);
  return { url, child, startMs: performance.now() - started };
}

export async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));
}

/** Average requests/s over the run; any non-2xx answer or error fails the benchmark. */
export async function load(options: autocannon.Options): Promise<number> {
  const result = await autocannon({ connections: 20, duration: seconds, ...options });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${options.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return result.requests.average;
}

export const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** Signs up a fresh account on the service; its first workspace, member and session headers. */
export async function signUp(url: string) {
  const signup = await post(`${url}/api/signup`, {
    accountName: 'Bench',
    firstName: 'B',
    lastName: 'B',
    email: `bench.${Date.now()}@example.com`,
    password: 'bench password',
  });
  if (signup.status !== 201) throw new Error(`sign-up answered ${signup.status}`);
  const cookies = signup.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const cookie = cookies.join('; ');
  const csrf = cookies.find((c) => c.startsWith('csrf='))!.slice('csrf='.length);
  const { workspace, member } = (await signup.json()) as {
    workspace: { id: string };
    member: { id: string };
  };
  const session = { cookie, 'x-csrf-token': csrf };
  return { workspace, member, session };
}

export const perSecond = (rps: number) => Math.round(rps).toLocaleString('en').padStart(8);

/**
 * A fresh PGlite data directory, or a fresh database on DATABASE_URL's server: each run starts
 * empty (no people, no sign-up counted against the hourly limit). `env` is what the service needs
 * to open it; `remove` deletes it.
 */
export async function freshDatabase(database: 'PGlite' | 'PostgreSQL') {
  if (database === 'PGlite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'atrium-bench-'));
    return {
      target: { kind: 'pglite', dataDir } as DatabaseTarget,
      env: { DATA_DIR: dataDir, DATABASE_URL: undefined } as Record<string, string | undefined>,
      remove: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('Set DATABASE_URL to benchmark on PostgreSQL');
  const name = `atrium_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString() } as DatabaseTarget,
    env: { DATABASE_URL: url.toString() } as Record<string, string | undefined>,
    remove: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** The built service on a fresh database (freshDatabase); `close` stops it and removes the database. */
export async function spawnService(database: 'PGlite' | 'PostgreSQL') {
  const fresh = await freshDatabase(database);
  const server = await spawnServer(['dist/cli.js', 'serve'], fresh.env, '/healthz');
  return {
    url: server.url,
    close: async () => {
      await stop(server);
      await fresh.remove();
    },
  };
}
