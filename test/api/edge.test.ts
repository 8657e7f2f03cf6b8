import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectProblem, type Reply, uniqueEmail } from '../support/client.js';
import { PNG } from '../support/row-probes.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes as they are (fetch refuses to send some of these requests) and reads the answer. */
function rawRequest(bytes: string, { halfClose = false } = {}): Promise<RawReply> {
  const { port } = new URL(service.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error) => (chunks.length > 0 ? undefined : reject(error)));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    // Half-closing tells the server the client has nothing more to send; Node then drops any
    // request still in flight, so only the test of a truncated body does it.
    if (halfClose) socket.end(bytes);
    else socket.write(bytes);
  });
}

/** A raw answer that is an RFC 9457 problem with this status and code. */
function expectRawProblem(reply: RawReply, status: number, code: string) {
  expect(reply.status, reply.body).toBe(status);
  expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(reply.body);
  expect(body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String) });
  return body as { detail: string };
}

const get = (path: string, headers = '') =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers}\r\n`;

describe('deeply nested JSON', () => {
  const deepArray = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  const deepObject = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;

  test('a 10k-deep array or 5k-deep object is a 400 naming the limit, on every route with a body', async () => {
    const client = service.client();
    const { workspace } = await client.signup();
    const routes = [
      ['POST', '/api/signup'],
      ['POST', '/api/session'],
      ['POST', '/api/invitations/inv_00000000000000000000000000/accept'],
      ['POST', '/api/password-resets'],
      ['POST', '/api/workspaces'],
      ['PATCH', `/api/workspaces/${workspace.id}/settings`],
    ] as const;
    for (const [method, path] of routes) {
      for (const raw of [deepArray, deepObject]) {
        const reply = await client.request(method, path, undefined, {
          raw,
          headers: { 'content-type': 'application/json' },
        });
        expectProblem(reply, 400, 'json_too_deep');
        expect(reply.body.detail).toContain('64 levels');
      }
    }
  });

  test('64 levels pass the parser; brackets inside strings do not count', async () => {
    const client = service.client();
    await client.signup();
    const nested = `${'['.repeat(63)}${']'.repeat(63)}`; // with the object around it, 64 levels
    // Deep enough for the parser, then refused by the schema as an ordinary invalid field.
    const reply = await client.post('/api/workspaces', undefined, {
      raw: `{"name":${nested}}`,
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(reply, 400, 'invalid');
    const deeper = await client.post('/api/workspaces', undefined, {
      raw: `{"name":[${nested}]}`,
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(deeper, 400, 'json_too_deep');
    const named = await client.post('/api/workspaces', { name: `${'['.repeat(70)}\\"${'{'.repeat(20)}` });
    expect(named.status, JSON.stringify(named.body)).toBe(201);
  });

  test('prototype poisoning is still refused, and malformed JSON is still invalid_json', async () => {
    const client = service.client();
    for (const raw of [
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{"admin":true}}}',
      '{"a":',
    ]) {
      const reply = await client.post('/api/session', undefined, {
        raw,
        headers: { 'content-type': 'application/json' },
      });
      expectProblem(reply, 400, 'invalid_json');
    }
  });
});

