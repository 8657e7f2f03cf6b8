import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { hashToken } from '../../src/shared/secrets.js';
import { type Client, expectProblem, uniqueEmail } from '../support/client.js';
import { unique } from '../support/row-probes.js';
import { startService, type TestService } from '../support/service.js';
import { startSmtpServer } from '../support/smtp.js';

/**
 * Messaging against a real SMTP server (smtp-server on 127.0.0.1): the send modes change what
 * really leaves, tracking records opens and clicks, a refused attempt is retried once, and two
 * service processes deliver each email once.
 */
const PUBLIC = 'https://atrium.test';
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let hooks: Awaited<ReturnType<typeof startHookServer>>;
let service: TestService;
let admin: Client;
let ws: string;
let adminEmail: string;
const at = (rest: string) => `/api/workspaces/${ws}/${rest}`;

/** An HTTP endpoint on 127.0.0.1 that keeps the webhook calls it receives; `failNext` refuses the next N. */
async function startHookServer() {
  const received: { path: string; body: string; delivery: string }[] = [];
  let fail = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      if (fail > 0) {
        fail--;
        res.writeHead(503).end();
        return;
      }
      received.push({ path: req.url ?? '', body, delivery: String(req.headers['x-atrium-delivery']) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const failNext = (n: number) => {
    fail = n;
  };
  return { server, received, url: `http://127.0.0.1:${port}`, failNext };
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  hooks = await startHookServer();
  service = await startService({
    config: {
      publicUrl: PUBLIC,
      mail: {
        smtpUrl: smtp.url,
        from: 'Atrium <team@atrium.test>',
        testFrom: 'Atrium test <test@test.atrium.test>',
      },
      webhookAllowPrivateNetworks: true,
    },
  });
  admin = service.client();
  const signup = await admin.signup();
  ws = signup.workspace.id;
  adminEmail = signup.email;
}, 30_000);
afterAll(async () => {
  await service?.close();
  await smtp?.close();
  hooks?.server.close();
});
beforeEach(async () => {
  await admin.patch(at('settings'), {
    sendMode: 'normal',
    openTracking: true,
    senderAddress: 'news@acme.test',
  });
});

/** People: some with an email, one without; answers their cio_ids and addresses. */
async function people(n: number, withoutEmail = 0) {
  const made: { cioId: string; email: string | null }[] = [];
  for (let i = 0; i < n + withoutEmail; i++) {
    const email = i < n ? uniqueEmail('reader') : null;
    const reply = await admin.post(at('people'), {
      ...(email ? { email } : { id: unique('noemail') }),
      attributes: { first_name: `<b>Reader ${i}</b>` },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    made.push({ cioId: reply.body.cioId, email });
  }
  return made;
}

async function broadcast(messageExtra: Record<string, unknown> = {}) {
  const reply = await admin.post(at('broadcasts'), {
    name: unique('Newsletter'),
    messages: [
      {
        name: 'Issue 1',
        channel: 'email',
        subject: 'News for {{ customer.first_name }}',
        body: '<html><body><p>Hi {{ customer.first_name }}</p><a href="https://example.com/offer?a=1&amp;b=2">Offer</a></body></html>',
        ...messageExtra,
      },
    ],
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { id: string; messages: { id: string }[] };
}

/** Sends, lets the workers deliver, and answers the send's job. */
async function send(broadcastId: string, audience: Record<string, unknown>) {
  const started = await admin.post(at(`broadcasts/${broadcastId}/send`), audience);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  await service.worker.runUntilIdle();
  const job = await admin.get(started.headers.get('location')!);
  expect(job.body.state).toBe('succeeded');
  return job.body;
}

/** A Viewer of the workspace, invited over SMTP and signed up. */
async function viewer() {
  const email = uniqueEmail('viewer');
  const invited = await admin.post('/api/team-members', {
    firstName: 'Vi',
    lastName: 'Viewer',
    email,
    workspaceAccess: { mode: 'custom', roles: [{ workspaceId: ws, role: 'viewer' }] },
  });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  await service.worker.runUntilIdle();
  const token = to(email)[0]!.text.match(/invitations\/([\w-]+)/)![1];
  const accepted = await service.client().post(`/api/invitations/${token}/accept`, {
    firstName: 'Vi',
    lastName: 'Viewer',
    password: 'viewer password 123',
    marketingOptIn: false,
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  return { id: invited.body.id as string, email };
}

const to = (address: string) => smtp.received.filter((m) => m.to.includes(address));
const local = (url: string) => url.replace(PUBLIC, service.url);
const linksIn = (html: string) =>
  [...html.matchAll(/\shref="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
const pixelIn = (html: string) => html.match(/src="([^"]*\/t\/o\/[^"]+)"/)?.[1];

describe('send modes', () => {
  test('normal: each person at their own address, from the workspace’s sender; values escaped; no email → skipped', async () => {
    const readers = await people(2, 1);
    const b = await broadcast();
    const job = await send(b.id, { people: readers.map((r) => r.cioId) });
    expect(job.result).toMatchObject({ queued: 2, suppressed: 0, skipped: 1 });
    expect(job.progress).toEqual({ done: 3, total: 3 });
    for (const [i, r] of readers.slice(0, 2).entries()) {
      const [mail] = to(r.email!);
      expect(mail, r.email!).toBeDefined();
      expect(mail!.from).toBe('news@acme.test');
      expect(mail!.subject).toBe(`News for <b>Reader ${i}</b>`); // a subject is text
      expect(mail!.html).toContain(`<p>Hi &lt;b&gt;Reader ${i}&lt;/b&gt;</p>`);
      expect(to(r.email!)).toHaveLength(1);
    }
    const deliveries = await admin.get(at('deliveries?state=sent'));
    expect(deliveries.body.items.filter((d: { sourceId: string }) => d.sourceId === b.id)).toHaveLength(2);
    expect((await admin.get(at(`broadcasts/${b.id}`))).body.state).toBe('sent');
  });

  test('test: every email to the test recipient, from the test sender, and no metrics', async () => {
    await admin.patch(at('settings'), { sendMode: 'test' });
    const readers = await people(2);
    const before = to(adminEmail).length;
    const b = await broadcast();
    const job = await send(b.id, { people: readers.map((r) => r.cioId) });
    expect(job.result).toMatchObject({ queued: 2 });
    for (const r of readers) expect(to(r.email!)).toHaveLength(0);
    const received = to(adminEmail).slice(before);
    expect(received).toHaveLength(2);
    expect(received.every((m) => m.from === 'test@test.atrium.test')).toBe(true);
    // Opening and clicking the test emails records nothing.
    await fetch(local(pixelIn(received[0]!.html)!));
    const click = await fetch(local(linksIn(received[0]!.html)[0]!), { redirect: 'manual' });
    expect(click.status).toBe(302);
    expect(await (await admin.get(at(`broadcasts/${b.id}/metrics`))).body).toMatchObject({
      deliveries: 2,
      test: 2,
      sent: 0,
      opened: 0,
      clicked: 0,
    });
  });

  test('never: nothing leaves; each delivery is suppressed with the reason', async () => {
    await admin.patch(at('settings'), { sendMode: 'never' });
    const readers = await people(2);
    const b = await broadcast();
    const received = smtp.received.length;
    const job = await send(b.id, { people: readers.map((r) => r.cioId) });
    expect(job.result).toMatchObject({ queued: 0, suppressed: 2 });
    expect(smtp.received.length).toBe(received);
    const suppressed = (await admin.get(at('deliveries?state=suppressed&limit=500'))).body.items.filter(
      (d: { sourceId: string }) => d.sourceId === b.id,
    );
    expect(suppressed).toHaveLength(2);
    expect(suppressed[0].reason).toContain('send mode: never');
    const test = await admin.post(at(`messages/${b.messages[0]!.id}/send-test`), {});
    expect(test.body).toMatchObject({ state: 'suppressed' });
    expect(smtp.received.length).toBe(received);
  });
});

describe('tracking', () => {
  test('an open pixel and tracked links; opens and clicks are counted per broadcast and per message', async () => {
    const [reader] = await people(1);
    const b = await broadcast();
    await send(b.id, { people: [reader!.cioId] });
    const [mail] = to(reader!.email!);
    const pixel = pixelIn(mail!.html);
    expect(pixel).toMatch(new RegExp(`^${PUBLIC}/t/o/[\\w-]+\\.gif$`));
    const [link] = linksIn(mail!.html).filter((l) => l.includes('/t/c/'));
    expect(link).toBeDefined();
    expect(mail!.html).not.toContain('example.com/offer');

    const gif = await fetch(local(pixel!));
    expect(gif.headers.get('content-type')).toBe('image/gif');
    await fetch(local(pixel!));
    const click = await fetch(local(link!), { redirect: 'manual' });
    expect(click.status).toBe(302);
    expect(click.headers.get('location')).toBe('https://example.com/offer?a=1&b=2');
    expectProblem(await service.client().get('/t/c/nosuchtoken.0'), 404);
    // The token is a secret of the email: the database holds only its hash.
    const token = pixel!.slice(pixel!.lastIndexOf('/') + 1, -'.gif'.length);
    const stored = await queryRows<{ hash: string | null }>(
      service.ctx.db,
      sql`SELECT track_token_hash AS hash FROM deliveries WHERE source_id = ${b.id}`,
    );
    expect(stored).toEqual([{ hash: hashToken(token) }]);

    const metrics = { deliveries: 1, test: 0, sent: 1, opened: 1, clicked: 1, failed: 0, suppressed: 0 };
    expect((await admin.get(at(`broadcasts/${b.id}/metrics`))).body).toMatchObject(metrics);
    expect((await admin.get(at(`messages/${b.messages[0]!.id}/metrics`))).body).toMatchObject(metrics);
    const [delivery] = (await admin.get(at('deliveries?state=sent&limit=500'))).body.items.filter(
      (d: { sourceId: string }) => d.sourceId === b.id,
    );
    expect(delivery).toMatchObject({ opens: 2, clicks: 1 });
  });

  test('open tracking off in the workspace, or in the message: no pixel, and opens read zero', async () => {
    const [a, c] = await people(2);
    await admin.patch(at('settings'), { openTracking: false });
    const off = await broadcast();
    await send(off.id, { people: [a!.cioId] });
    const optedOut = await broadcast({ openTracking: false });
    await admin.patch(at('settings'), { openTracking: true });
    await send(optedOut.id, { people: [c!.cioId] });
    for (const mail of [...to(a!.email!), ...to(c!.email!)]) {
      expect(mail.html).not.toContain('/t/o/');
      expect(linksIn(mail.html).some((l) => l.includes('/t/c/'))).toBe(true);
    }
    for (const id of [off.id, optedOut.id]) {
      expect((await admin.get(at(`broadcasts/${id}/metrics`))).body).toMatchObject({ sent: 1, opened: 0 });
    }

    // Sent with a pixel, then open tracking turned off: opens read zero and are not counted.
    const [d] = await people(1);
    const tracked = await broadcast();
    await send(tracked.id, { people: [d!.cioId] });
    const pixel = local(pixelIn(to(d!.email!)[0]!.html)!);
    await fetch(pixel);
    const opened = async () => (await admin.get(at(`broadcasts/${tracked.id}/metrics`))).body.opened;
    expect(await opened()).toBe(1);
    await admin.patch(at('settings'), { openTracking: false });
    expect(await opened()).toBe(0);
    await fetch(pixel);
    await admin.patch(at('settings'), { openTracking: true });
    const [delivery] = (await admin.get(at('deliveries?state=sent&limit=500'))).body.items.filter(
      (x: { sourceId: string }) => x.sourceId === tracked.id,
    );
    expect(delivery.opens).toBe(1);
  });

  test('links are stored as valid URLs (é, character references); data-href is not a link', async () => {
    const [reader] = await people(1);
    const b = await broadcast({
      body: '<p><a data-href="https://a.test/x" href="https://example.com/€?x=1&#38;y=2">Go</a></p>',
    });
    await send(b.id, { people: [reader!.cioId] });
    const [mail] = to(reader!.email!);
    expect(mail!.html).toContain('data-href="https://a.test/x"');
    const [link] = linksIn(mail!.html);
    const click = await fetch(local(link!), { redirect: 'manual' });
    expect(click.status).toBe(302);
    expect(click.headers.get('location')).toBe('https://example.com/%E2%82%AC?x=1&y=2');
  });
});

describe('delivery', () => {
  test('to a segment: its people now; a server that refuses the first attempt gets the email once', async () => {
    const tag = unique('cohort');
    const readers = await people(2);
    for (const r of readers) await admin.patch(at(`people/${r.cioId}`), { attributes: { cohort: tag } });
    const segment = await admin.post(at('segments'), {
      name: unique('Cohort'),
      conditions: { match: 'all', rules: [{ attribute: 'cohort', operator: 'eq', value: tag }] },
    });
    const b = await broadcast();
    smtp.refuseNext(1);
    const started = await admin.post(at(`broadcasts/${b.id}/send`), { segmentId: segment.body.id });
    expect(started.body.recipients).toBe(2);
    await service.worker.runUntilIdle();
    service.clock.advance(5_000);
    await service.worker.runUntilIdle();
    service.clock.advance(60_000);
    await service.worker.runUntilIdle();
    for (const r of readers) expect(to(r.email!), r.email!).toHaveLength(1);
    expect((await admin.get(at(`broadcasts/${b.id}/metrics`))).body).toMatchObject({ sent: 2, queued: 0 });
  });

  test('the send mode is checked again at delivery: what still waits does not leave once it is never', async () => {
    const [reader] = await people(1);
    const b = await broadcast();
    smtp.refuseNext(1); // the first attempt fails, so the email is still waiting …
    await send(b.id, { people: [reader!.cioId] });
    expect(to(reader!.email!)).toHaveLength(0);
    await admin.patch(at('settings'), { sendMode: 'never' }); // … when sending stops
    service.clock.advance(60_000);
    await service.worker.runUntilIdle();
    service.clock.advance(600_000);
    await service.worker.runUntilIdle();
    expect(to(reader!.email!)).toHaveLength(0);
    const [delivery] = (await admin.get(at('deliveries?state=suppressed&limit=500'))).body.items.filter(
      (d: { sourceId: string }) => d.sourceId === b.id,
    );
    expect(delivery.reason).toContain('stopped sending');
  });

  test('the mode an email was addressed under holds at delivery: normal → test still reaches the person', async () => {
    const [reader] = await people(1);
    const b = await broadcast();
    smtp.refuseNext(1); // the first attempt fails, so the email is still waiting …
    await send(b.id, { people: [reader!.cioId] });
    expect(to(reader!.email!)).toHaveLength(0);
    const before = to(adminEmail).length;
    await admin.patch(at('settings'), { sendMode: 'test' }); // … when the workspace goes into test mode
    service.clock.advance(60_000);
    await service.worker.runUntilIdle();
    expect(to(reader!.email!)).toHaveLength(1);
    expect(to(adminEmail)).toHaveLength(before);
    expect((await admin.get(at(`broadcasts/${b.id}/metrics`))).body).toMatchObject({
      sent: 1,
      suppressed: 0,
    });
  });

  test('a test email waiting for SMTP does not leave once its recipient can no longer enter the workspace', async () => {
    const tester = await viewer();
    await admin.patch(at('settings'), { sendMode: 'test', testRecipientMemberId: tester.id });
    const [reader] = await people(1);
    const b = await broadcast();
    smtp.refuseNext(1);
    await send(b.id, { people: [reader!.cioId] });
    const subject = (m: { subject: string }) => m.subject.startsWith('News for');
    expect(to(tester.email).filter(subject)).toHaveLength(0);
    await admin.patch(`/api/workspaces/${ws}`, { access: [{ memberId: tester.id, role: null }] });
    service.clock.advance(60_000);
    await service.worker.runUntilIdle();
    expect(to(tester.email).filter(subject)).toHaveLength(0);
    const [delivery] = (await admin.get(at('deliveries?state=suppressed&limit=500'))).body.items.filter(
      (d: { sourceId: string }) => d.sourceId === b.id,
    );
    expect(delivery.reason).toContain('can no longer enter the workspace');
    await admin.patch(at('settings'), { testRecipientMemberId: (await admin.get('/api/me')).body.member.id });
  });

  test('two service processes sharing the database deliver each email once', async () => {
    const sibling = await service.sibling();
    try {
      const readers = await people(6);
      const b = await broadcast();
      const started = await admin.post(at(`broadcasts/${b.id}/send`), {
        people: readers.map((r) => r.cioId),
      });
      expect(started.status).toBe(202);
      await Promise.all([service.worker.runUntilIdle(), sibling.worker.runUntilIdle()]);
      await Promise.all([service.worker.runUntilIdle(), sibling.worker.runUntilIdle()]);
      for (const r of readers) expect(to(r.email!), r.email!).toHaveLength(1);
    } finally {
      await sibling.app.close();
    }
  });

  test('a newsletter goes out once, an API-triggered broadcast each time; a template that does not parse is a 400', async () => {
    const [reader] = await people(1);
    const newsletter = await broadcast();
    await send(newsletter.id, { people: [reader!.cioId] });
    expectProblem(await admin.post(at(`broadcasts/${newsletter.id}/send`), { people: [reader!.cioId] }), 409);
    await admin.patch(at(`broadcasts/${newsletter.id}`), { type: 'api_triggered' });
    await send(newsletter.id, { people: [reader!.cioId] });
    expect(to(reader!.email!)).toHaveLength(2);

    // A template that does not parse is refused when saved; one stored before that check was
    // made is refused at send.
    const brokenBody = '<p>Hi {{ customer.first_name </p>';
    const unsaved = await admin.post(at('broadcasts'), {
      name: unique('Newsletter'),
      messages: [{ name: 'Issue 1', channel: 'email', subject: 'News', body: brokenBody }],
    });
    expectProblem(unsaved, 400, 'invalid');
    expect(unsaved.body.errors[0].path).toBe('/messages/0/body');
    const broken = await broadcast();
    await queryRows(
      service.ctx.db,
      sql`UPDATE resources SET body = jsonb_set(body, '{messages,0,body}', to_jsonb(${brokenBody}::text))
          WHERE workspace_id = ${ws} AND id = ${broken.id}`,
    );
    const refused = await admin.post(at(`broadcasts/${broken.id}/send`), { people: [reader!.cioId] });
    expectProblem(refused, 400, 'invalid');
    expect(refused.body.errors[0].path).toBe('/messages/0/body');
    expect((await admin.get(at(`broadcasts/${broken.id}`))).body.state).toBe('draft');
  });

  test('in test mode a test recipient with hidden attributes gets the emails masked', async () => {
    const email = uniqueEmail('tester');
    const invited = await admin.post('/api/team-members', {
      firstName: 'Tess',
      lastName: 'Tester',
      email,
      workspaceAccess: { mode: 'custom', roles: [{ workspaceId: ws, role: 'viewer', hideAttributes: true }] },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    await service.worker.runUntilIdle();
    const token = to(email)[0]!.text.match(/invitations\/([\w-]+)/)![1];
    const accepted = await service.client().post(`/api/invitations/${token}/accept`, {
      firstName: 'Tess',
      lastName: 'Tester',
      password: 'tester password 123',
      marketingOptIn: false,
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    await admin.patch(at('settings'), { sendMode: 'test', testRecipientMemberId: invited.body.id });
    const [reader] = await people(1);
    const b = await broadcast();
    await send(b.id, { people: [reader!.cioId] });
    const [mail] = to(email).filter((m) => m.subject.startsWith('News for'));
    expect(mail!.subject).toBe('News for ••••••');
    expect(mail!.html).not.toContain('Reader 0');
    await admin.patch(at('settings'), { testRecipientMemberId: (await admin.get('/api/me')).body.member.id });
  });

  test('bad sends are 4xx: no audience, both, an unknown segment or person, nothing to send', async () => {
    const b = await broadcast();
    expectProblem(await admin.post(at(`broadcasts/${b.id}/send`), {}), 400);
    expectProblem(await admin.post(at(`broadcasts/${b.id}/send`), { segmentId: 'x', people: ['y'] }), 400);
    expectProblem(await admin.post(at(`broadcasts/${b.id}/send`), { segmentId: 'seg_nope' }), 400);
    expectProblem(await admin.post(at(`broadcasts/${b.id}/send`), { people: ['nobody'] }), 400);
    const empty = await admin.post(at('broadcasts'), { name: unique('Empty') });
    expectProblem(await admin.post(at(`broadcasts/${empty.body.id}/send`), { people: ['x'] }), 409);
    expectProblem(
      await admin.post(at('broadcasts/bc_01jd00000000000000000000zz/send'), { people: ['x'] }),
      404,
    );
    // Who may send (messages.send) is checked cell by cell in conformance-routes.test.ts.
  });
});

describe('webhook actions', () => {
  const withHook = async (path: string) => {
    const b = await broadcast();
    const full = (await admin.get(at(`broadcasts/${b.id}`))).body;
    const reply = await admin.patch(at(`broadcasts/${b.id}`), {
      messages: [
        ...full.messages,
        {
          name: 'Notify CRM',
          channel: 'webhook',
          url: `${hooks.url}${path}`,
          body: '{"name": {{ customer.first_name | json }}, "cio_id": "{{ customer.cio_id }}"}',
        },
      ],
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return b;
  };
  const calls = (path: string) => hooks.received.filter((c) => c.path === path);

  test('test mode: emails go to the test recipient, webhooks still go to their URL', async () => {
    await admin.patch(at('settings'), { sendMode: 'test' });
    const [reader] = await people(1);
    const b = await withHook('/test-mode');
    const job = await send(b.id, { people: [reader!.cioId] });
    expect(job.result).toMatchObject({ queued: 2 });
    await service.worker.runUntilIdle();
    expect(to(reader!.email!)).toHaveLength(0);
    expect(calls('/test-mode')).toHaveLength(1);
    expect(JSON.parse(calls('/test-mode')[0]!.body)).toEqual({
      name: '<b>Reader 0</b>',
      cio_id: reader!.cioId,
    });
    const hook = (await admin.get(at('deliveries?limit=500'))).body.items.find(
      (d: { id: string }) => d.id === calls('/test-mode')[0]!.delivery,
    );
    expect(hook).toMatchObject({ channel: 'webhook', state: 'sent' });
  });

  test('never: no webhook is called either; a refusing endpoint is retried until it accepts', async () => {
    await admin.patch(at('settings'), { sendMode: 'never' });
    const [reader] = await people(1);
    const quiet = await withHook('/never');
    const job = await send(quiet.id, { people: [reader!.cioId] });
    expect(job.result).toMatchObject({ queued: 0, suppressed: 2 });
    expect(calls('/never')).toHaveLength(0);

    await admin.patch(at('settings'), { sendMode: 'normal' });
    const retried = await withHook('/retry');
    hooks.failNext(1);
    await send(retried.id, { people: [reader!.cioId] });
    expect(calls('/retry')).toHaveLength(0);
    service.clock.advance(5_000);
    await service.worker.runUntilIdle();
    service.clock.advance(60_000);
    await service.worker.runUntilIdle();
    expect(calls('/retry')).toHaveLength(1);
  });

  test('a webhook message needs its URL; by default the service posts to no private address', async () => {
    const bad = await admin.post(at('broadcasts'), {
      name: unique('NoUrl'),
      messages: [{ name: 'Hook', channel: 'webhook', body: '{}' }],
    });
    expectProblem(bad, 400, 'invalid');
    expect(bad.body.errors[0].path).toBe('/messages/0/url');

    const strict = await startService();
    try {
      const owner = strict.client();
      const { workspace } = await owner.signup();
      const base = `/api/workspaces/${workspace.id}`;
      await owner.patch(`${base}/settings`, { sendMode: 'normal' });
      const person = await owner.post(`${base}/people`, { id: 'p1' });
      // By address, and by a name that resolves inside (checked on the connection's own lookup).
      const byName = hooks.url.replace('127.0.0.1', 'localhost');
      const b = await owner.post(`${base}/broadcasts`, {
        name: 'Inside',
        messages: [
          { name: 'Hook', channel: 'webhook', url: `${hooks.url}/private`, body: '{}' },
          { name: 'Named', channel: 'webhook', url: `${byName}/private-name`, body: '{}' },
        ],
      });
      const started = await owner.post(`${base}/broadcasts/${b.body.id}/send`, {
        people: [person.body.cioId],
      });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      await strict.worker.runUntilIdle();
      expect(calls('/private')).toHaveLength(0);
      expect(calls('/private-name')).toHaveLength(0);
      const deliveries = (await owner.get(`${base}/deliveries`)).body.items;
      expect(deliveries).toHaveLength(2);
      for (const d of deliveries)
        expect(d).toMatchObject({ state: 'failed', reason: expect.stringContaining('loopback') });
    } finally {
      await strict.close();
    }
  });
});
