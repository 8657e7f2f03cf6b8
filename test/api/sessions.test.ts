import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectProblem } from '../support/client.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const login = (email: string, password: string, headers?: Record<string, string>) =>
  service.client().post('/api/session', { email, password }, { headers });

describe('log in and out', () => {
  test('the session cookie is HttpOnly and SameSite=Lax; the csrf cookie is readable', async () => {
    const { email, password } = await service.client().signup();
    const reply = await login(email, password);
    expect(reply.status).toBe(200);
    const cookies = reply.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('atrium_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).not.toMatch(/Secure/i);
    const csrf = cookies.find((c) => c.startsWith('csrf='))!;
    expect(csrf).not.toMatch(/HttpOnly/i);
  });

  test('emails are matched whatever their case; a wrong password or unknown email is a 401', async () => {
    const { email, password } = await service.client().signup();
    expect((await login(email.toUpperCase(), password)).status).toBe(200);
    expectProblem(await login(email, 'wrong password'), 401, 'invalid_credentials');
    expectProblem(await login('nobody@example.com', password), 401, 'invalid_credentials');
  });

  test('without a session every member route is a 401', async () => {
    const anonymous = service.client();
    for (const path of ['/api/me', '/api/workspaces', '/api/account', '/api/account/activity']) {
      expectProblem(await anonymous.get(path), 401, 'unauthenticated');
    }
    expectProblem(await anonymous.post('/api/workspaces', { name: 'X' }), 401, 'unauthenticated');
  });

  test('logging out ends the session: the same cookie is refused afterwards', async () => {
    const client = service.client();
    await client.signup();
    const stolen = new Map(client.cookies);
    expect((await client.delete('/api/session')).status).toBe(204);
    expect(client.cookies.has('atrium_session')).toBe(false);
    const replay = service.client();
    for (const [k, v] of stolen) replay.cookies.set(k, v);
    expectProblem(await replay.get('/api/me'), 401, 'unauthenticated');
  });

  test('sessions live in the database: another service process on it honours them', async () => {
    const client = service.client();
    const { member } = await client.signup();
    const sibling = await service.sibling();
    try {
      const elsewhere = sibling.client();
      for (const [k, v] of client.cookies) elsewhere.cookies.set(k, v);
      expect((await elsewhere.get('/api/me')).body.member.id).toBe(member.id);
      // …and a logout there is a logout here.
      expect((await elsewhere.delete('/api/session')).status).toBe(204);
      expectProblem(await client.get('/api/me'), 401, 'unauthenticated');
    } finally {
      await sibling.app.close();
    }
  });

  test('a session expires after its lifetime', async () => {
    const client = service.client();
    await client.signup();
    service.clock.advance(service.config.sessionTtlMs + 1000);
    expectProblem(await client.get('/api/me'), 401, 'unauthenticated');
  });
});

describe('CSRF', () => {
  test('a cookie-authenticated state change needs the session’s token in x-csrf-token', async () => {
    const client = service.client();
    await client.signup();
    expectProblem(
      await client.post('/api/workspaces', { name: 'No token' }, { csrf: false }),
      403,
      'csrf_token_invalid',
    );
    expectProblem(
      await client.post(
        '/api/workspaces',
        { name: 'Bad token' },
        { csrf: false, headers: { 'x-csrf-token': 'forged' } },
      ),
      403,
      'csrf_token_invalid',
    );
    // Nothing was written.
    expect((await client.get('/api/workspaces')).body.items).toHaveLength(1);
    const token = (await client.get('/api/me')).body.csrfToken;
    expect(token).toBe(client.cookies.get('csrf'));
    expect((await client.post('/api/workspaces', { name: 'With token' })).status).toBe(201);
  });

  test('another session’s token does not do', async () => {
    const alice = service.client();
    const bob = service.client();
    await alice.signup();
    await bob.signup();
    const reply = await alice.post(
      '/api/workspaces',
      { name: 'Cross' },
      { csrf: false, headers: { 'x-csrf-token': bob.cookies.get('csrf')! } },
    );
    expectProblem(reply, 403, 'csrf_token_invalid');
  });
});

describe('login rate limits, counted in the database', () => {
  test('the 11th wrong password for one email within the window is a 429, even with the right password', async () => {
    const { email, password } = await service.client().signup();
    for (let i = 1; i <= 10; i++) expectProblem(await login(email, `wrong ${i}`), 401, 'invalid_credentials');
    const limited = await login(email, 'wrong 11');
    expectProblem(limited, 429, 'too_many_requests');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expectProblem(await login(email, password), 429, 'too_many_requests');
    // Another process shares the counter.
    const sibling = await service.sibling();
    try {
      const reply = await sibling.client().post('/api/session', { email, password });
      expectProblem(reply, 429, 'too_many_requests');
    } finally {
      await sibling.app.close();
    }
    // After the window, the right password works again.
    service.clock.advance(service.config.loginLimits.windowMs + 1000);
    expect((await login(email, password)).status).toBe(200);
  });

  test('parallel guesses cannot slip under the limit', async () => {
    const { email } = await service.client().signup();
    const replies = await Promise.all(Array.from({ length: 25 }, (_, i) => login(email, `guess ${i}`)));
    expect(replies.filter((r) => r.status === 401)).toHaveLength(10);
    expect(replies.filter((r) => r.status === 429)).toHaveLength(15);
  });

  test('a successful login clears the email’s failures', async () => {
    const { email, password } = await service.client().signup();
    for (let i = 0; i < 9; i++) await login(email, 'wrong');
    expect((await login(email, password)).status).toBe(200);
    for (let i = 0; i < 9; i++) expectProblem(await login(email, 'wrong'), 401);
  });
});

describe('rate limit per client address', () => {
  let proxied: TestService;
  beforeAll(async () => {
    proxied = await startService({
      config: { trustProxy: true, loginLimits: { perEmail: 10, perIp: 20, windowMs: 60_000 } },
    });
  });
  afterAll(() => proxied?.close());

  test('many emails from one address hit the per-address limit; another address is unaffected', async () => {
    const attempt = (i: number, ip: string) =>
      proxied
        .client()
        .post(
          '/api/session',
          { email: `x${i}@example.com`, password: 'p' },
          { headers: { 'x-forwarded-for': ip } },
        );
    for (let i = 0; i < 20; i++) expectProblem(await attempt(i, '203.0.113.7'), 401);
    expectProblem(await attempt(99, '203.0.113.7'), 429, 'too_many_requests');
    expectProblem(await attempt(100, '198.51.100.1'), 401, 'invalid_credentials');
  });
});

describe('Secure cookies behind TLS', () => {
  let tls: TestService;
  beforeAll(async () => {
    tls = await startService({ config: { publicUrl: 'https://atrium.example.com' } });
  });
  afterAll(() => tls?.close());

  test('with an https PUBLIC_URL the cookies are Secure', async () => {
    const reply = await tls.client().post('/api/signup', {
      accountName: 'TLS',
      firstName: 'T',
      lastName: 'L',
      email: `tls.${Date.now()}@example.com`,
      password: 'long enough password',
    });
    expect(reply.status).toBe(201);
    for (const cookie of reply.headers.getSetCookie()) expect(cookie).toMatch(/;\s*Secure/i);
  });
});

describe('housekeeping', () => {
  test('expired sessions and closed rate-limit windows are deleted; live ones stay', async () => {
    const { deleteExpiredSessions } = await import('../../src/features/auth/service.js');
    const { sql } = await import('drizzle-orm');
    const { queryRows } = await import('../../src/db/connection.js');
    const count = async () =>
      Number(
        (
          await queryRows<{ n: number }>(
            service.ctx.db,
            sql`SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM rate_limits) AS n`,
          )
        )[0]!.n,
      );
    const old = service.client();
    await old.signup();
    await login('nobody@example.com', 'x');
    expect(await count()).toBeGreaterThan(0);
    service.clock.advance(service.config.sessionTtlMs + 2 * 24 * 60 * 60 * 1000);
    const fresh = service.client();
    await fresh.signup();
    expect(await deleteExpiredSessions(service.ctx)).toBeGreaterThan(0);
    expect((await fresh.get('/api/me')).status).toBe(200);
  });
});

test('using a session extends it, and its cookies say so', async () => {
  const client = service.client();
  await client.signup();
  service.clock.advance(2 * 60 * 60 * 1000);
  const reply = await client.get('/api/me');
  const cookie = reply.headers.getSetCookie().find((c) => c.startsWith('atrium_session='));
  expect(cookie).toBeDefined();
  const expires = new Date(cookie!.match(/Expires=([^;]+)/i)![1]!);
  expect(expires.getTime()).toBeGreaterThan(
    service.clock.now().getTime() + service.config.sessionTtlMs - 60_000,
  );
  // Past the first lifetime, the session lives on.
  service.clock.advance(service.config.sessionTtlMs - 60 * 60 * 1000);
  expect((await client.get('/api/me')).status).toBe(200);
});