describe('body limits', () => {
  test('a JSON body over 1 MiB is a 413 naming the limit', async () => {
    const reply = await service.client().post('/api/session', {
      email: 'a@example.com',
      password: 'x'.repeat(1024 * 1024),
    });
    expectProblem(reply, 413, 'payload_too_large');
    expect(reply.body.detail).toContain('1048576 bytes');
  });

  test('an empty body with a JSON content type is no body: a bodiless route takes it, a route that needs one says so', async () => {
    const client = service.client();
    const { workspace } = await client.signup();
    const empty = { raw: '', headers: { 'content-type': 'application/json' } };
    const create = await client.post('/api/workspaces', undefined, empty);
    expectProblem(create, 400, 'invalid');
    expect(create.body.detail).toBe('The request has no body; this route expects a JSON object.');
    // A bodiless POST (Customer.io's clients and many others send the content type anyway).
    const key = (await client.post(`/api/workspaces/${workspace.id}/api-keys`, { kind: 'app' })).body;
    const revoked = await client.delete(
      `/api/workspaces/${workspace.id}/api-keys/${key.id}`,
      undefined,
      empty,
    );
    expect(revoked.status, JSON.stringify(revoked.body)).toBeLessThan(300);
  });

  test('a Track DELETE with a JSON content type and no body (Customer.io clients) is accepted', async () => {
    const client = service.client();
    const { workspace } = await client.signup();
    const key = (await client.post(`/api/workspaces/${workspace.id}/api-keys`, { kind: 'track' })).body;
    const basic = Buffer.from(`${key.siteId}:${key.apiKey}`).toString('base64');
    const authorization = `Basic ${basic}`;
    const identify = await client.put('/api/v1/customers/leaving@example.com', undefined, {
      headers: { authorization, 'content-type': 'application/json' },
      raw: '',
    });
    expect(identify.status, JSON.stringify(identify.body)).toBe(200);
    const reply = await rawRequest(
      'DELETE /api/v1/customers/leaving%40example.com HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        `Authorization: Basic ${basic}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n`,
    );
    // Customer.io's answer to a v1 write, 200 {} (issue #23; was 204).
    expect(reply.status, reply.body).toBe(200);
  });

  test("Track API errors carry Customer.io's shape beside the problem", async () => {
    const reply = await service
      .client()
      .put('/api/v1/customers/42', {}, { headers: { authorization: 'Basic eDp5' } });
    expectProblem(reply, 401);
    expect(reply.body.meta).toEqual({ error: reply.body.detail });
  });

  test('assets and CSV uploads keep their own parsers and limits', async () => {
    const client = service.client();
    const { workspace } = await client.signup();
    const at = (path: string) => `/api/workspaces/${workspace.id}/${path}`;
    // Over the 1 MiB of JSON bodies, under the asset limit (5 MiB), and full of brackets.
    const big = Buffer.concat([PNG, Buffer.alloc(1536 * 1024, '['.charCodeAt(0))]);
    const asset = await client.post(at('assets?name=big.png'), undefined, {
      raw: big,
      headers: { 'content-type': 'image/png' },
    });
    expect(asset.status, JSON.stringify(asset.body)).toBe(201);
    expect(asset.body.size).toBe(big.length);
    const csv = `email,nested\nbrackets@example.com,${'['.repeat(200)}\n`;
    const imported = await client.post(at('people/import?mode=create'), undefined, {
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(202);
  });

  test('query strings do not nest: brackets are part of a flat name', async () => {
    const client = service.client();
    const { workspace } = await client.signup();
    const reply = await client.get(`/api/workspaces/${workspace.id}/activity?action[a][b]=x`);
    expectProblem(reply, 400, 'invalid');
    expect(reply.body.errors).toEqual([
      { path: '/query/action[a][b]', message: 'is not a field this accepts' },
    ]);
  });
});

describe('errors of the HTTP layer are problems too', () => {
  test('bad percent-encoding in a path', async () => {
    const body = expectRawProblem(await rawRequest(get('/api/workspaces/%E0%A4%A')), 400, 'bad_request');
    expect(body.detail).toContain('percent-encoding');
  });

  test('a path parameter longer than the limit: 414 naming it', async () => {
    const body = expectRawProblem(
      await rawRequest(get(`/api/workspaces/${'w'.repeat(1100)}`)),
      414,
      'uri_too_long',
    );
    expect(body.detail).toContain('1024');
  });

  test('a request target over 8 KiB: 414 naming the limit', async () => {
    const body = expectRawProblem(
      await rawRequest(get(`/api/me?x=${'a'.repeat(9000)}`)),
      414,
      'uri_too_long',
    );
    expect(body.detail).toContain('8192 bytes');
  });

  test('headers over 16 KiB: 431 naming the limit (written by Node, before Fastify)', async () => {
    const reply = await rawRequest(get('/api/me', `X-Big: ${'b'.repeat(17 * 1024)}\r\n`));
    const body = expectRawProblem(reply, 431, 'headers_too_large');
    expect(body.detail).toContain('16384 bytes');
  });

  test('a malformed Content-Length', async () => {
    const reply = await rawRequest(
      'POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 12x\r\n\r\n{}',
    );
    expectRawProblem(reply, 400, 'bad_request');
  });

  test('a request that is not HTTP', async () => {
    expectRawProblem(await rawRequest('HELLO\r\n\r\n'), 400, 'bad_request');
  });

  test('a body shorter than its Content-Length, then closed', async () => {
    const reply = await rawRequest(
      'POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10\r\nConnection: close\r\n\r\n{}',
      { halfClose: true },
    );
    // The client gave up mid-body: there is nobody to answer, and the service must not crash.
    expect([0, 400]).toContain(Number.isNaN(reply.status) ? 0 : reply.status);
    expect((await service.client().get('/healthz')).status).toBe(200);
  });

  test('an unsupported media type', async () => {
    const reply = await rawRequest(
      'POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nContent-Length: 2\r\nConnection: close\r\n\r\n<a',
    );
    expectRawProblem(reply, 415, 'unsupported_media_type');
  });

  test('a GET’s body is never read, so its Content-Encoding is not refused', async () => {
    const reply = await rawRequest(
      'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Encoding: gzip\r\nContent-Length: 2\r\nConnection: close\r\n\r\nxx',
    );
    expect(reply.status).toBe(200);
  });
});

describe('pagination cursors', () => {
  const last = 'z'.repeat(26);
  const first = '0'.repeat(26);

  test('every list answers a cursor it could not have given with a 400 naming /query/cursor', async () => {
    const client = service.client();
    const { workspace } = await client.signup();
    const at = (path: string) => `/api/workspaces/${workspace.id}/${path}`;
    const person = (await client.post(at('people'), { email: 'paged@example.com' })).body;
    const lists = [
      at('people?'),
      at('activity?'),
      '/api/account/activity?',
      at('snippets?'),
      at('segments?'),
      at('campaigns?'),
      at('deliveries?'),
      at(`relationships?cioId=${person.cioId}&`),
      at('message-library?'),
      at('in-app-messages?'),
    ];
    const bad = [
      'nonsense',
      '',
      `${person.cioId}x`,
      `dlv_${first}_`,
      "act_' OR '1'='1",
      `obj_${first}`,
      'ws_1.2',
    ];
    for (const list of lists) {
      for (const cursor of bad) {
        const reply = await client.get(`${list}cursor=${encodeURIComponent(cursor)}`);
        expectProblem(reply, 400, 'invalid');
        expect(reply.body.errors, `${list} ${cursor}`).toEqual([
          { path: '/query/cursor', message: expect.stringContaining('not a cursor of this list') },
        ]);
      }
    }
    // One list's cursor is not another's.
    const people = await client.get(at('people?limit=1'));
    expect(people.body.items).toHaveLength(1);
    expectProblem(await client.get(at(`deliveries?cursor=${person.cioId}`)), 400, 'invalid');
  });

  test('a well-formed cursor past the end answers an empty page', async () => {
    const client = service.client();
    const { workspace } = await client.signup();
    const at = (path: string) => `/api/workspaces/${workspace.id}/${path}`;
    const person = (await client.post(at('people'), { email: 'end@example.com' })).body;
    await client.post(at('snippets'), { name: 'S', value: 'v' });
    for (const path of [
      at(`people?cursor=${last}`),
      at(`activity?cursor=act_${first}`),
      `/api/account/activity?cursor=act_${first}`,
      at(`snippets?cursor=snp_${last}`),
      at(`deliveries?cursor=dlv_${last}`),
      at(`relationships?cioId=${person.cioId}&cursor=${encodeURIComponent(`obj_${last} ${last}`)}`),
      at(`message-library?cursor=cmp_${last}.1`),
    ]) {
      const reply = await client.get(path);
      expect(reply.status, `${path} ${JSON.stringify(reply.body)}`).toBe(200);
      expect(reply.body).toEqual({ items: [], nextCursor: null });
    }
  });

  test('the cursors the lists give page through them (people, relationships)', async () => {
    const client = service.client();
    const { workspace } = await client.signup();
    const at = (path: string) => `/api/workspaces/${workspace.id}/${path}`;
    /** Every item of a list, read two at a time with the cursors it gives. */
    const all = async <T>(path: string): Promise<T[]> => {
      const items: T[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { items: T[]; nextCursor: string | null } } = await client.get(
          `${path}limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(page.status, JSON.stringify(page.body)).toBe(200);
        items.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return items;
    };
    const person = (await client.post(at('people'), { email: 'p1@example.com' })).body;
    for (const email of ['p2@example.com', 'p3@example.com']) await client.post(at('people'), { email });
    const emails = (await all<{ email: string }>(at('people?'))).map((p) => p.email);
    expect(emails).toEqual(['p1@example.com', 'p2@example.com', 'p3@example.com']);
    const type = (await client.post(at('object-types'), { name: 'Company' })).body;
    const objects: string[] = [];
    for (const objectId of ['a', 'b', 'c']) {
      const object = (await client.post(at('objects'), { typeId: type.id, objectId, attributes: {} })).body;
      objects.push(object.id);
      await client.post(at('relationships'), { objectId: object.id, cioId: person.cioId });
    }
    const related = await all<{ objectId: string }>(at(`relationships?cioId=${person.cioId}&`));
    expect(related.map((r) => r.objectId)).toEqual(objects.sort());
  });
});

describe('security headers', () => {
  /** What every answer carries, from the console's pages to the API's errors. */
  function expectSecurityHeaders(reply: Reply) {
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('x-frame-options')).toBe('DENY');
    const csp = reply.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  }

  test('every answer: nosniff, no framing, a CSP; no HSTS over http', async () => {
    const client = service.client();
    for (const reply of [
      await client.get('/healthz'),
      await client.get('/api/nothing-here'),
      await client.get('/api/me'),
      await client.get('/api/docs/'),
      await client.get('/login'),
    ]) {
      expectSecurityHeaders(reply);
      expect(reply.headers.get('strict-transport-security')).toBeNull();
    }
  });

  test('answers carrying a secret or the CSRF token are not stored by any cache', async () => {
    const client = service.client();
    const email = uniqueEmail('cache');
    const signup = await client.post('/api/signup', {
      accountName: 'Cache',
      firstName: 'C',
      lastName: 'C',
      email,
      password: 'correct horse battery staple',
    });
    expect(signup.status).toBe(201);
    const workspace = signup.body.workspace.id;
    const member = (
      await client.post('/api/team-members', { firstName: 'I', lastName: 'N', email: uniqueEmail('invitee') })
    ).body;
    const replies = {
      signup,
      login: await service.client().post('/api/session', { email, password: 'correct horse battery staple' }),
      me: await client.get('/api/me'),
      trackKey: await client.post(`/api/workspaces/${workspace}/api-keys`, { kind: 'track' }),
      appKey: await client.post(`/api/workspaces/${workspace}/api-keys`, { kind: 'app' }),
      invite: await client.post('/api/team-members', {
        firstName: 'A',
        lastName: 'B',
        email: uniqueEmail('inv'),
      }),
      resend: await client.post(`/api/team-members/${member.id}/resend-invite`, {}),
      outbox: await client.get('/api/outbox'),
      problem: await client.get('/api/nothing-here'),
    };
    expect(replies.me.body.csrfToken).toEqual(expect.any(String));
    expect(replies.trackKey.body.apiKey).toEqual(expect.any(String));
    expect(replies.appKey.body.key).toEqual(expect.any(String));
    for (const [name, reply] of Object.entries(replies)) {
      expect(reply.status, `${name} ${JSON.stringify(reply.body)}`).toBeLessThan(
        name === 'problem' ? 500 : 300,
      );
      expect(reply.headers.get('cache-control'), name).toBe('no-store');
    }
  });

  test('tracking still answers an image and a redirect, loadable from any origin', async () => {
    const pixel = await fetch(`${service.url}/t/o/nosuchtoken.gif`);
    expect(pixel.status).toBe(200);
    expect(pixel.headers.get('content-type')).toBe('image/gif');
    expect(pixel.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(pixel.headers.get('cache-control')).toContain('no-store');
    expectProblem(await service.client().get('/t/c/nosuchtoken.0'), 404);
  });

  test('HSTS when the public URL is https', async () => {
    const secure = await startService({ config: { publicUrl: 'https://atrium.example.com' } });
    try {
      const reply = await secure.client().get('/healthz');
      expectSecurityHeaders(reply);
      expect(reply.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect(reply.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });
});
