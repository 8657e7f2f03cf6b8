import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { assemble, type BaseRequest, type FuzzRequest, mutations } from '../support/fuzz-cases.js';
import { loadOperations, type Operation, rawBodyFor, requiredQuery, sample } from '../support/openapi.js';
import { PNG } from '../support/row-probes.js';
import { startService, type TestService } from '../support/service.js';
import { pathValue, setUpTenant, type Tenant, tenantFiller } from '../support/tenant.js';

/**
 * Fuzzing every operation of GET /api/openapi.json with fast-check: malformed JSON, wrong types,
 * huge and deeply nested values, NUL and lone surrogates, odd path parameters, query strings and
 * headers; as an Account Admin (so that requests reach the handlers) and anonymously. No answer
 * may be a 5xx, and every 4xx is application/problem+json with a `code`. Seeded (FUZZ_SEED to
 * replay another seed) and bounded in calls and time; prints `fuzz: N calls, M answered 5xx`.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const TIME_BUDGET_MS = Number(process.env.FUZZ_TIME_BUDGET_MS ?? 45_000);
/** Cases per operation and kind of change: signed in (reaching the handlers) and anonymous. */
const RUNS = { admin: Number(process.env.FUZZ_RUNS ?? 2), anonymous: 1 };
/** Signing out would end the fuzzing session; the route takes no input anyway. */
const notAsAdmin = new Set(['DELETE /api/session']);

let service: TestService;
let tenant: Tenant;
let operations: Operation[];
let agent: http.Agent;
const stats = { calls: 0, answered5xx: 0, notProblem: 0, skippedForTime: 0 };

beforeAll(async () => {
  service = await startService();
  tenant = await setUpTenant(service);
  operations = await loadOperations(tenant.admin);
  agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
}, 90_000);
afterAll(async () => {
  agent?.destroy();
  await service?.close();
});

