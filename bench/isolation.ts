/**
 * `npm run bench:isolation`: does one tenant's template rendering hurt the others? One service
 * process (PGlite in a fresh data dir and, when DATABASE_URL is set, PostgreSQL too), 50 autocannon
 * connections over loopback of mixed traffic across five workspaces: a page of people, the
 * workspace, a Track API identify, a light message preview. Measured alone (the baseline, in the
 * same run), then again while another account's client loops previews of a template that renders
 * until its budget stops it. The last line gives the share of their throughput the others keep
 * (the worse of the databases measured) and their p99 latency then.
 *
 * BENCH_SECONDS sets each phase (default 15), after a warm-up of a third of it (V8 compiles the hot
 * path); BENCH_NOISY_CLIENTS the noisy tenant's connections (default 1, "one client looping").
 */
import autocannon from 'autocannon';
import { perSecond, post, signUp, spawnService } from './http.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const noisyClients = Number(process.env.BENCH_NOISY_CLIENTS ?? 1);
const CONNECTIONS = 50;
const TENANTS = 5;
/** About 17 s of work without a budget: every preview of it runs until the render budget ends it. */
const HEAVY = '{% for i in (1..3000) %}{% for j in (1..3000) %}{% endfor %}{% endfor %}';

interface Tenant {
  workspaceId: string;
  session: Record<string, string>;
  track: string;
  messageId: string;
}

async function ok(reply: Promise<Response>, what: string): Promise<Record<string, unknown>> {
  const answer = await reply;
  if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as Record<string, unknown>;
}

/** A workspace with a Track key, a person and a message. */
async function tenant(url: string, session: Record<string, string>, workspaceId: string, body: string) {
  const at = `${url}/api/workspaces/${workspaceId}`;
  const key = await ok(post(`${at}/api-keys`, { kind: 'track' }, session), 'track key');
  const track = `Basic ${Buffer.from(`${key.siteId}:${key.apiKey}`).toString('base64')}`;
  const message = { name: 'Hello', channel: 'email', subject: 'Hi {{ customer.first_name }}', body };
  const tx = await ok(
    post(`${at}/transactional`, { name: 'Welcome', messages: [message] }, session),
    'message',
  );
  const person = await fetch(`${url}/api/v1/customers/reader-0`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: track },
    body: JSON.stringify({ email: 'reader-0@example.com', first_name: 'Ada' }),
  });
  if (!person.ok) throw new Error(`identify: ${person.status}`);
  const messageId = (tx.messages as { id: string }[])[0]!.id;
  return { workspaceId, session, track, messageId };
}

/** The others' traffic: each request kind taking the tenants in turn. */
function mixed(tenants: Tenant[]): autocannon.Request[] {
  const turn = () => {
    let n = 0;
    return () => tenants[n++ % tenants.length]!;
  };
  const json = { 'content-type': 'application/json' };
  const [people, workspace, identify, preview] = [turn(), turn(), turn(), turn()];
  let id = 0;
  return [
    {
      method: 'GET',
      setupRequest: (r) => {
        const t = people();
        return { ...r, path: `/api/workspaces/${t.workspaceId}/people?limit=20`, headers: t.session };
      },
    },
    {
      method: 'GET',
      setupRequest: (r) => {
        const t = workspace();
        return { ...r, path: `/api/workspaces/${t.workspaceId}`, headers: t.session };
      },
    },
    {
      method: 'PUT',
      setupRequest: (r) => {
        const t = identify();
        const i = id++ % 1000;
        return {
          ...r,
          path: `/api/v1/customers/reader-${i}`,
          headers: { ...json, authorization: t.track },
          body: JSON.stringify({ email: `reader-${i}@example.com`, first_name: 'Ada', visits: id }),
        };
      },
    },
    {
      method: 'POST',
      setupRequest: (r) => {
        const t = preview();
        return {
          ...r,
          path: `/api/workspaces/${t.workspaceId}/messages/${t.messageId}/preview`,
          headers: { ...json, ...t.session },
          body: JSON.stringify({ cioId: undefined }),
        };
      },
    },
  ];
}

interface Phase {
  rps: number;
  p99: number;
  /** Answers that were not 2xx, by status (and `errors`: timeouts, resets). */
  refused: string;
}

const refusals = (result: autocannon.Result) =>
  [
    ...Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, s]) => `${s.count ?? 0}× ${code}`),
    ...(result.errors > 0 ? [`${result.errors} errors`] : []),
  ].join(', ');

async function phase(url: string, tenants: Tenant[], duration: number): Promise<Phase> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, requests: mixed(tenants) });
  // Every answer of the others counts only if it is a 2xx: a refusal is no throughput.
  const good = result['2xx'] / duration;
  return { rps: good, p99: result.latency.p99, refused: refusals(result) };
}

/** The noisy tenant: its clients loop heavy previews (422 over budget, 429 once its time is spent). */
function noisy(url: string, t: Tenant, duration: number) {
  return autocannon({
    url: `${url}/api/workspaces/${t.workspaceId}/messages/${t.messageId}/preview`,
    connections: noisyClients,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...t.session },
    body: '{}',
  });
}

async function benchOn(database: 'PGlite' | 'PostgreSQL') {
  const atrium = await spawnService(database);
  try {
    const quiet = await signUp(atrium.url);
    const tenants: Tenant[] = [];
    for (let i = 0; i < TENANTS; i++) {
      const workspaceId =
        i === 0
          ? quiet.workspace.id
          : ((
              await ok(
                post(`${atrium.url}/api/workspaces`, { name: `Tenant ${i}` }, quiet.session),
                'workspace',
              )
            ).id as string);
      tenants.push(
        await tenant(atrium.url, quiet.session, workspaceId, '<p>Hello {{ customer.first_name }}</p>'),
      );
    }
    const loud = await signUp(atrium.url);
    const noisyTenant = await tenant(atrium.url, loud.session, loud.workspace.id, HEAVY);

    await phase(atrium.url, tenants, Math.max(2, Math.round(seconds / 3)));
    const alone = await phase(atrium.url, tenants, seconds);
    const [crowded, noise] = await Promise.all([
      phase(atrium.url, tenants, seconds),
      noisy(atrium.url, noisyTenant, seconds),
    ]);
    const kept = crowded.rps / alone.rps;
    const codes = `${noise['2xx']} rendered, ${refusals(noise)}`;
    console.log(`${database}: ${CONNECTIONS} connections over ${TENANTS} workspaces, ${seconds} s per phase`);
    console.log(`  alone              ${perSecond(alone.rps)} req/s  p99 ${alone.p99} ms`);
    console.log(
      `  with a noisy tenant ${perSecond(crowded.rps)} req/s  p99 ${crowded.p99} ms  (${(kept * 100).toFixed(0)}%)`,
    );
    console.log(`  noisy tenant (${noisyClients} client): ${codes}`);
    if (alone.refused || crowded.refused)
      console.log(
        `  the others' answers that were not 2xx: ${alone.refused || 'none'}; ${crowded.refused || 'none'}`,
      );
    return { kept, p99: crowded.p99 };
  } finally {
    await atrium.close();
  }
}

const results = [await benchOn('PGlite')];
if (process.env.DATABASE_URL) results.push(await benchOn('PostgreSQL'));
else console.log('PostgreSQL: skipped; set DATABASE_URL=postgres://… to measure it too');
const kept = Math.min(...results.map((r) => r.kept));
const p99 = Math.max(...results.map((r) => r.p99));
console.log(
  `with a noisy tenant, others keep ${(kept * 100).toFixed(0)}% of their throughput; p99 ${p99} ms`,
);
