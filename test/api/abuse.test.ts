import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { queryRows } from '../../src/db/connection.js';
import { passwordHashesComputed } from '../../src/features/auth/passwords.js';
import { redactLinkToken } from '../../src/features/team/routes.js';
import { hashToken } from '../../src/shared/secrets.js';
import { type Client, expectProblem, type Reply, uniqueEmail } from '../support/client.js';
import { addMember, invite, linkSentTo, tokenOf } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';

// Behind a proxy (trustProxy), so each test speaks from addresses of its own via X-Forwarded-For;
// requests without the header (the admins' sign-ups) come from 127.0.0.1.
const WINDOW = 60_000;
let service: TestService;
beforeAll(async () => {
  service = await startService({
    config: {
      trustProxy: true,
      anonymousLimits: { signup: { perIp: 10, windowMs: WINDOW }, links: { perIp: 5, windowMs: WINDOW } },
    },
  });
});
afterAll(() => service?.close());

const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
const acceptBody = {
  firstName: 'Ivy',
  lastName: 'Invitee',
  password: 'invitee password',
  marketingOptIn: false,
};
const bogus = 'x'.repeat(43);

function expectLimited(reply: Reply) {
  expectProblem(reply, 429, 'too_many_requests');
  expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(Number(reply.headers.get('retry-after'))).toBeLessThanOrEqual(WINDOW / 1000);
}

describe('invitation and password-reset links', () => {
  test('a made-up or used token is looked up first: a 404 or 410, and no password is hashed', async () => {
    const ip = '203.0.113.10';
    const anonymous = service.client();
    const before = passwordHashesComputed();
    expectProblem(
      await anonymous.post(`/api/invitations/${bogus}/accept`, acceptBody, from(ip)),
      404,
      'not_found',
    );
    expectProblem(
      await anonymous.post(`/api/password-resets/${bogus}`, { password: 'a new password' }, from(ip)),
      404,
      'not_found',
    );
    expect(passwordHashesComputed()).toBe(before);

    // A real link hashes once when used; used again, it is a 410 that hashes nothing.
    const admin = service.client();
    await admin.signup();
    const { token } = await invite(admin);
    const atAccept = passwordHashesComputed();
    expect((await anonymous.post(`/api/invitations/${token}/accept`, acceptBody, from(ip))).status).toBe(200);
    expect(passwordHashesComputed()).toBe(atAccept + 1);
    expectProblem(
      await service.client().post(`/api/invitations/${token}/accept`, acceptBody, from(ip)),
      410,
      'gone',
    );
    expect(passwordHashesComputed()).toBe(atAccept + 1);
  });

  test('past the limit, one client address gets 429 on every link route; other addresses do not', async () => {
    const ip = '203.0.113.20';
    const admin = service.client();
    await admin.signup();
    const { token } = await invite(admin);
    const anonymous = service.client();
    expectProblem(await anonymous.get(`/api/invitations/${bogus}`, from(ip)), 404);
    expectProblem(await anonymous.post(`/api/invitations/${bogus}/accept`, acceptBody, from(ip)), 404);
    expectProblem(await anonymous.get(`/api/password-resets/${bogus}`, from(ip)), 404);
    expectProblem(
      await anonymous.post(`/api/password-resets/${bogus}`, { password: 'new password' }, from(ip)),
      404,
    );
    const forgot = await anonymous.post('/api/password-resets', { email: uniqueEmail('nobody') }, from(ip));
    expect(forgot.status).toBe(202);

    const before = passwordHashesComputed();
    expectLimited(await anonymous.get(`/api/invitations/${bogus}`, from(ip)));
    expectLimited(
      await anonymous.post(`/api/password-resets/${bogus}`, { password: 'new password' }, from(ip)),
    );
    expectLimited(await anonymous.post('/api/password-resets', { email: uniqueEmail('nobody') }, from(ip)));
    // A real link too: the address is limited, not the token.
    expectLimited(await anonymous.post(`/api/invitations/${token}/accept`, acceptBody, from(ip)));
    expect(passwordHashesComputed()).toBe(before);

    // Another service process counts in the same rows.
    const sibling = await service.sibling();
    try {
      expectLimited(await sibling.client().get(`/api/password-resets/${bogus}`, from(ip)));
    } finally {
      await sibling.app.close();
    }
    // Another address is not limited, and the window passes.
    expectProblem(await anonymous.get(`/api/invitations/${bogus}`, from('198.51.100.20')), 404);
    service.clock.advance(WINDOW + 1000);
    expect((await anonymous.get(`/api/invitations/${token}`, from(ip))).status).toBe(200);
  });

  test('parallel requests from one address cannot slip under the limit', async () => {
    const ip = '203.0.113.30';
    const replies = await Promise.all(
      Array.from({ length: 12 }, () => service.client().get(`/api/password-resets/${bogus}`, from(ip))),
    );
    expect(replies.filter((r) => r.status === 404)).toHaveLength(5);
    expect(replies.filter((r) => r.status === 429)).toHaveLength(7);
  });
});

