import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { expectProblem } from '../support/client.js';
import { startService, type TestService } from '../support/service.js';
import { expectTrackProblem, ok, path, setUpTrack } from '../support/track-v1.js';

// What the Track API takes as input, after an outside tester's report: email addresses (one
// address, never a header), bodies validated as sent (no type coercion), the limits on names and
// ids as documented, Customer.io's `_update`, UTF-8, and HTTP Basic as RFC 7617 reads it.

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

async function setUp() {
  const t = await setUpTrack(service);
  const c = service.client();
  const { headers } = t;
  return {
    ...t,
    post: (url: string, body: unknown) => c.post(url, body, { headers }),
    raw: (method: string, url: string, bytes: Uint8Array) =>
      c.request(method, url, undefined, {
        headers: { ...headers, 'content-type': 'application/json' },
        raw: bytes,
      }),
    people: () =>
      queryRows<{
        cio_id: string;
        id: string | null;
        email: string | null;
        attributes: Record<string, unknown>;
      }>(
        service.ctx.db,
        sql`SELECT cio_id, external_id AS id, email, attributes FROM people WHERE workspace_id = ${t.workspace.id} ORDER BY external_id`,
      ),
    events: () =>
      queryRows<{ name: string }>(
        service.ctx.db,
        sql`SELECT name FROM events WHERE workspace_id = ${t.workspace.id} ORDER BY name`,
      ),
  };
}

const NOT_ONE_ADDRESS = [
  'ada@example.com\r\nBcc: eve@example.net',
  'ada@example.com\nBcc: eve@example.net',
  'ada@example.com, eve@example.net',
  'Ada <ada@example.com>',
  'ada lovelace@example.com',
  'ada\u200b@example.com',
  'ada@',
];

