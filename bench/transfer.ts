/**
 * `npm run bench:transfer`: how long moving a workspace of 100,000 people to another account takes
 * (issue #22). On PGlite and, when DATABASE_URL is set, on PostgreSQL (a database of its own per
 * run), BENCH_RUNS times each (default 2). Seeded with SQL: 100,000 people and, as history that names
 * the account, one email per person in the outbox (a broadcast to everyone) and 10,000 activity
 * entries. Prints the accept request (the hand-over: ownership, roles, keys) and the
 * workspace.transfer job (the history moved in batches), each in wall-clock time.
 */
import { sql } from 'drizzle-orm';
import { type Atrium, buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { type Database, openDatabase } from '../src/db/connection.js';
import { migrate } from '../src/db/migrate.js';
import { freshDatabase } from './http.js';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const ACTIVITY = 10_000;
const runs = Number(process.env.BENCH_RUNS ?? 2);

/** A browser-like session: its cookies, and the CSRF token echoed on writes. */
function session(url: string) {
  const cookies = new Map<string, string>();
  return async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = {
      cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    };
    if (cookies.has('csrf')) headers['x-csrf-token'] = cookies.get('csrf')!;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const reply = await fetch(url + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of reply.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq).trim(), decodeURIComponent(pair.slice(eq + 1).trim()));
    }
    const answer = (await reply.json()) as Record<string, any>;
    if (reply.status >= 300) throw new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(answer)}`);
    return answer;
  };
}

const signUp = (call: ReturnType<typeof session>, name: string) =>
  call('POST', '/api/signup', {
    accountName: name,
    firstName: 'Bench',
    lastName: 'Admin',
    email: `${name.toLowerCase()}.${Date.now()}@example.com`,
    password: 'correct horse battery staple',
  });

async function seed(database: Database, accountId: string, workspaceId: string): Promise<void> {
  const run = (text: string) => database.db.execute(sql.raw(text));
  await run(`INSERT INTO people (workspace_id, cio_id, email, attributes, created_at, updated_at)
    SELECT '${workspaceId}', 'p' || g, 'person' || g || '@example.com', '{"plan":"pro"}', now(), now()
    FROM generate_series(1, ${PEOPLE}) g`);
  await run(`INSERT INTO outbox (id, account_id, workspace_id, kind, to_address, from_address, subject, text_body, state, attempts, created_at)
    SELECT 'msg_bench_' || g, '${accountId}', '${workspaceId}', 'message', 'person' || g || '@example.com',
      'news@example.com', 'Hello', 'Hello there', 'captured', 0, now()
    FROM generate_series(1, ${PEOPLE}) g`);
  await run(`INSERT INTO activity (id, account_id, workspace_id, actor_name, action, target_type, target_id, created_at)
    SELECT 'act_bench_' || g, '${accountId}', '${workspaceId}', 'Bench', 'person.created', 'person', 'p' || g, now()
    FROM generate_series(1, ${ACTIVITY}) g`);
  await run('ANALYZE people, outbox, activity');
}

async function once(kind: 'PGlite' | 'PostgreSQL') {
  const fresh = await freshDatabase(kind);
  const database = await openDatabase(fresh.target);
  let atrium: Atrium | undefined;
  try {
    await migrate(database.db);
    const config = {
      ...loadConfig({ PORT: '0', LOG_LEVEL: 'error' }),
      database: fresh.target,
      workerIdleMs: 0,
    };
    atrium = await buildApp({ config, database });
    await atrium.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = atrium.app.server.address() as { port: number };
    const url = `http://127.0.0.1:${port}`;
    const source = session(url);
    const s = await signUp(source, 'Source');
    const ws = await source('POST', '/api/workspaces', { name: 'Big' });
    await seed(database, s.account.id, ws.id);
    const target = session(url);
    const t = await signUp(target, 'Target');
    const offer = await source('POST', `/api/workspaces/${ws.id}/transfers`, {
      targetAccountId: t.account.id,
    });
    let started = performance.now();
    await target('POST', `/api/workspace-transfers/${offer.id}/accept`);
    const acceptMs = performance.now() - started;
    started = performance.now();
    await atrium.worker.runUntilIdle();
    const jobMs = performance.now() - started;
    const done = await target('GET', `/api/workspace-transfers/${offer.id}`);
    if (done.status !== 'done') throw new Error(`not done: ${JSON.stringify(done)}`);
    const people = await target('GET', `/api/workspaces/${ws.id}/people?limit=1`);
    if (!Array.isArray(people.items) || people.items.length !== 1)
      throw new Error('the target cannot read its people');
    return { acceptMs, jobMs, rows: done.progress.done as number };
  } finally {
    await atrium?.app.close();
    await database.close();
    await fresh.remove();
  }
}

const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`.padStart(10);
const databases: ('PGlite' | 'PostgreSQL')[] = process.env.DATABASE_URL
  ? ['PGlite', 'PostgreSQL']
  : ['PGlite'];
console.log(
  `Moving a workspace of ${PEOPLE.toLocaleString('en')} people (+${PEOPLE.toLocaleString('en')} emails, ${ACTIVITY.toLocaleString('en')} activity entries of history)`,
);
for (const kind of databases) {
  for (let run = 1; run <= runs; run++) {
    const r = await once(kind);
    console.log(
      `${kind.padEnd(10)} run ${run}: accept ${ms(r.acceptMs)}   job ${ms(r.jobMs)} (${r.rows.toLocaleString('en')} rows of history moved)   total ${ms(r.acceptMs + r.jobMs)}`,
    );
  }
}
