import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { UPLOAD_GRACE_MS } from '../../src/features/people/import.js';
import { importPeople } from '../../src/features/people/import-job.js';
import { registerUpload } from '../../src/features/people/import-store.js';
import { insertImportChunk } from '../../src/features/people/store.js';
import { MAX_ATTEMPTS } from '../../src/jobs/queue.js';
import type { JobControl } from '../../src/jobs/worker.js';
import { type Client, expectProblem } from '../support/client.js';
import { importCsv, uploadCsv } from '../support/imports.js';
import { addMember } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

/** How many chunks of this upload or import are stored. */
async function chunksOf(jobId: string) {
  const [row] = await queryRows<{ n: number }>(
    service.ctx.db,
    sql`SELECT count(*)::int AS n FROM import_chunks WHERE job_id = ${jobId}`,
  );
  return row!.n;
}

describe('CSV import', () => {
  test('create: good rows are kept, bad rows reported by line number', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const csv = [
      'id,email,plan,city',
      'u1,one@example.com,free,Paris',
      'u2,two@example.com,premium,',
      'u1,dup@example.com,free,Rome', // line 4: u1 again
      ',,free,Nowhere', // line 5: names nobody
      'u3,three@example.com,free', // line 6: a cell short
      'u4,ONE@example.com,free,Oslo', // line 7: one@ taken (emails compare without case)
      'u5,not-an-email,free,Lima', // line 8: not an email address
    ].join('\n');
    const job = await importCsv(service, admin, workspace.id, 'create', csv);
    expect(job).toMatchObject({ state: 'succeeded', progress: { done: 7, total: 7 } });
    expect(job.result).toMatchObject({ created: 2, updated: 0, failed: 5 });
    expect(job.result.errors.map((e: { line: number }) => e.line)).toEqual([4, 5, 6, 7, 8]);
    expect(job.result.errors.map((e: { message: string }) => e.message)).toEqual([
      'id u1 is also on line 2',
      'a new person needs an id or (with email as an identifier) an email',
      'the row does not have as many cells as the header',
      'email one@example.com is also on line 2',
      'email "not-an-email" is not one email address, like jo@example.com',
    ]);
    expect(job.result.errors[0].message).toContain('also on line 2');
    const people = (await admin.get(`/api/workspaces/${workspace.id}/people`)).body.items;
    expect(people.map((p: { id: string }) => p.id)).toEqual(['u1', 'u2']);
    expect(people[1].attributes).toEqual({ plan: 'premium' }); // an empty cell sets nothing
    const log = await admin.get(`/api/workspaces/${workspace.id}/activity?action=people.imported`);
    expect(log.body.items[0].after).toEqual({ mode: 'create', created: 2, updated: 0, failed: 5 });
  });

  test('a row is named by the line it starts on, after cells that hold line breaks (CR LF too)', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const csv = [
      'id,email,note',
      'u1,one@example.com,"two\r\nlines"', // lines 2-3
      'u1,dup@example.com,x', // line 4
      'u2,bad,"three\nlines\r\nhere"', // lines 5-7
      ' \t', // line 8: blank but for spaces, skipped
      'u3,not-an-email,x', // line 9
    ].join('\r\n');
    const job = await importCsv(service, admin, workspace.id, 'create', csv);
    expect(job.result.errors.map((e: { line: number }) => e.line)).toEqual([4, 5, 9]);
    // A header's own line break counts, and so it does before a line that is not CSV.
    const broken = await uploadCsv(
      admin,
      workspace.id,
      'create',
      'id,"e\r\nmail"\r\nu1,"a\r\nb"\r\nu2,"bad"x',
    );
    expectProblem(broken, 400, 'invalid');
    expect(broken.body.errors[0].path).toBe('/line/5');
    expect(broken.body.detail).toContain('at line 5');
    const people = (await admin.get(`/api/workspaces/${workspace.id}/people`)).body.items;
    expect(people.map((p: { attributes: { note: string } }) => p.attributes.note)).toEqual(['two\r\nlines']);
  });

  test('update: an email changes only on rows that name the cio_id', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    await importCsv(
      service,
      admin,
      workspace.id,
      'create',
      'id,email,plan\na,a@example.com,free\nb,b@example.com,free',
    );
    const [a] = (await admin.get(`/api/workspaces/${workspace.id}/people?id=a`)).body.items;
    const csv = [
      'cio_id,id,email,plan',
      `${a.cioId},,a.new@example.com,premium`, // by cio_id: may change the email
      ',b,b.new@example.com,', // by id: may not
      ',b,,team', // by id, no email change: fine
      ',zzz,,team', // nobody
    ].join('\n');
    const job = await importCsv(service, admin, workspace.id, 'update', csv);
    expect(job.result).toMatchObject({ updated: 2, failed: 2 });
    expect(job.result.errors).toEqual([
      { line: 3, message: expect.stringContaining('cio_id') },
      { line: 5, message: 'no person matches this row' },
    ]);
    const people = (await admin.get(`/api/workspaces/${workspace.id}/people`)).body.items;
    expect(people).toEqual([
      expect.objectContaining({ id: 'a', email: 'a.new@example.com', attributes: { plan: 'premium' } }),
      expect.objectContaining({ id: 'b', email: 'b@example.com', attributes: { plan: 'team' } }),
    ]);
  });

  test('only Workspace Admins import; a file that is not CSV, or names no identifier, is a 400', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const author = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'author' }],
    });
    const refused = await uploadCsv(author.client, workspace.id, 'create', 'id\nx');
    expectProblem(refused, 403, 'forbidden');
    expect(refused.body.permission).toBe('data.import');
    expectProblem(await uploadCsv(admin, workspace.id, 'create', 'plan,city\nfree,Paris'), 400, 'invalid');
    expectProblem(await uploadCsv(admin, workspace.id, 'create', 'id,plan\n"x,free\ny,"z'), 400, 'invalid');
    expectProblem(await uploadCsv(admin, workspace.id, 'create', 'id,plan\n'), 400, 'invalid');
    expectProblem(await uploadCsv(admin, workspace.id, 'sideways', 'id\nx'), 400, 'invalid');
    // Nothing was left behind by the refused uploads.
    expect(await service.worker.runUntilIdle()).toBe(0);
  });

  test('100,000 rows: streamed in and applied in under a minute, memory flat', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const rows = 100_000;
    async function* file() {
      yield 'id,email,plan,score\n';
      for (let i = 0; i < rows; i += 1000) {
        let chunk = '';
        for (let j = i; j < i + 1000; j++)
          chunk += `user-${j},user${j}@example.com,${j % 3 ? 'free' : 'paid'},${j}\n`;
        yield chunk;
      }
    }
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const started = performance.now();
    const response = await fetch(`${service.url}/api/workspaces/${workspace.id}/people/import?mode=create`, {
      method: 'POST',
      headers: {
        'content-type': 'text/csv',
        cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': admin.cookies.get('csrf')!,
      },
      body: Readable.toWeb(Readable.from(file())) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(202);
    const { jobId } = (await response.json()) as { jobId: string };
    const uploaded = performance.now();
    await service.worker.runUntilIdle();
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const job = (await admin.get(`/api/workspaces/${workspace.id}/jobs/${jobId}`)).body;
    expect(job).toMatchObject({
      state: 'succeeded',
      result: { created: rows, failed: 0 },
      progress: { done: rows },
    });
    console.log(
      `100k-row import on ${service.database.kind}: ${seconds.toFixed(1)} s (upload ${((uploaded - started) / 1000).toFixed(1)} s), ` +
        `RSS ${Math.round(rssBefore / 2 ** 20)} → peak ${Math.round(peak / 2 ** 20)} MiB`,
    );
    expect(seconds).toBeLessThan(60);
    expect(peak - rssBefore).toBeLessThan(300 * 2 ** 20);
    const paid = await admin.get(`/api/workspaces/${workspace.id}/people?attr.plan=paid&limit=1000`);
    expect(paid.body.items).toHaveLength(1000);
  }, 120_000);
});

