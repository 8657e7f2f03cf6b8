import { readdir, readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Client, expectProblem } from '../support/client.js';
import { addMember } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const upload = (client: Client, workspaceId: string, mode: string, csv: string) =>
  client.post(`/api/workspaces/${workspaceId}/people/import?mode=${mode}`, undefined, {
    raw: csv,
    headers: { 'content-type': 'text/csv' },
  });

/** Uploads, runs the job, and answers the job as GET …/jobs/{id} shows it. */
async function importCsv(client: Client, workspaceId: string, mode: string, csv: string) {
  const started = await upload(client, workspaceId, mode, csv);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  await service.worker.runUntilIdle();
  return (await client.get(started.headers.get('location')!)).body;
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
    const job = await importCsv(admin, workspace.id, 'create', csv);
    expect(job).toMatchObject({ state: 'succeeded', progress: { done: 7, total: 7 } });
    expect(job.result).toMatchObject({ created: 2, updated: 0, failed: 5 });
    expect(job.result.errors.map((e: { line: number }) => e.line)).toEqual([4, 5, 6, 7, 8]);
    expect(job.result.errors.map((e: { message: string }) => e.message)).toEqual([
      'id u1 is also on line 2',
      'a new person needs an id or (with email as an identifier) an email',
      'the row does not have as many cells as the header',
      'email one@example.com is also on line 2',
      'email "not-an-email" is not an email address',
    ]);
    expect(job.result.errors[0].message).toContain('also on line 2');
    const people = (await admin.get(`/api/workspaces/${workspace.id}/people`)).body.items;
    expect(people.map((p: { id: string }) => p.id)).toEqual(['u1', 'u2']);
    expect(people[1].attributes).toEqual({ plan: 'premium' }); // an empty cell sets nothing
    const log = await admin.get(`/api/workspaces/${workspace.id}/activity?action=people.imported`);
    expect(log.body.items[0].after).toEqual({ mode: 'create', created: 2, updated: 0, failed: 5 });
  });

  test('update: an email changes only on rows that name the cio_id', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    await importCsv(
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
    const job = await importCsv(admin, workspace.id, 'update', csv);
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
    const refused = await upload(author.client, workspace.id, 'create', 'id\nx');
    expectProblem(refused, 403, 'forbidden');
    expect(refused.body.permission).toBe('data.import');
    expectProblem(await upload(admin, workspace.id, 'create', 'plan,city\nfree,Paris'), 400, 'invalid');
    expectProblem(await upload(admin, workspace.id, 'create', 'id,plan\n"x,free\ny,"z'), 400, 'invalid');
    expectProblem(await upload(admin, workspace.id, 'create', 'id,plan\n'), 400, 'invalid');
    expectProblem(await upload(admin, workspace.id, 'sideways', 'id\nx'), 400, 'invalid');
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

describe('export', () => {
  test('every person as CSV or NDJSON, for Workspace Admins only', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    await importCsv(
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
    await importCsv(admin, workspace.id, 'create', ['id,email,score', ...rows].join('\n'));

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
    await importCsv(admin, workspace.id, 'create', 'id,note\na,"two\nlines"\nb,one\nc,"three\nmore\nlines"');
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