describe('email addresses: one address, or a 400 and nothing written', () => {
  test('in an identify’s body, v1 and v2', async () => {
    const t = await setUp();
    for (const email of NOT_ONE_ADDRESS) {
      const v1 = await t.track.identify('ada', { email });
      expectTrackProblem(v1, 400, 'invalid');
      expect(v1.body.detail).toMatch(/email must be one email address/);
      const v2 = await t.post('/api/v2/entity', {
        type: 'person',
        identifiers: { id: 'ada' },
        action: 'identify',
        attributes: { email },
      });
      expect(v2.status, JSON.stringify(v2.body)).toBe(400);
      const byIdentifier = await t.post('/api/v2/entity', {
        type: 'person',
        identifiers: { email },
        action: 'identify',
      });
      expect(byIdentifier.status, JSON.stringify(byIdentifier.body)).toBe(400);
    }
    expect(await t.people()).toEqual([]);
    // An ordinary address, with + and subdomains, is one.
    expect((await t.track.identify('ada', { email: 'Ada.Lovelace+news@mail.example.co.uk' })).status).toBe(
      200,
    );
  });

  test('as the identifier in the path (an @ makes it an email while email is an identifier)', async () => {
    const t = await setUp();
    for (const email of NOT_ONE_ADDRESS) {
      const reply = await t.track.identify(email, { plan: 'pro' });
      expectTrackProblem(reply, 400, 'invalid');
      expect(reply.body.detail).toMatch(/is not one email address/);
    }
    expect(await t.people()).toEqual([]);
  });

  test('the App API holds people and team members to the same rule: an address in any script is one', async () => {
    const t = await setUp();
    const people = `/api/workspaces/${t.workspace.id}/people`;
    for (const email of NOT_ONE_ADDRESS) {
      expectProblem(await t.admin.post(people, { id: 'x', email }), 400, 'invalid');
      expectProblem(
        await t.admin.post('/api/team-members', { firstName: 'E', lastName: 'V', email }),
        400,
        'invalid',
      );
    }
    expect((await t.admin.post(people, { id: 'jorg', email: 'jörg@bücher.example' })).status).toBe(201);
    expect((await t.track.identify('jörg@bücher.example', { city: 'Köln' })).body.id).toBe('jorg');
  });

  test('in a form’s data, and in a batch (the bad operation reported, the good one kept)', async () => {
    const t = await setUp();
    const form = await t.post('/api/v1/forms/contact/submit', { data: { email: NOT_ONE_ADDRESS[0] } });
    expectTrackProblem(form, 400, 'invalid');
    const batch = await t.post('/api/v2/batch', {
      batch: [
        {
          type: 'person',
          identifiers: { id: 'bad' },
          action: 'identify',
          attributes: { email: NOT_ONE_ADDRESS[2] },
        },
        {
          type: 'person',
          identifiers: { id: 'good' },
          action: 'identify',
          attributes: { email: 'good@example.com' },
        },
      ],
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(207);
    expect(batch.body.errors).toEqual([
      expect.objectContaining({ batch_index: 0, reason: 'invalid', field: 'attributes.email' }),
    ]);
    expect((await t.people()).map((p) => p.email)).toEqual(['good@example.com']);
  });
});

describe('bodies are validated as sent: no value is coerced to the type a schema asks for', () => {
  test('merge_customers with an id given as a list or a boolean merges nobody', async () => {
    const t = await setUp();
    expect((await t.track.identify('1', {})).status).toBe(200);
    expect((await t.track.identify('true', {})).status).toBe(200);
    for (const body of [
      { primary: { id: ['1'] }, secondary: { id: 'true' } },
      { primary: { id: '1' }, secondary: { id: true } },
    ]) {
      const reply = await t.post('/api/v1/merge_customers', body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(400);
    }
    expect((await t.people()).map((p) => p.id)).toEqual(['1', 'true']);
  });

  test('a segment’s ids as nested lists, an event time as text: 400', async () => {
    const t = await setUp();
    await t.track.identify('42', {});
    const segment = await t.admin.post(`/api/workspaces/${t.workspace.id}/segments`, {
      name: 'Manual',
      type: 'manual',
    });
    expect(segment.status).toBe(201);
    const added = await t.post(`/api/v1/segments/${segment.body.id}/add_customers`, { ids: [['42']] });
    expect(added.status, JSON.stringify(added.body)).toBe(400);
    expectTrackProblem(await t.track.event('42', { name: 'a', timestamp: '1700000000' }), 400, 'invalid');
    expectTrackProblem(await t.track.event('42', { name: 7 }), 400, 'invalid');
    expect(await t.events()).toEqual([]);
    // The App API's bodies too; its query strings are still read as numbers and lists.
    const mode = await t.admin.patch(`/api/workspaces/${t.workspace.id}/settings`, { sendMode: ['normal'] });
    expectProblem(mode, 400, 'invalid');
    expect((await t.admin.get(`/api/workspaces/${t.workspace.id}/people?limit=1`)).status).toBe(200);
  });
});

test('a value that fits none of a union’s forms is refused with one plain error, not one per form', async () => {
  const t = await setUp();
  const merge = await t.post('/api/v1/merge_customers', { primary: { id: {} }, secondary: { id: '1' } });
  expectTrackProblem(merge, 400, 'invalid');
  expect(merge.body.errors).toEqual([{ path: '/primary/id', message: 'must be text or a number' }]);
  expect(merge.body.detail).toBe('Id must be text or a number.');
  // An email or nothing: text that is no address is told what it must be.
  const sender = await t.admin.patch(`/api/workspaces/${t.workspace.id}/settings`, { senderAddress: 'abc' });
  expectProblem(sender, 400, 'invalid');
  expect(sender.body.errors).toEqual([{ path: '/senderAddress', message: 'must be an email address' }]);
});

describe('names and ids within Customer.io’s limits, v1 as v2', () => {
  const url = (bytes: number) => `https://example.com/${'p'.repeat(bytes - 20)}`;

  test('a page view’s name is its URL, up to 1000 bytes; an event’s or a screen’s name up to 100', async () => {
    const t = await setUp();
    await t.track.identify('ada', {});
    expect(url(1000)).toHaveLength(1000);
    ok(await t.track.event('ada', { type: 'page', name: url(1000) }));
    expectTrackProblem(await t.track.event('ada', { type: 'page', name: url(1001) }), 400, 'invalid');
    ok(await t.track.event('ada', { name: 'e'.repeat(100) }));
    const long = await t.track.event('ada', { name: 'e'.repeat(101) });
    expectTrackProblem(long, 400, 'invalid');
    expect(long.body.detail).toMatch(/event name cannot be longer than 100 bytes/);
    const v2 = (action: string, name: string) =>
      t.post('/api/v2/entity', { type: 'person', identifiers: { id: 'ada' }, action, name });
    expect((await v2('page', url(1000))).status).toBe(200);
    expect((await v2('page', url(1001))).status).toBe(400);
    expect((await v2('screen', 's'.repeat(100))).status).toBe(200);
    expect((await v2('screen', 's'.repeat(101))).status).toBe(400);
  });

  test('a new person named by one id with another id in the body is refused, as for someone who exists', async () => {
    const t = await setUp();
    const created = await t.track.identify('dup', { id: 'other' });
    expectProblem(created, 400, 'identifier_required');
    expect(created.body.detail).toMatch(/differs from the id that names this new person/);
    const byEmail = await t.track.identify('ada@example.com', { email: 'bob@example.com' });
    expectProblem(byEmail, 400, 'identifier_required');
    expect(await t.people()).toEqual([]);
    // The same value (an email in another case too) is no second identifier.
    expect((await t.track.identify('dup', { id: 'dup' })).status).toBe(200);
    expect((await t.track.identify('cy@example.com', { email: 'CY@example.com' })).status).toBe(200);
  });

  test('a blank identifier in the path is a 400, not a person whose id is a space', async () => {
    const t = await setUp();
    for (const blank of [' ', '  ', '\t'])
      expectTrackProblem(await t.track.identify(blank, { plan: 'pro' }), 400, 'invalid');
    expect(await t.people()).toEqual([]);
  });

  test('v1 refuses an id over 150 bytes, in the body or the path, as v2 does', async () => {
    const t = await setUp();
    const id = 'i'.repeat(151);
    const inBody = await t.track.identify('cio_nobody', { id });
    expectTrackProblem(inBody, 400, 'invalid');
    expect(inBody.body.detail).toMatch(/id cannot be longer than 150 bytes/);
    expectTrackProblem(await t.track.identify(id, {}), 400, 'invalid');
    expect(await t.people()).toEqual([]);
    expect((await t.track.identify('i'.repeat(150), {})).status).toBe(200);
  });
});

describe('numbers JSON cannot carry exactly, and ids a segment call names', () => {
  const text = (s: string) => new TextEncoder().encode(s);

  test('an id past 2^53 as a number is a 400 (it would name someone else), as text it is kept whole', async () => {
    const t = await setUp();
    const big = await t.raw('PUT', path('cio_nobody'), text('{"id":12345678901234567890}'));
    expectTrackProblem(big, 400, 'invalid');
    expect(big.body.detail).toMatch(/send larger ids as text/);
    expectTrackProblem(await t.track.identify('x', { id: 1.5 }), 400, 'invalid');
    expect((await t.track.identify('12345678901234567890', {})).body.id).toBe('12345678901234567890');
    const segment = await t.admin.post(`/api/workspaces/${t.workspace.id}/segments`, {
      name: 'Manual',
      type: 'manual',
    });
    const add = (body: string, idType = 'id') =>
      t.raw('POST', `/api/v1/segments/${segment.body.id}/add_customers?id_type=${idType}`, text(body));
    expectTrackProblem(await add('{"ids":[12345678901234567899]}'), 400, 'invalid');
    expect((await t.people()).map((p) => p.id)).toEqual(['12345678901234567890']);
  });

  test('a number that reads as infinity is a 400 naming where, not stored as null', async () => {
    const t = await setUp();
    const v1 = await t.raw('PUT', path('ada'), text('{"plan":"pro","big":1e309}'));
    expectTrackProblem(v1, 400, 'invalid');
    expect(v1.body.errors).toEqual([{ path: '/big', message: expect.stringMatching(/too large/) }]);
    const v2 = await t.raw(
      'POST',
      '/api/v2/entity',
      text('{"type":"person","identifiers":{"id":"ada"},"action":"identify","attributes":{"v":-1e999}}'),
    );
    expect(v2.status).toBe(400);
    expect(await t.people()).toEqual([]);
    // A big number that is finite, and 1e309 as text, are values like any other.
    expect((await t.raw('PUT', path('ada'), text('{"big":1e308,"s":"1e309"}'))).status).toBe(200);
  });

  test('add_customers holds its ids to the identifier rules: one email address, an id of 150 bytes', async () => {
    const t = await setUp();
    const segment = await t.admin.post(`/api/workspaces/${t.workspace.id}/segments`, {
      name: 'Manual',
      type: 'manual',
    });
    const add = (ids: unknown[], idType: string) =>
      t.post(`/api/v1/segments/${segment.body.id}/add_customers?id_type=${idType}`, { ids });
    const email = await add(['ada@example.com', NOT_ONE_ADDRESS[0]], 'email');
    expectTrackProblem(email, 400, 'invalid');
    expect(email.body.errors[0].path).toBe('/ids/1');
    expectTrackProblem(await add(['i'.repeat(151)], 'id'), 400, 'invalid');
    expectTrackProblem(await add([42], 'email'), 400, 'invalid');
    ok(await add(['ada@example.com'], 'email'));
    ok(await add(['i'.repeat(150), 42], 'id'));
  });
});

describe('Customer.io’s _update: update someone who exists, create nobody', () => {
  test('names nobody: 200 {} and nobody is created; names someone: updated; never an attribute', async () => {
    const t = await setUp();
    ok(await t.track.identify('ghost', { _update: true, plan: 'pro' }));
    expect(await t.people()).toEqual([]);
    await t.track.identify('ada', { plan: 'free' });
    const updated = await t.track.identify('ada', { _update: true, plan: 'pro' });
    expect(updated.status).toBe(200);
    await t.track.identify('bob', { _update: false });
    expect((await t.people()).map((p) => [p.id, p.attributes])).toEqual([
      ['ada', { plan: 'pro' }],
      ['bob', {}],
    ]);
    expectTrackProblem(await t.track.identify('ada', { _update: 'yes' }), 400, 'invalid');
    const v2 = await t.post('/api/v2/entity', {
      type: 'person',
      identifiers: { id: 'ghost' },
      action: 'identify',
      attributes: { _update: true },
    });
    expect(v2.status).toBe(200);
    expect(await t.people()).toHaveLength(2);
  });
});

describe('bytes and credentials', () => {
  test('a body that is not UTF-8 is refused (400), not stored with U+FFFD in it', async () => {
    const t = await setUp();
    const body = Buffer.concat([Buffer.from('{"plan":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const reply = await t.raw('PUT', path('ada'), body);
    expectProblem(reply, 400, 'invalid_json');
    expect(reply.body.detail).toMatch(/UTF-8/);
    expect(await t.people()).toEqual([]);
    // Real UTF-8, a byte order mark before it too, is text.
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"city":"Zürich"}')]);
    expect((await t.raw('PUT', path('ada'), bom)).status).toBe(200);
    expect((await t.people())[0]!.attributes).toEqual({ city: 'Zürich' });
  });

  test('Basic credentials: the password is everything after the first colon', async () => {
    const t = await setUp();
    const [siteId, apiKey] = Buffer.from(t.headers.authorization.slice(6), 'base64').toString().split(':');
    const basic = (pair: string) => ({ authorization: `Basic ${Buffer.from(pair).toString('base64')}` });
    const c = service.client();
    expect((await c.put(path('ada'), {}, { headers: basic(`${siteId}:${apiKey}:extra`) })).status).toBe(401);
    expect((await c.put(path('ada'), {}, { headers: basic(`${siteId}:${apiKey}`) })).status).toBe(200);
  });

  test('a refusal names its field in the detail, which is all Customer.io’s clients show', async () => {
    const t = await setUp();
    const nul = await t.track.identify('ada', { plan: 'p\u0000ro' });
    expectTrackProblem(nul, 400, 'invalid');
    expect(nul.body.detail).toBe('/plan must not contain a NUL character (\\u0000)');
    const proto = await t.raw('PUT', path('ada'), new TextEncoder().encode('{"__proto__":{"x":1}}'));
    expectProblem(proto, 400, 'invalid_json');
    expect(proto.body.detail).toMatch(/field named __proto__/);
  });

  test('fields Customer.io ignores on an event are ignored', async () => {
    const t = await setUp();
    await t.track.identify('ada', {});
    ok(await t.track.event('ada', { name: 'opened', context: { ip: '203.0.113.9' }, messageId: 'x' }));
    expect(await t.events()).toEqual([{ name: 'opened' }]);
  });
});