describe('an import under crashes and refusals', () => {
  const LEASE = 61_000;
  const killed = new Error('killed');
  /** A worker's control that dies (throws) right after the chunk number `chunks` has committed. */
  const dyingAfter = (chunks: number): JobControl => {
    let seen = 0;
    return {
      signal: new AbortController().signal,
      progress: async () => {
        if (++seen >= chunks) throw killed;
      },
    };
  };
  /** Claims the import job as a worker does (another file's job would be handed straight back). */
  async function claim(jobId: string) {
    const job = await service.ctx.jobs.claim();
    expect(job?.id).toBe(jobId);
    return job!;
  }
  const peopleCsv = (n: number, from = 0) =>
    ['id,email,n', ...Array.from({ length: n }, (_, i) => `k${from + i},k${from + i}@example.com,${i}`)].join(
      '\n',
    );
  const countPeople = async (workspaceId: string) => {
    const [row] = await queryRows<{ n: number; ids: number }>(
      service.ctx.db,
      sql`SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS ids FROM people WHERE workspace_id = ${workspaceId}`,
    );
    return row!;
  };

  test(`killed after every chunk, and between them ${MAX_ATTEMPTS - 1} times in a row before doing anything, an import still finishes with every row applied once`, async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const rows = 12_000; // 12 chunks
    const started = await uploadCsv(admin, workspace.id, 'create', peopleCsv(rows));
    expect(started.status).toBe(202);
    const { jobId } = started.body;
    const handler = importPeople(service.ctx);
    let runs = 0;
    for (let chunk = 1; chunk < rows / 1000; chunk++) {
      // Workers that die before their first chunk commits: runs that make no progress.
      for (let i = 0; i < MAX_ATTEMPTS - 1; i++) {
        await claim(jobId);
        runs++;
        service.clock.advance(LEASE);
      }
      // A worker that applies one chunk, then dies.
      await expect(handler(await claim(jobId), dyingAfter(1))).rejects.toBe(killed);
      runs++;
      service.clock.advance(LEASE);
      const job = (await admin.get(started.headers.get('location')!)).body;
      expect(job).toMatchObject({ state: 'running', progress: { done: chunk * 1000, total: rows } });
      expect(job.result).toMatchObject({ created: chunk * 1000, failed: 0 });
    }
    expect(runs).toBeGreaterThan(5 * MAX_ATTEMPTS);
    await service.worker.runUntilIdle();
    const job = (await admin.get(started.headers.get('location')!)).body;
    expect(job).toMatchObject({
      state: 'succeeded',
      progress: { done: rows, total: rows },
      attempts: runs + 1,
    });
    expect(job.result).toMatchObject({ created: rows, updated: 0, failed: 0 });
    expect(await countPeople(workspace.id)).toEqual({ n: rows, ids: rows });
  }, 120_000);

  test(`an import that makes no progress in ${MAX_ATTEMPTS} runs in a row ends failed, saying how far it got; what it applied stays, its chunks are swept`, async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const started = await uploadCsv(admin, workspace.id, 'create', peopleCsv(3000));
    const { jobId } = started.body;
    await expect(importPeople(service.ctx)(await claim(jobId), dyingAfter(1))).rejects.toBe(killed);
    service.clock.advance(LEASE);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await claim(jobId);
      service.clock.advance(LEASE);
    }
    expect(await service.worker.runUntilIdle()).toBe(0);
    const job = (await admin.get(started.headers.get('location')!)).body;
    expect(job).toMatchObject({ state: 'failed', progress: { done: 1000, total: 3000 } });
    expect(job.lastError).toContain('given up at 1000 of 3000');
    expect(job.result).toMatchObject({ created: 1000, failed: 0 });
    expect(job.finishedAt).not.toBeNull();
    expect((await countPeople(workspace.id)).n).toBe(1000);
    expect(await chunksOf(jobId)).toBe(2);
    await service.worker.housekeep();
    expect(await chunksOf(jobId)).toBe(0);
  });

  test('a row the database refuses costs its own line, with a plain reason: the rest of its chunk and the import go on', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    // Too long to index (random, so it cannot be compressed under the limit of about 2,700 bytes).
    const long = randomBytes(3000).toString('base64url');
    const lines = peopleCsv(2500).split('\n');
    lines[1502] = `${long},long@example.com,1`; // line 1503 of the file, in the second chunk
    const job = await importCsv(service, admin, workspace.id, 'create', lines.join('\n'));
    expect(job).toMatchObject({ state: 'succeeded', progress: { done: 2500, total: 2500 } });
    expect(job.result).toEqual({
      created: 2499,
      updated: 0,
      failed: 1,
      errors: [{ line: 1503, message: expect.stringContaining('too long to store') }],
    });
    expect(await countPeople(workspace.id)).toEqual({ n: 2499, ids: 2499 });
  });
});