function baseRequest(op: Operation, t: Tenant): BaseRequest {
  const fill = tenantFiller(t);
  const params = Object.fromEntries(
    op.pathParams.map((name) => {
      const before =
        op.path
          .slice(0, op.path.indexOf(`{${name}}`))
          .split('/')
          .filter(Boolean)
          .pop() ?? '';
      return [name, pathValue(t, name, before, op.path) ?? 'x'];
    }),
  );
  const raw = rawBodyFor(op, PNG, `cio_id\n${t.fixtures.personCioId}\n`);
  return {
    op,
    params,
    query: requiredQuery(op, fill).replace(/^\?/, ''),
    ...(op.body && { json: sample(op.body, fill) }),
    ...(raw && { raw }),
  };
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/**
 * Sends the request as it is: no URL normalisation (`..` stays), bytes as given. A connection
 * closed with no answer is tried once more on a new one (a kept-alive socket may just have been
 * closed), then counts as answered with status 0.
 */
async function send(request: FuzzRequest, headers: Record<string, string>): Promise<Answer> {
  try {
    return await sendOnce(request, headers, agent);
  } catch {
    try {
      return await sendOnce(request, headers, false);
    } catch (error) {
      return { status: 0, contentType: '', text: `no answer: ${(error as Error).message}` };
    }
  }
}

function sendOnce(
  request: FuzzRequest,
  headers: Record<string, string>,
  via: http.Agent | false,
): Promise<Answer> {
  const url = new URL(service.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        agent: via,
        headers: {
          ...headers,
          ...request.headers,
          ...(request.body !== undefined && { 'content-length': String(Buffer.byteLength(request.body)) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/** What is wrong with an answer, or undefined: a 5xx, or an error that is not problem+json with a code. */
function fault(answer: Answer): string | undefined {
  if (answer.status === 0) return answer.text;
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (answer.status < 400) return undefined;
  if (!/^application\/problem\+json/.test(answer.contentType))
    return `${answer.status} as ${answer.contentType || 'no type'}`;
  try {
    const body = JSON.parse(answer.text) as { code?: unknown };
    return typeof body.code === 'string' ? undefined : `${answer.status} problem without a code`;
  } catch {
    return `${answer.status} problem that is not JSON`;
  }
}

const show = (r: FuzzRequest) => {
  const body = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : `<${r.body.length} bytes>`;
  return `${r.method} ${r.path.slice(0, 160)}${r.path.length > 160 ? '…' : ''} ${JSON.stringify(body.slice(0, 80))}`;
};

/** The Account Admin's session cookie and CSRF token, as their browser would send them. */
const adminHeaders = (): Record<string, string> => ({
  cookie: [...tenant.admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
  'x-csrf-token': tenant.admin.cookies.get('csrf') ?? '',
});

/** Groups faults of one kind (who · kind of change · what was wrong) over the operations. */
interface FaultGroup {
  operations: Set<string>;
  example: string;
}

/** A seed per operation, kind and caller, from the run's seed: each replays on its own. */
const seedOf = (...parts: string[]) => {
  let h = SEED;
  for (const c of parts.join('|')) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
};

interface Case {
  who: 'admin' | 'anonymous';
  op: Operation;
  kind: string;
  round: number;
  request: FuzzRequest;
}

/**
 * Every case, in rounds: round 0 is each operation × kind of change once as the Account Admin,
 * always sent whole; then anonymous callers and further rounds, as far as the time budget goes.
 * So a slow machine still covers every operation, and cuts cases evenly rather than whole routes.
 */
function cases(): Case[] {
  const all: Case[] = [];
  for (const who of ['admin', 'anonymous'] as const) {
    for (const op of operations) {
      if (who === 'admin' && notAsAdmin.has(op.key)) continue;
      const base = baseRequest(op, tenant);
      const takesBody = base.json !== undefined || base.raw !== undefined;
      for (const [kind, { body, arbitrary }] of Object.entries(mutations)) {
        if (body && !takesBody) continue;
        const drawn = fc.sample(arbitrary, { seed: seedOf(who, op.key, kind), numRuns: RUNS[who] });
        drawn.forEach((mutate, i) => {
          all.push({ who, op, kind, round: who === 'admin' ? i * 2 : 1, request: mutate(base) });
        });
      }
    }
  }
  return all.sort((x, y) => x.round - y.round);
}

async function fuzz(started: number, faults: Map<string, FaultGroup>, covered: Set<string>) {
  for (const { who, op, kind, round, request } of cases()) {
    if (round > 0 && Date.now() - started > TIME_BUDGET_MS) {
      stats.skippedForTime++;
      continue;
    }
    const answer = await send(request, who === 'anonymous' ? {} : adminHeaders());
    stats.calls++;
    covered.add(`${who} ${op.key} ${kind}`);
    if (answer.status >= 500) stats.answered5xx++;
    const wrong = fault(answer);
    if (!wrong) continue;
    if (answer.status < 500) stats.notProblem++; // or no answer at all
    const key = `${who} · ${kind} · ${wrong}`;
    const example = `${show(request)} → ${answer.text.slice(0, 200)}`;
    const group = faults.get(key) ?? { operations: new Set<string>(), example };
    group.operations.add(op.key);
    faults.set(key, group);
  }
}

test(
  'every operation, as an Account Admin and anonymously: no 5xx, errors problem+json',
  async () => {
    const started = Date.now();
    const groups = new Map<string, FaultGroup>();
    const covered = new Set<string>();
    await fuzz(started, groups, covered);
    const adminCovered = new Set(
      [...covered].filter((c) => c.startsWith('admin ')).map((c) => c.split(' ').slice(1, 3).join(' ')),
    );
    const faults = [...groups].map(
      ([key, g]) =>
        `${key}: ${g.operations.size} operations, e.g. ${g.example}\n    ${[...g.operations].join(', ')}`,
    );
    if (process.env.FUZZ_REPORT)
      (await import('node:fs')).writeFileSync(process.env.FUZZ_REPORT, faults.join('\n'));
    console.log(
      `fuzz: ${stats.calls} calls, ${stats.answered5xx} answered 5xx, ${stats.notProblem} other errors not problem+json` +
        ` (seed ${SEED}, ${operations.length} operations, ${Date.now() - started} ms` +
        `${stats.skippedForTime ? `, ${stats.skippedForTime} cases left out for time` : ''})`,
    );
    // Every operation reached as the Account Admin (all but signing out), whatever the time budget.
    expect(adminCovered.size).toBe(operations.length - notAsAdmin.size);
    expect(faults, `fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED}); ${faults.length} distinct faults`).toEqual(
      [],
    );
  },
  TIME_BUDGET_MS + 60_000,
);

test('a list given a cursor it never issued answers 400, not its first page', async () => {
  const lists = operations.filter((op) => op.method === 'GET' && op.query.some((q) => q.name === 'cursor'));
  expect(lists.length).toBeGreaterThan(10);
  const wrong: string[] = [];
  for (const op of lists) {
    for (const cursor of fc.sample(fc.constantFrom('garbage', 'eyJ4Ijo', '%00', 'A'.repeat(300)), {
      seed: seedOf('cursor', op.key),
      numRuns: 1,
    })) {
      const request = assemble(baseRequest(op, tenant), { query: `cursor=${cursor}` });
      const answer = await send(request, adminHeaders());
      stats.calls++;
      if (answer.status !== 400 || fault(answer))
        wrong.push(`${show(request)} → ${answer.status} ${answer.text.slice(0, 120)}`);
    }
  }
  expect(wrong, `seed ${SEED}`).toEqual([]);
});

test('every integer query parameter refuses what is not a finite integer in range with 400', async () => {
  const numeric = operations.flatMap((op) =>
    op.query.filter((q) => q.schema.type === 'integer').map((q) => ({ op, q })),
  );
  expect(numeric.length).toBeGreaterThan(10);
  const wrong: string[] = [];
  for (const { op, q } of numeric) {
    const { minimum, maximum } = q.schema;
    const outOfRange = [
      ...(minimum !== undefined ? [String(minimum - 1)] : []),
      ...(maximum !== undefined ? [String(maximum + 1), '99999999999999999999'] : []),
    ];
    for (const value of ['1e309', 'Infinity', '-Infinity', 'NaN', '1.5', 'ten', ...outOfRange]) {
      const request = assemble(baseRequest(op, tenant), { query: `${q.name}=${value}` });
      const answer = await send(request, adminHeaders());
      stats.calls++;
      if (answer.status !== 400 || fault(answer))
        wrong.push(`${show(request)} → ${answer.status} ${answer.text.slice(0, 120)}`);
    }
  }
  expect(wrong, `seed ${SEED}`).toEqual([]);
});
