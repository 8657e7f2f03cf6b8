import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { issueSignInLink } from '../../src/features/support/sessions.js';
import { addMember } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';

// Revoking a grant ends its sessions on every node within a second: the support_grants and
// support_sessions triggers NOTIFY the account (db/functions/atrium_access_changed.sql), and every
// process drops what it cached of it. Two processes on one PostgreSQL: this test's service, and
// `atrium serve` started from source, as in session-cache.test.ts.

let service: TestService;
const cookieOf = (client: { cookies: Map<string, string> }) =>
  [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

describe.skipIf(!process.env.DATABASE_URL)('support access on two nodes', () => {
  let child: ChildProcess;
  let other: string;
  beforeAll(async () => {
    service = await startService();
    const target = service.config.database as { url: string };
    const port = 20_000 + ((process.pid + 7919) % 20_000);
    child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: target.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    other = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`${other}/healthz`)).ok) return;
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the second process did not start');
  }, 90_000);
  afterAll(async () => {
    child?.kill('SIGTERM');
    await service?.close();
  });

  /** Milliseconds until GET /api/me on the other process answers `until`, polling every 10 ms. */
  async function untilOther(
    cookie: string,
    until: (status: number, body: { supportSignedInUntil?: unknown }) => boolean,
  ) {
    const started = performance.now();
    for (;;) {
      const reply = await fetch(`${other}/api/me`, { headers: { cookie } });
      if (until(reply.status, (await reply.json()) as { supportSignedInUntil?: unknown }))
        return performance.now() - started;
      if (performance.now() - started > 5000) throw new Error('the other process never saw the change');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  test('a started session shows in the banner there, and a revoke ends it there, each within 1 s', async () => {
    const admin = service.client();
    const { workspace } = await admin.signup();
    const member = await addMember(service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer' }],
    });
    const memberCookie = cookieOf(member.client);
    // Warm the other process's cache of the member: no banner yet.
    expect(
      await untilOther(memberCookie, (s, b) => s === 200 && b.supportSignedInUntil === null),
    ).toBeLessThan(1000);

    const made = await admin.post('/api/account/support-grants', {
      workspaceIds: 'all',
      role: 'viewer',
      hideAttributes: false,
      expiresAt: new Date(service.clock.now().getTime() + 60 * 60 * 1000).toISOString(),
      reason: 'ticket 123',
    });
    expect(made.status).toBe(201);
    const { link } = await issueSignInLink(service.ctx, {
      grantId: made.body.id,
      agent: 'sam@operator',
      reason: 'x',
    });
    const agent = service.client();
    expect((await agent.post('/api/support/sign-in', { token: new URL(link).hash.slice(1) })).status).toBe(
      200,
    );
    const bannerMs = await untilOther(
      memberCookie,
      (s, b) => s === 200 && typeof b.supportSignedInUntil === 'string',
    );
    expect(bannerMs).toBeLessThan(1000);

    const agentCookie = cookieOf(agent);
    expect(await untilOther(agentCookie, (s) => s === 200)).toBeLessThan(1000); // cached there now
    expect((await admin.delete(`/api/account/support-grants/${made.body.id}`)).status).toBe(204);
    const revokeMs = await untilOther(agentCookie, (s) => s === 401);
    expect(revokeMs).toBeLessThan(1000);
    expect(
      await untilOther(memberCookie, (s, b) => s === 200 && b.supportSignedInUntil === null),
    ).toBeLessThan(1000);
    console.log(
      `support access on two nodes: banner after ${bannerMs.toFixed(0)} ms, revoke after ${revokeMs.toFixed(0)} ms`,
    );
  });
});
