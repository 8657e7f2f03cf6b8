import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectProblem, uniqueEmail } from '../support/client.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

describe('POST /api/signup', () => {
  test('creates the account, its first workspace named after it, and the caller as Account Admin, signed in', async () => {
    const client = service.client();
    const { account, member, workspace, email } = await client.signup({ accountName: 'Ami Academy' });
    expect(account).toMatchObject({
      id: expect.stringMatching(/^acc_/),
      name: 'Ami Academy',
      plan: 'premium',
    });
    expect(member).toMatchObject({
      id: expect.stringMatching(/^mem_/),
      email,
      accountRole: 'account_admin',
      status: 'active',
    });
    expect(workspace).toMatchObject({
      id: expect.stringMatching(/^ws_/),
      name: 'Ami Academy',
      current: true,
    });

    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      member: { id: member.id, email },
      account: { id: account.id, name: 'Ami Academy' },
      workspaces: [{ id: workspace.id, name: 'Ami Academy', role: 'workspace_admin', hideAttributes: false }],
      currentWorkspaceId: workspace.id,
      csrfToken: expect.any(String),
    });
  });

  test('new accounts send emails to a test address: the creator’s', async () => {
    const client = service.client();
    const { member, workspace, email } = await client.signup();
    const settings = await client.get(`/api/workspaces/${workspace.id}/settings`);
    expect(settings.body).toEqual({
      sendMode: 'test',
      testRecipientMemberId: member.id,
      testRecipientEmail: email,
      openTracking: true,
      senderAddress: null,
      identifiers: { email: true, id: true },
      allowEmailUpdateById: true,
      processingState: 'ready',
    });
  });

  test('an email belongs to one account only, whatever its case', async () => {
    const email = uniqueEmail('taken');
    await service.client().signup({ email });
    const again = await service.client().post('/api/signup', {
      accountName: 'Other',
      firstName: 'Bo',
      lastName: 'B',
      email: email.toUpperCase(),
      password: 'long enough password',
    });
    expectProblem(again, 409, 'email_taken');
    expect(again.body.errors).toEqual([{ path: '/email', message: expect.any(String) }]);
  });

  test('bad input is refused with every field that is wrong', async () => {
    const reply = await service.client().post('/api/signup', {
      accountName: '',
      firstName: 'Bo',
      email: 'not-an-email',
      password: 'short',
      plan: 'platinum',
      extra: true,
    });
    expectProblem(reply, 400, 'invalid');
    const paths = reply.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(
      expect.arrayContaining(['/accountName', '/email', '/extra', '/lastName', '/password', '/plan']),
    );
  });

  test('two sign-ups with one email at once: exactly one account', async () => {
    const email = uniqueEmail('race');
    const body = {
      accountName: 'Race',
      firstName: 'R',
      lastName: 'R',
      email,
      password: 'long enough password',
    };
    const replies = await Promise.all([1, 2, 3].map(() => service.client().post('/api/signup', body)));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });
});

