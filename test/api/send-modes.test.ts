import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { sendBroadcast } from '../../src/features/messaging/broadcast.js';
import { type Client, expectProblem } from '../support/client.js';
import { addMember } from '../support/members.js';
import { unique } from '../support/row-probes.js';
import { startService, type TestService } from '../support/service.js';

/**
 * The send mode a send started under holds for the whole send (its emails land in the outbox, no
 * SMTP here); only a switch to never stops it. A test recipient must be able to enter the workspace.
 */
let service: TestService;
let admin: Client;
let ws: string;
let adminEmail: string;
const at = (rest: string) => `/api/workspaces/${ws}/${rest}`;

beforeAll(async () => {
  service = await startService();
  admin = service.client();
  const signup = await admin.signup();
  ws = signup.workspace.id;
  adminEmail = signup.email;
}, 30_000);
afterAll(() => service?.close());

/** A segment of `n` new people with an email each (a CSV import): its id and their addresses. */
async function segmentOf(n: number) {
  const tag = unique('cohort');
  const emails = Array.from({ length: n }, (_, i) => `${tag}-${i}@customers.test`);
  const csv = ['email,cohort', ...emails.map((e) => `${e},${tag}`)].join('\n');
  const imported = await admin.post(at('people/import?mode=create'), undefined, {
    raw: csv,
    headers: { 'content-type': 'text/csv' },
  });
  expect(imported.status, JSON.stringify(imported.body)).toBe(202);
  await service.worker.runUntilIdle();
  const segment = await admin.post(at('segments'), {
    name: unique('Cohort'),
    conditions: { match: 'all', rules: [{ attribute: 'cohort', operator: 'eq', value: tag }] },
  });
  expect(segment.status, JSON.stringify(segment.body)).toBe(201);
  return { segmentId: segment.body.id as string, emails };
}