describe('uploads that die midway are swept', () => {
  const GRACE = UPLOAD_GRACE_MS + 60_000;
  const count = async (table: 'import_chunks' | 'import_uploads', workspaceId: string) => {
    const [row] = await queryRows<{ n: number }>(
      service.ctx.db,
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE workspace_id = ${workspaceId}`,
    );
    return row!.n;
  };
  const until = async (what: string, ok: () => Promise<boolean>) => {
    for (let i = 0; i < 400; i++) {
      if (await ok()) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const rowsText = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => `u${from + i},u${from + i}@example.com\n`).join('');

  /** A raw HTTP upload: its headers and header row now, the rest of the body as the test writes it. */
  async function rawUpload(admin: Client, workspaceId: string, declaredBytes: number) {
    const socket = connect(Number(new URL(service.url).port), '127.0.0.1');
    await once(socket, 'connect');
    const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    socket.write(
      `POST /api/workspaces/${workspaceId}/people/import?mode=create HTTP/1.1\r\nhost: 127.0.0.1\r\n` +
        `content-type: text/csv\r\ncontent-length: ${declaredBytes}\r\ncookie: ${cookie}\r\n` +
        `x-csrf-token: ${admin.cookies.get('csrf')}\r\n\r\nid,email\n`,
    );
    let answer = '';
    socket.on('data', (data) => {
      answer += data;
    });
    socket.on('error', () => {});
    return { socket, answer: () => answer };
  }

  test('a connection cut midway ends its request, which removes its chunks at once (and the sweep finds nothing left)', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const { socket } = await rawUpload(admin, workspace.id, 1_000_000);
    socket.write(rowsText(0, 2500));
    await until('two chunks stored', async () => (await count('import_chunks', workspace.id)) >= 2);
    socket.destroy();
    await until(
      'cleaned',
      async () =>
        (await count('import_chunks', workspace.id)) === 0 &&
        (await count('import_uploads', workspace.id)) === 0,
    );
    service.clock.advance(GRACE);
    await service.worker.housekeep();
    expect(await count('import_chunks', workspace.id)).toBe(0);
    expect(await count('import_uploads', workspace.id)).toBe(0);
    expect(await service.worker.runUntilIdle()).toBe(0);
  });

  test('the chunks a dead process left (an upload silent past the grace period, or no upload at all) are swept', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const rows = [{ line: 2, cells: { id: 'x' } }];
    // What a process killed during an upload leaves: its upload and chunks, and no job.
    await registerUpload(service.ctx.db, workspace.id, 'job_dead', service.clock.now());
    await insertImportChunk(service.ctx.db, { workspaceId: workspace.id, jobId: 'job_dead', seq: 0, rows });
    // Killed between its last chunk and the enqueuing commit, before uploads were registered.
    await insertImportChunk(service.ctx.db, { workspaceId: workspace.id, jobId: 'job_older', seq: 0, rows });
    await service.worker.housekeep();
    expect(await chunksOf('job_older')).toBe(0);
    expect(await chunksOf('job_dead')).toBe(1); // silent for less than the grace period: maybe alive
    service.clock.advance(GRACE);
    await service.worker.housekeep();
    expect(await chunksOf('job_dead')).toBe(0);
    expect(await count('import_uploads', workspace.id)).toBe(0);
  });

  test('an upload silent past the grace period is swept even if its client comes back: it answers 409 and enqueues nothing', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const body = `id,email\n${rowsText(0, 1500)}`;
    const upload = await rawUpload(admin, workspace.id, Buffer.byteLength(body));
    const rest = body.slice('id,email\n'.length);
    const cut = rowsText(0, 1200).length;
    upload.socket.write(rest.slice(0, cut));
    await until('a chunk stored', async () => (await count('import_chunks', workspace.id)) >= 1);
    service.clock.advance(GRACE);
    await service.worker.housekeep();
    expect(await count('import_chunks', workspace.id)).toBe(0);
    upload.socket.write(rest.slice(cut));
    await until('the answer', async () => upload.answer().includes('\r\n\r\n{'));
    expect(upload.answer()).toMatch(/^HTTP\/1.1 409/);
    expect(upload.answer()).toContain('send the file again');
    upload.socket.destroy();
    expect(await count('import_chunks', workspace.id)).toBe(0);
    expect(await count('import_uploads', workspace.id)).toBe(0);
    expect(await service.worker.runUntilIdle()).toBe(0);
  });

  test('an upload still streaming is not swept, and its import then applies every row', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const body = `id,email\n${rowsText(0, 3500)}`;
    const upload = await rawUpload(admin, workspace.id, Buffer.byteLength(body));
    const rest = body.slice('id,email\n'.length);
    const cut = rowsText(0, 1500).length;
    upload.socket.write(rest.slice(0, cut));
    await until('a chunk stored', async () => (await count('import_chunks', workspace.id)) >= 1);
    service.clock.advance(GRACE); // quarter of an hour without a word…
    const more = rowsText(0, 2500).length;
    upload.socket.write(rest.slice(cut, more)); // …then the client sends more
    await until('a second chunk stored', async () => (await count('import_chunks', workspace.id)) >= 2);
    await service.worker.housekeep();
    expect(await count('import_chunks', workspace.id)).toBe(2);
    upload.socket.write(rest.slice(more));
    await until('the answer', async () => upload.answer().includes('\r\n\r\n{'));
    expect(upload.answer()).toMatch(/^HTTP\/1.1 202/);
    upload.socket.destroy();
    await service.worker.runUntilIdle();
    const people = (await admin.get(`/api/workspaces/${workspace.id}/people?limit=1`)).body;
    expect(people.items).toHaveLength(1);
    const [row] = await queryRows<{ n: number }>(
      service.ctx.db,
      sql`SELECT count(*)::int AS n FROM people WHERE workspace_id = ${workspace.id}`,
    );
    expect(row!.n).toBe(3500);
    expect(await count('import_uploads', workspace.id)).toBe(0);
  });
});

describe('export', () => {
  test('every person as CSV or NDJSON, for Workspace Admins only', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    await importCsv(
      service,
      admin,
      workspace.id,
      'create',
      'id,email,plan,note\na,a@example.com,free,"hello, world"\nb,,team,',
    );
    const csv = await admin.get(`/api/workspaces/${workspace.id}/people/export`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toBe('cio_id,id,email,note,plan');
    expect(lines[1]).toMatch(/^[0-9a-z]+,a,a@example.com,"hello, world",free$/);
    expect(lines[2]).toMatch(/^[0-9a-z]+,b,,,team$/);
    const ndjson = await admin.get(`/api/workspaces/${workspace.id}/people/export?format=ndjson`);
    const records = String(ndjson.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((r) => r.id)).toEqual(['a', 'b']);
    const author = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'author' }],
    });
    expectProblem(await author.client.get(`/api/workspaces/${workspace.id}/people/export`), 403, 'forbidden');
  });

  test('an export job: progress while it runs, then the same file as the stream', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const at = (rest: string) => `/api/workspaces/${workspace.id}/${rest}`;
    const rows = Array.from({ length: 2500 }, (_, i) => `p${i},p${i}@example.com,${i % 7}`);
    await importCsv(service, admin, workspace.id, 'create', ['id,email,score', ...rows].join('\n'));

    const started = await admin.post(at('people/exports'), { format: 'csv' });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body.people).toBe(2500);
    expectProblem(await admin.get(at(`people/exports/${started.body.jobId}`)), 409, 'conflict');
    await service.worker.runUntilIdle();
    const job = await admin.get(started.headers.get('location')!);
    expect(job.body).toMatchObject({ state: 'succeeded', progress: { done: 2500, total: 2500 } });
    const file = await admin.get(at(`people/exports/${started.body.jobId}`));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('text/csv');
    expect(file.body).toBe((await admin.get(at('people/export'))).body);
    expect(String(file.body).trim().split('\n')).toHaveLength(2501);

    const ndjson = await admin.post(at('people/exports'), { format: 'ndjson' });
    await service.worker.runUntilIdle();
    const lines = String((await admin.get(at(`people/exports/${ndjson.body.jobId}`))).body)
      .trim()
      .split('\n');
    expect(lines).toHaveLength(2500);
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: 'p0', email: 'p0@example.com' });

    const author = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'author' }],
    });
    expectProblem(await author.client.post(at('people/exports'), {}), 403, 'forbidden');
    expectProblem(await author.client.get(at(`people/exports/${started.body.jobId}`)), 403, 'forbidden');
    expectProblem(await admin.get(at('people/exports/job_01jd00000000000000000000zz')), 404);
  });

  test('an export job counts people, not lines: a value may hold a line break', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const at = (rest: string) => `/api/workspaces/${workspace.id}/${rest}`;
    await importCsv(
      service,
      admin,
      workspace.id,
      'create',
      'id,note\na,"two\nlines"\nb,one\nc,"three\nmore\nlines"',
    );
    const started = await admin.post(at('people/exports'), { format: 'csv' });
    await service.worker.runUntilIdle();
    const job = await admin.get(started.headers.get('location')!);
    expect(job.body).toMatchObject({ state: 'succeeded', progress: { done: 3, total: 3 } });
  });
});

describe('CSV formula injection (OWASP): every CSV the service writes', () => {
  /** Values a spreadsheet would run as formulas, each with what the export must write instead. */
  const hostile: [string, string][] = [
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+SUM(A1:A2)', "'+SUM(A1:A2)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tTAB', "'\tTAB"],
    ['\r=CR', `"'\r=CR"`],
    ['+33 6 12 34 56 78', "'+33 6 12 34 56 78"],
  ];
  /** Exactly a number: no formula, so it keeps its sign. */
  const numbers = ['-12.5', '+3', '-7', '1e-7'];

  async function hostileWorkspace() {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const at = (rest: string) => `/api/workspaces/${workspace.id}/${rest}`;
    for (const [i, [value]] of hostile.entries()) {
      const created = await admin.post(at('people'), { id: `h${i}`, attributes: { '=cmd': value } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    for (const [i, value] of numbers.entries())
      await admin.post(at('people'), { id: `n${i}`, attributes: { '=cmd': value } });
    expect((await admin.post(at('people'), { id: '@neg', email: '-lead@example.com' })).status).toBe(201);
    return { admin, at };
  }

  /** The cells of the `=cmd` column, by person id (the file's own line breaks are inside quotes). */
  function expectNeutralised(file: string) {
    const lines = file.split('\n').filter((l) => l !== '');
    expect(lines[0]).toBe("cio_id,id,email,'=cmd");
    for (const [i, [, written]] of hostile.entries()) expect(file, `h${i}`).toContain(`,h${i},,${written}\n`);
    for (const [i, value] of numbers.entries()) expect(file).toContain(`,n${i},,${value}\n`);
    expect(file).toMatch(/,'@neg,'-lead@example\.com,\n/);
  }

  test('the people export, streamed and as a job, prefixes formula cells with a quote', async () => {
    const { admin, at } = await hostileWorkspace();
    const streamed = await admin.get(at('people/export'));
    expect(streamed.status).toBe(200);
    expectNeutralised(String(streamed.body));
    const started = await admin.post(at('people/exports'), { format: 'csv' });
    await service.worker.runUntilIdle();
    const file = await admin.get(at(`people/exports/${started.body.jobId}`));
    expect(file.body).toBe(streamed.body);
    // NDJSON is data, not a spreadsheet: values as they are.
    const ndjson = String((await admin.get(at('people/export?format=ndjson'))).body);
    expect(ndjson).toContain('"=cmd":"+SUM(A1:A2)"');
  });

  test('no CSV is written but through src/shared/csv.ts (toCsv)', async () => {
    const root = new URL('../../src/', import.meta.url);
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts'));
    const writers: string[] = [];
    for (const file of files)
      if ((await readFile(new URL(file, root), 'utf8')).includes('csv-stringify')) writers.push(file);
    expect(writers).toEqual(['shared/csv.ts']);
  });

  test('the data index export prefixes formula cells with a quote', async () => {
    const { admin, at } = await hostileWorkspace();
    const file = await admin.get(at('data-index/export'));
    expect(file.status).toBe(200);
    expect(String(file.body).split('\n')).toContain("attribute,'=cmd,11");
  });
});
