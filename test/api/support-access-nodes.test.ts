import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { issueSignInLink } from '../../src/features/support/sessions.js';
import { addMember } from '../support/members.js';
import { msUntilMe, startOtherNode } from '../support/other-node.js';
import { startService, type TestService } from '../support/service.js';

// Revoking a grant ends its sessions on every node within a second: the support_grants and
// support_sessions triggers NOTIFY the account (db/functions/atrium_access_changed.sql), and every
// process drops what it cached of it. Two processes on one PostgreSQL: this test's service, and
// `atrium serve` started from source, as in session-cache.test.ts.

let service: TestService;
const cookieOf = (client: { cookies: Map<string, string> }) =>
  [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

describe.skipIf(!process.env.DATABASE_URL)('support access on two nodes', () => {
  let child: ChildProcess | undefined;
  let other: string;
  beforeAll(async () => {
    service = await startService();
    ({ url: other, child } = await startOtherNode(service));
  }, 90_000);
  afterAll(async () => {
    child?.kill('SIGTERM');
    await service?.close();
  });
  const untilOther = (
    cookie: string,
    until: (status: number, body: { supportSignedInUntil?: unknown }) => boolean,
  ) => msUntilMe(other, cookie, until);

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
