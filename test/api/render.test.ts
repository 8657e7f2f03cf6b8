import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Client, expectProblem, uniqueEmail } from '../support/client.js';
import { unique } from '../support/row-probes.js';
import { startService, type TestService } from '../support/service.js';

/**
 * Templates render on the render pool's threads, within a budget, each workspace in its turn and
 * within its share of render time; a template is checked when it is saved.
 */

let service: TestService;
let admin: Client;
let ws: string;
const at = (rest: string, workspaceId = ws) => `/api/workspaces/${workspaceId}/${rest}`;

/** Runs until the render time budget stops it (about 17 s of work without one). */
const HEAVY = '{% for i in (1..3000) %}{% for j in (1..3000) %}{% endfor %}{% endfor %}';

const email = (extra: Record<string, unknown> = {}) => ({
  name: 'Welcome',
  channel: 'email',
  subject: 'Hi {{ customer.first_name }}',
  body: '<p>Hello {{ customer.first_name }}</p>',
  ...extra,
});

beforeAll(async () => {
  service = await startService();
  admin = service.client();
  ({
    workspace: { id: ws },
  } = await admin.signup());
}, 60_000);
afterAll(() => service?.close());

async function messageIn(workspaceId: string, message: Record<string, unknown>): Promise<string> {
  const reply = await admin.post(at('transactional', workspaceId), {
    name: unique('T'),
    messages: [message],
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.messages[0].id;
}

const newWorkspace = async () =>
  (await admin.post('/api/workspaces', { name: unique('W') })).body.id as string;

describe('rendering off the main thread, within budgets', () => {
  test('a heavy preview answers 422 naming its time budget, and the service answers meanwhile', async () => {
    const workspaceId = await newWorkspace();
    const heavy = await messageIn(workspaceId, email({ body: HEAVY }));
    // A first render starts the pool's thread.
    expect(
      (await admin.post(at(`messages/${await messageIn(workspaceId, email())}/preview`, workspaceId), {}))
        .status,
    ).toBe(200);
    const started = performance.now();
    const preview = admin.post(at(`messages/${heavy}/preview`, workspaceId), {});
    // While the template loops on a render thread, the main thread still serves requests at once.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const health = performance.now();
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    expect(performance.now() - health).toBeLessThan(150);
    const refused = await preview;
    expectProblem(refused, 422, 'template_too_expensive');
    expect(refused.body.budget).toBe('timeMs');
    expect(refused.body.detail).toContain('250 ms of rendering time');
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  test('an output over its size budget answers 422 naming it; a light template still renders', async () => {
    const workspaceId = await newWorkspace();
    const big = await messageIn(
      workspaceId,
      email({ body: `{% for i in (1..300) %}${'x'.repeat(10_000)}{% endfor %}` }),
    );
    const refused = await admin.post(at(`messages/${big}/preview`, workspaceId), {});
    expectProblem(refused, 422, 'template_too_expensive');
    expect(refused.body.budget).toBe('outputChars');
    expect(refused.body.detail).toContain('characters of output');

    const person = await admin.post(at('people', workspaceId), {
      email: uniqueEmail('ana'),
      attributes: { first_name: '<b>Ana</b>' },
    });
    const light = await messageIn(workspaceId, email());
    const rendered = await admin.post(at(`messages/${light}/preview`, workspaceId), {
      cioId: person.body.cioId,
    });
    expect(rendered.status).toBe(200);
    expect(rendered.body).toEqual({
      subject: 'Hi <b>Ana</b>',
      body: '<p>Hello &lt;b&gt;Ana&lt;/b&gt;</p>',
    });
  });

  test('a workspace that spends its render time gets 429 with Retry-After; another renders on', async () => {
    const noisy = await newWorkspace();
    const quiet = await newWorkspace();
    const heavy = await messageIn(noisy, email({ body: HEAVY }));
    const light = await messageIn(quiet, email());
    const answers: number[] = [];
    let refused: Awaited<ReturnType<Client['post']>> | undefined;
    // A burst of 1 s of render time: four 250 ms renders, then refusals until it refills.
    for (let i = 0; i < 8 && !refused; i++) {
      const reply = await admin.post(at(`messages/${heavy}/preview`, noisy), {});
      answers.push(reply.status);
      if (reply.status === 429) refused = reply;
    }
    expect(answers.slice(0, 3)).toEqual([422, 422, 422]);
    expect(refused, `answers: ${answers.join(', ')}`).toBeDefined();
    expectProblem(refused!, 429, 'too_many_requests');
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await admin.post(at(`messages/${light}/preview`, quiet), {})).status).toBe(200);
  });

  test('concurrent heavy previews of one workspace queue behind each other, not in front of another’s', async () => {
    const noisy = await newWorkspace();
    const quiet = await newWorkspace();
    const heavy = await messageIn(noisy, email({ body: HEAVY }));
    const light = await messageIn(quiet, email());
    // The order answers come back in, not their times: the machine's speed does not decide it.
    const finished: string[] = [];
    const noise = Array.from({ length: 3 }, () =>
      admin.post(at(`messages/${heavy}/preview`, noisy), {}).then((reply) => {
        finished.push(`heavy ${reply.status}`);
        return reply;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await admin.post(at(`messages/${light}/preview`, quiet), {})).status).toBe(200);
    finished.push('light');
    await Promise.all(noise);
    // At most the heavy renders that reached the pool before it were in its way (the one running,
    // and one more that may start while the light request still reads its message), not all
    // three: the last one waits its turn behind the other workspace. (A render to its budget
    // answers 422; a refusal, 429, takes no render time.)
    const before = finished.slice(0, finished.indexOf('light'));
    expect(before.filter((f) => f === 'heavy 422').length, finished.join(', ')).toBeLessThanOrEqual(2);
    for (const reply of await Promise.all(noise)) expect([422, 429]).toContain(reply.status);
  });
});

describe('a send whose template is over budget', () => {
  test('a broadcast marks those deliveries failed with the reason; its job succeeds', async () => {
    const workspaceId = await newWorkspace();
    const people = [];
    for (const name of ['ana', 'bo'])
      people.push((await admin.post(at('people', workspaceId), { email: uniqueEmail(name) })).body.cioId);
    const broadcast = await admin.post(at('broadcasts', workspaceId), {
      name: unique('B'),
      messages: [email({ body: HEAVY }), email({ name: 'Light' })],
    });
    expect(broadcast.status).toBe(201);
    const started = await admin.post(at(`broadcasts/${broadcast.body.id}/send`, workspaceId), { people });
    expect(started.status).toBe(202);
    await service.worker.runUntilIdle();
    const job = await admin.get(started.headers.get('location')!);
    expect(job.body.state).toBe('succeeded');
    const deliveries = (await admin.get(at('deliveries?limit=100', workspaceId))).body.items as {
      messageId: string;
      state: string;
      reason: string | null;
    }[];
    const [heavy, light] = broadcast.body.messages.map((m: { id: string }) => m.id);
    const ofHeavy = deliveries.filter((d) => d.messageId === heavy);
    expect(ofHeavy).toHaveLength(2);
    for (const d of ofHeavy) {
      expect(d.state).toBe('failed');
      expect(d.reason).toContain('250 ms of rendering time');
    }
    expect(deliveries.filter((d) => d.messageId === light && d.state !== 'failed')).toHaveLength(2);
  });

  test('a broadcast renders each page before its transaction: the database answers meanwhile', async () => {
    const workspaceId = await newWorkspace();
    const people = [];
    for (let i = 0; i < 6; i++)
      people.push((await admin.post(at('people', workspaceId), { email: uniqueEmail('p') })).body.cioId);
    const broadcast = await admin.post(at('broadcasts', workspaceId), {
      name: unique('B'),
      messages: [email({ body: HEAVY })],
    });
    expect(
      (await admin.post(at(`broadcasts/${broadcast.body.id}/send`, workspaceId), { people })).status,
    ).toBe(202);
    const light = await messageIn(workspaceId, email());
    expect((await admin.post(at(`messages/${light}/preview`, workspaceId), {})).status).toBe(200);
    // Six renders of 250 ms, past the workspace's burst of render time: a few seconds of work.
    let done = false;
    const running = service.worker.runUntilIdle().finally(() => {
      done = true;
    });
    let slowest = 0;
    while (!done) {
      const started = performance.now();
      expect((await admin.get(at('people?limit=5', workspaceId))).status).toBe(200);
      slowest = Math.max(slowest, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await running;
    // On PGlite a transaction holds the one connection: rendering in it (and waiting there for the
    // workspace's render time) stalled every request for seconds.
    expect(slowest).toBeLessThan(1_500);
    const deliveries = (await admin.get(at('deliveries?limit=100', workspaceId))).body.items;
    expect(deliveries.map((d: { state: string }) => d.state)).toEqual(Array(6).fill('failed'));
  });

  test('a test send answers its delivery, failed with the reason', async () => {
    const workspaceId = await newWorkspace();
    const heavy = await messageIn(workspaceId, email({ body: HEAVY }));
    const sent = await admin.post(at(`messages/${heavy}/send-test`, workspaceId), {});
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    expect(sent.body.state).toBe('failed');
    expect(sent.body.reason).toContain('too expensive to render');
  });
});

describe('templates are checked when saved', () => {
  test('a message whose subject or body is not Liquid is refused (400 naming the field), created or edited', async () => {
    const brokenBody = await admin.post(at('campaigns'), {
      name: unique('C'),
      messages: [email(), email({ body: '<p>Hi {{ customer.first_name </p>' })],
    });
    expectProblem(brokenBody, 400, 'invalid');
    expect(brokenBody.body.errors).toHaveLength(1);
    expect(brokenBody.body.errors[0].path).toBe('/messages/1/body');
    expect(brokenBody.body.errors[0].message).toContain('not closed');
    expect(brokenBody.body.errors[0].message).not.toContain('    at ');

    const saved = await admin.post(at('broadcasts'), { name: unique('B'), messages: [email()] });
    expect(saved.status).toBe(201);
    const brokenSubject = await admin.patch(at(`broadcasts/${saved.body.id}`), {
      messages: [{ ...saved.body.messages[0], subject: 'Hi {% if customer.vip %}VIP' }],
    });
    expectProblem(brokenSubject, 400, 'invalid');
    expect(brokenSubject.body.errors[0].path).toBe('/messages/0/subject');
    expect(brokenSubject.body.detail).toContain('/messages/0/subject');

    const tx = await admin.post(at('transactional'), {
      name: unique('T'),
      messages: [
        email({ channel: 'webhook', url: 'https://example.com/hook', body: '{{ customer | json }' }),
      ],
    });
    expectProblem(tx, 400, 'invalid');
    expect(tx.body.errors[0].path).toBe('/messages/0/body');
  });

  test('layouts and snippets are Liquid too: refused naming /html or /value', async () => {
    const layout = await admin.post(at('layouts'), {
      name: unique('L'),
      html: '{{ content }}{% for x in y %}',
    });
    expectProblem(layout, 400, 'invalid');
    expect(layout.body.errors[0].path).toBe('/html');
    const good = await admin.post(at('layouts'), { name: unique('L'), html: '<div>{{ content }}</div>' });
    expect(good.status).toBe(201);
    const edited = await admin.patch(at(`layouts/${good.body.id}`), { html: '{{ content }}{{ oops' });
    expectProblem(edited, 400, 'invalid');
    expect(edited.body.errors[0].path).toBe('/html');

    const snippet = await admin.post(at('snippets'), { name: unique('s'), value: '{% endif %}' });
    expectProblem(snippet, 400, 'invalid');
    expect(snippet.body.errors[0].path).toBe('/value');
  });
});
