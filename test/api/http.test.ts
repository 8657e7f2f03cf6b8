import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectProblem } from '../support/client.js';
import { startService, type TestService } from '../support/service.js';
import { path, setUpTrack } from '../support/track-v1.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

describe('errors are application/problem+json', () => {
  test('unknown route', async () => {
    const reply = await service.client().get('/api/nothing-here');
    expectProblem(reply, 404, 'not_found');
    expect(reply.body.detail).toBe('No route GET /api/nothing-here');
  });

  test('malformed JSON', async () => {
    const reply = await service.client().post('/api/signup', undefined, {
      raw: '{"accountName":',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(reply, 400, 'invalid_json');
  });

  test('unsupported content type', async () => {
    const reply = await service.client().post('/api/signup', undefined, {
      raw: 'accountName=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(reply, 415, 'unsupported_media_type');
    expect(reply.body.detail).toBe(
      'This route reads a body sent as application/json, not application/x-www-form-urlencoded: set the Content-Type header to application/json.',
    );
  });

  test('JSON sent as text/plain is refused naming the header; an empty text/plain body is no body', async () => {
    const client = service.client();
    const reply = await client.post('/api/signup', undefined, {
      raw: '{"accountName":"x"}',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    expectProblem(reply, 415, 'unsupported_media_type');
    expect(reply.body.detail).toBe(
      'This route reads a body sent as application/json, not text/plain: set the Content-Type header to application/json.',
    );
    // A CSV route names its own type.
    const { workspace } = await client.signup();
    const segment = await client.post(`/api/workspaces/${workspace.id}/segments`, {
      name: 'VIP',
      type: 'manual',
    });
    expect(segment.status, JSON.stringify(segment.body)).toBe(201);
    const csv = await client.post(
      `/api/workspaces/${workspace.id}/segments/${segment.body.id}/import`,
      undefined,
      {
        raw: 'email\na@example.com\n',
        headers: { 'content-type': 'text/plain' },
      },
    );
    expectProblem(csv, 415, 'unsupported_media_type');
    expect(csv.body.detail).toContain('a body sent as text/csv, not text/plain');
    // `fetch(url, {method: 'POST', body: ''})` sends text/plain with nothing in it.
    const logout = await client.delete('/api/session', {
      raw: '',
      headers: { 'content-type': 'text/plain' },
    });
    expect(logout.status, JSON.stringify(logout.body)).toBe(204);
  });

  test('a compressed body is refused naming Content-Encoding, not read as bad text', async () => {
    const { gzipSync } = await import('node:zlib');
    const reply = await service.client().post('/api/signup', undefined, {
      raw: gzipSync('{"accountName":"x"}'),
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expectProblem(reply, 415, 'unsupported_media_type');
    expect(reply.body.detail).toBe(
      'The body is compressed (Content-Encoding: gzip); this service reads bodies uncompressed: send it without Content-Encoding.',
    );
  });

  test('on the Track API an empty text/plain body is what an empty JSON body is: an identify with no attributes', async () => {
    const { track, headers } = await setUpTrack(service);
    expect((await track.identify('ada', { email: 'ada@example.com' })).status).toBe(200);
    const c = service.client();
    for (const type of ['application/json', 'text/plain']) {
      const reply = await c.put(path('ada'), undefined, {
        raw: '',
        headers: { ...headers, 'content-type': type },
      });
      expect(reply.status, `${type}: ${JSON.stringify(reply.body)}`).toBe(200);
    }
  });

  test('validation errors name each field with a JSON pointer', async () => {
    const client = service.client();
    await client.signup();
    const reply = await client.post('/api/workspaces', {
      name: 'X',
      settings: { identifiers: { email: 'yes' } },
    });
    expectProblem(reply, 400, 'invalid');
    expect(reply.body.errors).toEqual(
      expect.arrayContaining([
        { path: '/settings/identifiers/email', message: expect.any(String) },
        { path: '/settings/identifiers/id', message: expect.any(String) },
      ]),
    );
  });
});

describe('validation errors are in words, with the JSON pointer kept for clients', () => {
  test('blank, too short, not an email, missing: a sentence per field, and a detail that reads', async () => {
    const reply = await service.client().post('/api/signup', {
      accountName: '   ',
      firstName: 'Ada',
      email: 'not-an-address',
      password: 'short',
    });
    expectProblem(reply, 400, 'invalid');
    expect(reply.body.errors).toEqual(
      expect.arrayContaining([
        { path: '/accountName', message: 'can’t be blank' },
        { path: '/email', message: 'must be an email address' },
        { path: '/password', message: 'must be at least 8 characters' },
        { path: '/lastName', message: 'is required' },
      ]),
    );
    expect(reply.body.detail).toContain('Account name can’t be blank.');
    expect(reply.body.detail).toContain('Last name is required.');
    expect(reply.body.detail).not.toMatch(/must match|NOT have|\/accountName/);
  });

  test('an unknown field, a wrong type, a value out of a list', async () => {
    const client = service.client();
    const { workspace } = await client.signup();
    const reply = await client.post('/api/workspaces', {
      name: 'X',
      colour: 'red',
      settings: { sendMode: 'loud' },
    });
    expectProblem(reply, 400, 'invalid');
    const messages = (reply.body.errors as { path: string; message: string }[]).map((e) => e.message);
    expect(messages).toContain('is not a field this accepts');
    expect(messages.some((m) => m.startsWith('must be one of: '))).toBe(true);
    const typed = await client.get(`/api/workspaces/${workspace.id}/activity?limit=lots`);
    expectProblem(typed, 400, 'invalid');
    expect(typed.body.errors[0]).toEqual({ path: '/query/limit', message: 'must be a whole number' });
    const big = await client.get(`/api/workspaces/${workspace.id}/activity?limit=100000`);
    expect(big.body.errors[0].message).toMatch(/^must be \d+ or less$/);
  });

  test('a body that is not JSON says so in words', async () => {
    const reply = await service.client().post('/api/signup', undefined, {
      raw: '{"accountName":',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(reply, 400, 'invalid_json');
    expect(reply.body.detail).toBe('The request body is not valid JSON.');
  });
});

describe('API document', () => {
  test('GET /api/openapi.json is OpenAPI 3.1 and documents every API route with its access', async () => {
    const reply = await service.client().get('/api/openapi.json');
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe('3.1.0');
    const documented = Object.entries(
      reply.body.paths as Record<string, Record<string, { description?: string }>>,
    ).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    for (const route of [
      'POST /api/signup',
      'POST /api/session',
      'DELETE /api/session',
      'GET /api/me',
      'GET /api/account',
      'PATCH /api/account',
      'GET /api/workspaces',
      'POST /api/workspaces',
      'GET /api/workspaces/{workspaceId}',
      'PATCH /api/workspaces/{workspaceId}',
      'DELETE /api/workspaces/{workspaceId}',
      'GET /api/workspaces/{workspaceId}/settings',
      'PATCH /api/workspaces/{workspaceId}/settings',
      'GET /api/workspaces/{workspaceId}/access',
      'PUT /api/me/current-workspace',
      'GET /api/workspaces/{workspaceId}/activity',
      'GET /api/account/activity',
    ]) {
      expect(documented).toContain(route);
    }
    const create = reply.body.paths['/api/workspaces'].post;
    expect(create.description).toContain('workspaces.create');
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '409']));
  });

  test('GET /api/docs serves the reference page', async () => {
    const reply = await service.client().get('/api/docs/');
    expect(reply.status).toBe(200);
    expect(String(reply.body)).toContain('<html');
  });
});

describe('text that PostgreSQL cannot store', () => {
  test('a NUL character anywhere in the input is a 400 naming the field, never a 500', async () => {
    const client = service.client();
    const { workspace, member } = await client.signup();
    const nul = 'bad\u0000name';
    const cases = [
      client.post('/api/signup', {
        accountName: nul,
        firstName: 'A',
        lastName: 'B',
        email: 'nul@example.com',
        password: 'long enough',
      }),
      service.client().post('/api/session', { email: `a${nul}@example.com`, password: 'x' }),
      client.post('/api/workspaces', { name: nul }),
      client.patch(`/api/team-members/${member.id}`, { firstName: nul }),
      client.get(`/api/workspaces/${workspace.id}/activity?action=${encodeURIComponent(nul)}`),
      client.get(`/api/team-members/${encodeURIComponent(nul)}`),
      client.patch(`/api/workspaces/${workspace.id}/settings`, { testRecipientMemberId: nul }),
      client.post(`/api/workspaces/${workspace.id}/api-keys`, { kind: 'app', name: nul }),
    ];
    for (const reply of await Promise.all(cases)) {
      expectProblem(reply, 400, 'invalid');
      expect(reply.body.errors[0].message).toContain('NUL');
    }
  });

  test('half a surrogate pair (JSON "\\ud800" alone) is a 400 naming the field, never a 500', async () => {
    const client = service.client();
    const { workspace } = await client.signup();
    const key = (await client.post(`/api/workspaces/${workspace.id}/api-keys`, { kind: 'track' })).body;
    const authorization = `Basic ${Buffer.from(`${key.siteId}:${key.apiKey}`).toString('base64')}`;
    const cases = [
      client.post('/api/workspaces', { name: 'lone \udc00' }),
      client.put('/api/v1/customers/someone', { first_name: 'Ada \ud800' }, { headers: { authorization } }),
      client.post(`/api/workspaces/${workspace.id}/people`, { attributes: { 'k\ud83d': 1 } }),
    ];
    const [named, identified, created] = await Promise.all(cases);
    for (const [reply, path] of [
      [named, '/name'],
      [identified, '/first_name'],
      [created, '/attributes/k\ud83d'],
    ] as const) {
      expectProblem(reply!, 400, 'invalid');
      expect(reply!.body.errors[0]).toMatchObject({ path, message: expect.stringContaining('surrogate') });
    }
    // A whole pair is a character like any other.
    expect(
      (
        await client.put(
          '/api/v1/customers/someone',
          { first_name: 'Ada 🎉' },
          { headers: { authorization } },
        )
      ).status,
    ).toBe(200);
  });
});