describe('sign-up', () => {
  const body = (email: string) => ({
    accountName: 'Acme',
    firstName: 'Ada',
    lastName: 'Admin',
    email,
    password: 'correct horse battery staple',
  });

  test('is limited per client address, taken addresses included; other addresses are not', async () => {
    const ip = '203.0.113.40';
    const { email: taken } = await service.client().signup();
    for (let i = 0; i < 5; i++) {
      expect((await service.client().post('/api/signup', body(uniqueEmail('new')), from(ip))).status).toBe(
        201,
      );
    }
    for (let i = 0; i < 5; i++) {
      expectProblem(await service.client().post('/api/signup', body(taken), from(ip)), 409, 'email_taken');
    }
    const before = passwordHashesComputed();
    expectLimited(await service.client().post('/api/signup', body(uniqueEmail('new')), from(ip)));
    expectLimited(await service.client().post('/api/signup', body(taken), from(ip)));
    expect(passwordHashesComputed()).toBe(before);
    expect(
      (await service.client().post('/api/signup', body(uniqueEmail('new')), from('198.51.100.40'))).status,
    ).toBe(201);
    service.clock.advance(WINDOW + 1000);
    expect((await service.client().post('/api/signup', body(uniqueEmail('new')), from(ip))).status).toBe(201);
  });

  test('a taken address costs the same password hash as a new one (no faster email_taken)', async () => {
    const ip = '203.0.113.50';
    const { email: taken } = await service.client().signup();
    const before = passwordHashesComputed();
    expectProblem(await service.client().post('/api/signup', body(taken), from(ip)), 409, 'email_taken');
    expect(passwordHashesComputed()).toBe(before + 1);
    // Whatever its case.
    expectProblem(
      await service.client().post('/api/signup', body(taken.toUpperCase()), from(ip)),
      409,
      'email_taken',
    );
    expect(passwordHashesComputed()).toBe(before + 2);
    expect((await service.client().post('/api/signup', body(uniqueEmail('new')), from(ip))).status).toBe(201);
    expect(passwordHashesComputed()).toBe(before + 3);
  });
});

describe('password-reset emails in the outbox', () => {
  type Listed = { to: string; kind: string; text: string; html: string | null; redacted: boolean };
  const resetTo = async (reader: Client, email: string) => {
    const items: Listed[] = (await reader.get('/api/outbox')).body.items;
    return items.filter((m) => m.to === email && m.kind === 'password_reset');
  };

  test('only the recipient reads one; a co-admin sees it listed, without its link', async () => {
    const admin = service.client();
    const { member } = await admin.signup();
    const co = await addMember(service, admin, { accountRole: 'account_admin' });
    expect((await admin.post(`/api/team-members/${co.id}/reset-password`)).status).toBe(202);
    // Forgot password, asked by anyone for the first admin's address.
    expect((await service.client().post('/api/password-resets', { email: member.email })).status).toBe(202);
    await expect.poll(async () => (await resetTo(co.client, member.email)).length).toBe(1);

    for (const [reader, email] of [
      [admin, co.email],
      [co.client, member.email],
    ] as const) {
      const [seen] = await resetTo(reader, email);
      expect(seen).toMatchObject({ redacted: true, html: null });
      expect(seen!.text).not.toMatch(/https?:\/\//);
      expect(seen!.text).toContain('atrium last-email');
    }
    const [own] = await resetTo(co.client, co.email);
    expect(own).toMatchObject({ redacted: false, html: expect.stringContaining('/reset-password/') });
    const token = tokenOf(own!.text.match(/https?:\/\/\S+/)![0]);
    expect((await service.client().get(`/api/password-resets/${token}`)).body.email).toBe(co.email);
    const mine = await linkSentTo(admin, member.email, 'password_reset');
    expect(mine).toMatch(/\/reset-password\//);

    // The token is stored only as its hash; the activity log holds neither.
    const rows = await queryRows<Record<string, unknown>>(
      service.database.db,
      sql`SELECT * FROM password_resets WHERE token_hash = ${hashToken(token)}`,
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    const activity = JSON.stringify((await admin.get('/api/account/activity?limit=200')).body);
    expect(activity).toContain('team_member.password_reset_requested');
    expect(activity).not.toContain(token);
    expect(activity).not.toContain(hashToken(token));
  });

  test('the request log shows a link route without its token', () => {
    expect(redactLinkToken(`/api/password-resets/${bogus}`)).toBe('/api/password-resets/[redacted]');
    expect(redactLinkToken(`/api/invitations/${bogus}/accept?x=1`)).toBe(
      '/api/invitations/[redacted]/accept?x=1',
    );
    expect(redactLinkToken('/api/password-resets')).toBe('/api/password-resets');
  });
});

describe('behind a proxy', () => {
  test('TRUST_PROXY=true believes one hop: an address the client writes into X-Forwarded-For does not dodge the limit', async () => {
    const config = loadConfig({ TRUST_PROXY: 'true' });
    expect(config.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
    expect(loadConfig({}).trustProxy).toBe(false);
    const proxied = await startService({
      config: {
        trustProxy: config.trustProxy,
        anonymousLimits: { signup: { perIp: 10, windowMs: WINDOW }, links: { perIp: 3, windowMs: WINDOW } },
      },
    });
    try {
      // The proxy appends the address it saw; the client wrote a new one before it each time.
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        const headers = { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.77` };
        statuses.push((await proxied.client().get(`/api/password-resets/${bogus}`, { headers })).status);
      }
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
    } finally {
      await proxied.close();
    }
  });
});
