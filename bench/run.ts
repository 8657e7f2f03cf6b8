/**
 * Benchmarks, each printed as a ratio against a baseline measured in the same run, so the figures
 * mean something on any machine:
 *  - access checks in memory (bench/access.ts, also alone as `npm run bench:access`);
 *  - HTTP, on the real service in a child process, on PGlite (a fresh data dir) and, when
 *    DATABASE_URL is set, PostgreSQL; load from autocannon here: authenticated console reads
 *    against GET /healthz (with the statements each sends, bench/reads.ts), and an app's
 *    POST /api/authz/check against a Fastify hello-world POST in another child process.
 * BENCH_SECONDS sets the length of each HTTP run (default 5). Track API calls: bench/track.ts.
 */
import { benchAccess } from './access.js';
import { load, perSecond, post, seconds, signUp, spawnServer, stop } from './http.js';
import { prepareReads } from './reads.js';

// The targets, as shares of GET /healthz's requests per second.
const TARGETS: Record<string, number> = {
  'GET /api/me': 40,
  'GET /api/workspaces/{id}/settings': 30,
  'GET /api/team-members': 10,
};

const pct = (rps: number, base: number) => (rps / base) * 100;
const row = (label: string, rps: number, base: number) =>
  console.log(`  ${label.padEnd(44)} ${perSecond(rps)} req/s  ${pct(rps, base).toFixed(1)}%`);

async function httpBench(database: 'PGlite' | 'PostgreSQL', hello: { url: string }) {
  const reads = await prepareReads(database);
  const atrium = await spawnServer(['dist/cli.js', 'serve'], reads.env, '/healthz');
  try {
    const { workspace, member, session } = await signUp(atrium.url);
    const created = await post(
      `${atrium.url}/api/workspaces/${workspace.id}/api-keys`,
      { kind: 'app' },
      session,
    );
    const { key } = (await created.json()) as { key: string };

    // A fresh process runs its first seconds at a fraction of its later speed while V8 compiles
    // the hot path: each route gets one unmeasured second first.
    const measure = async (options: Parameters<typeof load>[0]) => {
      await load({ ...options, duration: 1 });
      return load(options);
    };
    // The baseline before and after the routes, the faster counting: a process still warming up
    // would otherwise make every ratio look better than it is.
    const healthzBefore = await measure({ url: `${atrium.url}/healthz` });
    const measured = [];
    for (const route of reads.routes) {
      const rps = await measure({ url: `${atrium.url}${route.path}`, headers: { cookie: reads.cookie } });
      measured.push({ ...route, rps });
    }
    const healthz = Math.max(healthzBefore, await load({ url: `${atrium.url}/healthz` }));
    const checkBody = JSON.stringify({
      memberId: member.id,
      workspaceId: workspace.id,
      permission: 'segments.create',
    });
    const json = { 'content-type': 'application/json' };
    const helloWorld = await measure({
      url: `${hello.url}/hello`,
      method: 'POST',
      headers: json,
      body: checkBody,
    });
    const check = await measure({
      url: `${atrium.url}/api/authz/check`,
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${key}` },
      body: checkBody,
    });

    console.log(`HTTP on ${database} (${seconds} s each after 1 s of warm-up, 20 connections)`);
    console.log(
      `  start-up on a fresh data dir: ${atrium.startMs.toFixed(0)} ms to the first 200 on /healthz`,
    );
    row('GET /healthz (baseline)', healthz, healthz);
    for (const route of measured)
      row(`${route.label}, ${(route.bytes / 1024).toFixed(1)} kB`, route.rps, healthz);
    row('POST hello-world (baseline)', helloWorld, helloWorld);
    row('POST /api/authz/check', check, helloWorld);
    for (const route of measured) {
      const name = route.label.replace(/ \(.*\)$/, '');
      const share = pct(route.rps, healthz);
      const target = TARGETS[name];
      const verdict =
        target === undefined ? '' : ` (target ≥ ${target}%: ${share >= target ? 'met' : 'NOT met'})`;
      console.log(
        `${name} = ${share.toFixed(0)}% of /healthz on ${database}${verdict}; statements: ${route.queries.cold} on the first call, ${route.queries.warm} after`,
      );
    }
    const team = reads.routes.find((r) => r.path === '/api/team-members')!;
    console.log(
      `GET /api/team-members statements, first call: ${team.queries.cold} for 300 members × 100 workspaces, ${reads.smallTeamQueries} for 1 member × 1 workspace`,
    );
    console.log(
      `POST /api/authz/check = ${pct(check, helloWorld).toFixed(0)}% of a Fastify hello-world's requests/s on ${database}`,
    );
  } finally {
    await stop(atrium);
    await reads.remove();
  }
}

if (!process.argv.includes('--http-only')) await benchAccess();
const hello = await spawnServer(['--import', 'tsx', 'bench/hello-world.ts'], {}, '/hello');
try {
  await httpBench('PGlite', hello);
  if (process.env.DATABASE_URL) await httpBench('PostgreSQL', hello);
  else console.log('PostgreSQL: skipped (set DATABASE_URL to measure it too)');
} finally {
  await stop(hello);
}
