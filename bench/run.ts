/**
 * Benchmarks, each printed as a ratio against a baseline measured in the same run, so the figures
 * mean something on any machine:
 *  - access checks in memory (bench/access.ts, also alone as `npm run bench:access`);
 *  - HTTP, on the real service in a child process (PGlite in a fresh data dir, or DATABASE_URL),
 *    load from autocannon here: authenticated console reads against GET /healthz, and an app's
 *    POST /api/authz/check against a Fastify hello-world POST in another child process.
 * BENCH_SECONDS sets the length of each HTTP run (default 5). Track API calls: bench/track.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchAccess } from './access.js';
import { load, perSecond, post, seconds, signUp, spawnServer, stop } from './http.js';

async function httpBench() {
  const dataDir = await mkdtemp(join(tmpdir(), 'atrium-bench-'));
  const atrium = await spawnServer(['dist/cli.js', 'serve'], { DATA_DIR: dataDir }, '/healthz');
  const hello = await spawnServer(['--import', 'tsx', 'bench/hello-world.ts'], {}, '/hello');
  try {
    const { workspace, member, session } = await signUp(atrium.url);
    const created = await post(
      `${atrium.url}/api/workspaces/${workspace.id}/api-keys`,
      { kind: 'app' },
      session,
    );
    const { key } = (await created.json()) as { key: string };

    const healthz = await load({ url: `${atrium.url}/healthz` });
    const me = await load({ url: `${atrium.url}/api/me`, headers: { cookie: session.cookie } });
    const settings = await load({
      url: `${atrium.url}/api/workspaces/${workspace.id}/settings`,
      headers: { cookie: session.cookie },
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
      console.log(`  ${label.padEnd(34)} ${perSecond(rps)} req/s  ${((rps / base) * 100).toFixed(1)}%`);
    console.log(
      `HTTP (${seconds} s each, 20 connections; service on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`,
    );
    console.log(
      `  start-up on a fresh data dir: ${atrium.startMs.toFixed(0)} ms to the first 200 on /healthz`,
    );
    row('GET /healthz (baseline)', healthz, healthz);
    row('GET /api/me', me, healthz);
    row('GET /api/workspaces/{id}/settings', settings, healthz);
    row('POST hello-world (baseline)', helloWorld, helloWorld);
    row('POST /api/authz/check', check, helloWorld);
    console.log(
      `POST /api/authz/check = ${((check / helloWorld) * 100).toFixed(0)}% of a Fastify hello-world's requests/s`,
    );
  } finally {
    await stop(atrium);
    await stop(hello);
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (!process.argv.includes('--http-only')) await benchAccess();
await httpBench();