async function broadcast() {
  const reply = await admin.post(at('broadcasts'), {
    name: unique('Newsletter'),
    type: 'api_triggered',
    messages: [
      { name: 'Issue', channel: 'email', subject: 'News for {{ customer.email }}', body: '<p>Hi</p>' },
    ],
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.id as string;
}

async function start(broadcastId: string, segmentId: string) {
  const started = await admin.post(at(`broadcasts/${broadcastId}/send`), { segmentId });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  return started.body.jobId as string;
}

/** Runs the first page (200 people) of the broadcast job, and leaves the rest for later. */
async function runFirstPage(jobId: string) {
  const job = await service.ctx.jobs.claim();
  expect(job?.id).toBe(jobId);
  const pause = new AbortController();
  await expect(
    sendBroadcast(service.ctx)(job!, {
      signal: pause.signal,
      progress: async (done) => {
        await service.ctx.jobs.progress(job!, done);
        pause.abort(new Error('paused after a page'));
      },
    }),
  ).rejects.toThrow('paused after a page');
}

/** The rest: the paused job's lease runs out and a worker resumes it at its cursor. */
async function runTheRest() {
  service.clock.advance(61_000);
  await service.worker.runUntilIdle();
}

/** Where the broadcast's emails went (outbox), and how its deliveries ended. */
async function outcome(broadcastId: string) {
  const rows = await queryRows<{ to: string | null; state: string; reason: string | null }>(
    service.ctx.db,
    sql`SELECT o.to_address AS "to", d.state, d.reason FROM deliveries d
        LEFT JOIN outbox o ON o.id = d.outbox_id WHERE d.source_id = ${broadcastId}`,
  );
  const count = (p: (r: (typeof rows)[number]) => boolean) => rows.filter(p).length;
  return { rows, count };
}

describe('the mode a send started under holds for the whole send', () => {
  test('started in test mode, switched to normal right after: every email to the test recipient', async () => {
    await admin.patch(at('settings'), { sendMode: 'test' });
    const { segmentId, emails } = await segmentOf(5);
    const b = await broadcast();
    await start(b, segmentId);
    await admin.patch(at('settings'), { sendMode: 'normal' });
    await service.worker.runUntilIdle();
    const { rows, count } = await outcome(b);
    expect(rows).toHaveLength(5);
    expect(count((r) => r.to === adminEmail && r.state === 'captured')).toBe(5);
    expect(count((r) => emails.includes(r.to ?? ''))).toBe(0);
  });

  test('started in test mode, switched to normal after its first page: the next page goes to the test recipient too', async () => {
    await admin.patch(at('settings'), { sendMode: 'test' });
    const { segmentId, emails } = await segmentOf(205);
    const b = await broadcast();
    const jobId = await start(b, segmentId);
    await runFirstPage(jobId);
    expect((await outcome(b)).rows).toHaveLength(200);
    await admin.patch(at('settings'), { sendMode: 'normal' });
    await runTheRest();
    const { rows, count } = await outcome(b);
    expect(rows).toHaveLength(205);
    expect(count((r) => r.to === adminEmail)).toBe(205);
    expect(count((r) => emails.includes(r.to ?? ''))).toBe(0);
    const job = await admin.get(at(`jobs/${jobId}`));
    expect(job.body).toMatchObject({ state: 'succeeded', result: { queued: 205, suppressed: 0 } });
  });

  test('started in normal mode, switched to never after its first page: the rest is suppressed', async () => {
    await admin.patch(at('settings'), { sendMode: 'normal' });
    const { segmentId, emails } = await segmentOf(205);
    const b = await broadcast();
    const jobId = await start(b, segmentId);
    await runFirstPage(jobId);
    await admin.patch(at('settings'), { sendMode: 'never' });
    await runTheRest();
    const { rows, count } = await outcome(b);
    expect(rows).toHaveLength(205);
    expect(count((r) => emails.includes(r.to ?? '') && r.state === 'captured')).toBe(200);
    const stopped = rows.filter((r) => r.state === 'suppressed');
    expect(stopped).toHaveLength(5);
    expect(stopped.every((r) => r.to === null && r.reason?.includes('never'))).toBe(true);
    await admin.patch(at('settings'), { sendMode: 'normal' });
  });

  test('started in normal mode, switched to test after its first page: the rest still goes to the people (documented)', async () => {
    await admin.patch(at('settings'), { sendMode: 'normal' });
    const { segmentId, emails } = await segmentOf(205);
    const b = await broadcast();
    const jobId = await start(b, segmentId);
    await runFirstPage(jobId);
    await admin.patch(at('settings'), { sendMode: 'test' });
    await runTheRest();
    const { rows, count } = await outcome(b);
    expect(rows).toHaveLength(205);
    expect(count((r) => emails.includes(r.to ?? '') && r.state === 'captured')).toBe(205);
    expect(count((r) => r.to === adminEmail)).toBe(0);
  });

  test('started in never mode: switching to normal does not release the send', async () => {
    await admin.patch(at('settings'), { sendMode: 'never' });
    const { segmentId } = await segmentOf(3);
    const b = await broadcast();
    await start(b, segmentId);
    await admin.patch(at('settings'), { sendMode: 'normal' });
    await service.worker.runUntilIdle();
    const { rows, count } = await outcome(b);
    expect(rows).toHaveLength(3);
    expect(count((r) => r.state === 'suppressed' && r.to === null)).toBe(3);
  });
});

describe('a test recipient who cannot enter the workspace gets nothing', () => {
  test('a recipient who loses access: settings show none, test-mode sends are 409 until another is chosen', async () => {
    const tester = await addMember(service, admin, { roles: [{ workspaceId: ws, role: 'viewer' }] });
    const chosen = await admin.patch(at('settings'), { sendMode: 'test', testRecipientMemberId: tester.id });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(chosen.body).toMatchObject({ testRecipientMemberId: tester.id, testRecipientEmail: tester.email });
    const { segmentId } = await segmentOf(2);
    const b = await broadcast();
    const message = (await admin.get(at(`broadcasts/${b}`))).body.messages[0].id;

    // Started while the tester could enter; they lose access before the job runs: nothing reaches them.
    const jobId = await start(b, segmentId);
    const removed = await admin.patch(`/api/workspaces/${ws}`, {
      access: [{ memberId: tester.id, role: null }],
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    await service.worker.runUntilIdle();
    const { rows } = await outcome(b);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toMatchObject({ to: null, state: 'suppressed' });
    expect(rows[0]!.reason).toContain('test recipient');
    expect((await admin.get(at(`jobs/${jobId}`))).body.result).toMatchObject({ queued: 0, suppressed: 2 });

    // Settings and the workspace name no recipient now, and sends in test mode are refused.
    const settings = await admin.get(at('settings'));
    expect(settings.body).toMatchObject({ testRecipientMemberId: null, testRecipientEmail: null });
    expect(JSON.stringify(settings.body)).not.toContain(tester.email);
    expect((await admin.get(`/api/workspaces/${ws}`)).body.testRecipientEmail).toBeNull();
    const refused = await admin.post(at(`broadcasts/${b}/send`), { segmentId });
    expectProblem(refused, 409, 'conflict');
    expect(refused.body.detail).toContain('testRecipientMemberId');
    expectProblem(await admin.post(at(`messages/${message}/send-test`), {}), 409, 'conflict');

    // An admin picks someone who can enter: sends go again.
    const me = (await admin.get('/api/me')).body.member.id;
    await admin.patch(at('settings'), { testRecipientMemberId: me });
    const sent = await admin.post(at(`messages/${message}/send-test`), {});
    expect(sent.body).toMatchObject({ state: 'captured', recipient: adminEmail });
    await admin.patch(at('settings'), { sendMode: 'normal' });
  });
});