describe('plans and limits', () => {
  test('the free plan allows one workspace; a second is a 409 naming the limit and the plan', async () => {
    const client = service.client();
    await client.signup({ plan: 'free' });
    const reply = await client.post('/api/workspaces', { name: 'Second' });
    expectProblem(reply, 409, 'limit_reached');
    expect(reply.body).toMatchObject({ limit: 'workspaces', plan: 'free', max: 1, current: 1 });
    expect(reply.body.detail).toContain('The Free plan allows 1 workspace and this account has 1.');
  });

  test('essentials allows two workspaces, premium has no workspace limit', async () => {
    const essentials = service.client();
    await essentials.signup({ plan: 'essentials' });
    expect((await essentials.post('/api/workspaces', { name: 'Two' })).status).toBe(201);
    expectProblem(await essentials.post('/api/workspaces', { name: 'Three' }), 409, 'limit_reached');

    const premium = service.client();
    await premium.signup({ plan: 'premium' });
    for (const name of ['Two', 'Three', 'Four'])
      expect((await premium.post('/api/workspaces', { name })).status).toBe(201);
  });

  test('GET /api/account shows the plan, its limits and the usage', async () => {
    const client = service.client();
    await client.signup({ plan: 'team' });
    const account = await client.get('/api/account');
    expect(account.body).toMatchObject({
      plan: 'team',
      limits: { workspaces: 10, teamMembers: 10 },
      usage: { workspaces: 1, teamMembers: 1 },
    });
  });

  test('GET /api/plans names each plan with its limits, as the limits checks apply them', async () => {
    const reply = await service.client().get('/api/plans');
    expect(reply.status).toBe(200);
    expect(reply.body.items).toEqual([
      { name: 'free', label: 'Free', selfService: true, limits: { workspaces: 1, teamMembers: 1 } },
      {
        name: 'essentials',
        label: 'Essentials',
        selfService: true,
        limits: { workspaces: 2, teamMembers: 300 },
      },
      {
        name: 'premium',
        label: 'Premium',
        selfService: true,
        limits: { workspaces: null, teamMembers: 300 },
      },
      { name: 'team', label: 'Team', selfService: true, limits: { workspaces: 10, teamMembers: 10 } },
      { name: 'custom', label: 'Custom', selfService: false, limits: null },
    ]);
  });

  test('changing plan: self-service plans only, and no plan the account already outgrew', async () => {
    const client = service.client();
    const { account } = await client.signup({ plan: 'premium' });
    await client.post('/api/workspaces', { name: 'B' });
    await client.post('/api/workspaces', { name: 'C' });

    const downgrade = await client.patch('/api/account', { plan: 'essentials' });
    expectProblem(downgrade, 409, 'limit_reached');
    expect(downgrade.body).toMatchObject({ limit: 'workspaces', plan: 'essentials', max: 2, current: 3 });

    // Custom limits are the operator's (atrium set-plan), not something an account sets itself.
    expectProblem(await client.patch('/api/account', { plan: 'custom' }), 400, 'invalid');
    expectProblem(
      await client.patch('/api/account', {
        plan: 'custom',
        customLimits: { workspaces: 100, teamMembers: 900 },
      }),
      400,
      'invalid',
    );
    const { setPlan } = await import('../../src/features/accounts/service.js');
    const custom = await setPlan(service.ctx, account.id, 'custom', { workspaces: 4, teamMembers: 5 });
    expect(custom).toMatchObject({ plan: 'custom', limits: { workspaces: 4, teamMembers: 5 } });
    expect((await client.post('/api/workspaces', { name: 'D' })).status).toBe(201);
    expectProblem(await client.post('/api/workspaces', { name: 'E' }), 409, 'limit_reached');

    const renamed = await client.patch('/api/account', { name: 'Renamed Inc' });
    expect(renamed.body.name).toBe('Renamed Inc');
  });

  test('sign-up cannot choose the custom plan (it would have no limits)', async () => {
    const reply = await service.client().post('/api/signup', {
      accountName: 'Greedy',
      firstName: 'G',
      lastName: 'G',
      email: `greedy.${Date.now()}@example.com`,
      password: 'long enough password',
      plan: 'custom',
    });
    expectProblem(reply, 400, 'invalid');
    expect(reply.body.errors[0].path).toBe('/plan');
  });

  test('parallel workspace creates at limit − 1: exactly one succeeds', async () => {
    const client = service.client();
    await client.signup({ plan: 'team' });
    // The account has 1 workspace; bring it to 9 of 10.
    for (let i = 2; i <= 9; i++)
      expect((await client.post('/api/workspaces', { name: `W${i}` })).status).toBe(201);
    const attempts = 12;
    const replies = await Promise.all(
      Array.from({ length: attempts }, (_, i) => client.post('/api/workspaces', { name: `Race ${i}` })),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(attempts - 1);
    expect((await client.get('/api/account')).body.usage.workspaces).toBe(10);
  });
});
