import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { latestEmailTo } from '../../src/features/mail/store.js';
import { hashToken } from '../../src/shared/secrets.js';
import { type Client, expectProblem, uniqueEmail } from '../support/client.js';
import { addMember, linkInOutboxTable, linkSentTo, tokenOf } from '../support/members.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const HOUR = 60 * 60 * 1000;
const verify = (token: string) => service.client().post(`/api/email-verifications/${token}`);
const me = async (client: Client) => (await client.get('/api/me')).body;
/** The token of the newest link of this kind emailed to this address (read as the operator would). */
const linkTo = async (email: string, kind: string) => tokenOf(await linkInOutboxTable(service, email, kind));
const actions = async (admin: Client) =>
  ((await admin.get('/api/account/activity?limit=200')).body.items as { action: string; after: unknown }[])
    .map((e) => e.action)
    .reverse();

describe('verifying the address one signed up with', () => {
  test('sign-up emails a link (recipient-only) to /verify-email/{token}; using it marks the address verified, once', async () => {
    const admin = service.client();
    const { email } = await admin.signup();
    expect((await me(admin)).member.emailVerified).toBe(false);

    const link = await linkSentTo(admin, email, 'email_verification');
    expect(link).toBe(`${service.config.publicUrl}/verify-email/${tokenOf(link)}`);
    // Another Account Admin sees that it was sent, not the link.
    const co = await addMember(service, admin, { accountRole: 'account_admin' });
    const seen = (await co.client.get('/api/outbox')).body.items.find(
      (m: { kind: string }) => m.kind === 'email_verification',
    );
    expect(seen).toMatchObject({ to: email, redacted: true, html: null });
    expect(seen.text).not.toContain(tokenOf(link));

    expect((await verify(tokenOf(link))).status).toBe(204);
    expect((await me(admin)).member.emailVerified).toBe(true);
    expect(
      (await admin.get('/api/team-members')).body.items.find((m: { email: string }) => m.email === email),
    ).toMatchObject({ emailVerified: true });
    expectProblem(await verify(tokenOf(link)), 410, 'gone');
    expect(await actions(admin)).toContain('team_member.email_verified');
  });

  test('an unknown link is a 404, and counts against the client address', async () => {
    expectProblem(await verify('no-such-token'), 404, 'not_found');
    const limited = await startService({
      config: {
        anonymousLimits: { signup: { perIp: 10, windowMs: HOUR }, links: { perIp: 2, windowMs: HOUR } },
      },
    });
    try {
      const anyone = limited.client();
      for (let i = 0; i < 2; i++)
        expect((await anyone.post(`/api/email-verifications/x${i}`)).status).toBe(404);
      expectProblem(await anyone.post('/api/email-verifications/x3'), 429, 'too_many_requests');
    } finally {
      await limited.close();
    }
  });

  test('a link works for 24 hours', async () => {
    const early = service.client();
    const { email: a } = await early.signup();
    const late = service.client();
    const { email: b } = await late.signup();
    const [tokenA, tokenB] = [await linkTo(a, 'email_verification'), await linkTo(b, 'email_verification')];
    service.clock.advance(24 * HOUR - 60_000);
    expect((await verify(tokenA)).status).toBe(204);
    service.clock.advance(2 * 60_000);
    expectProblem(await verify(tokenB), 410, 'gone');
    expect((await me(late)).member.emailVerified).toBe(false);
  });

  test('only the token’s hash is stored', async () => {
    const admin = service.client();
    const { email, member } = await admin.signup();
    const token = await linkTo(email, 'email_verification');
    const rows = await queryRows<Record<string, unknown>>(
      service.database.db,
      sql`SELECT * FROM email_verifications WHERE member_id = ${member.id}`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ token_hash: hashToken(token), email, purpose: 'verify' });
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  test('resending sends a new link and the earlier one stops working; a verified address has none to resend', async () => {
    const admin = service.client();
    const { email } = await admin.signup();
    const first = await linkTo(email, 'email_verification');
    expect((await admin.post('/api/me/email-verification')).status).toBe(202);
    const second = await linkTo(email, 'email_verification');
    expect(second).not.toBe(first);
    expectProblem(await verify(first), 410, 'gone');
    expect((await verify(second)).status).toBe(204);
    expectProblem(await admin.post('/api/me/email-verification'), 409, 'email_already_verified');
    expect(await actions(admin)).toContain('team_member.email_verification_sent');
  });

  test('resending is limited to 5 an hour', async () => {
    const admin = service.client();
    await admin.signup();
    for (let i = 0; i < 5; i++) expect((await admin.post('/api/me/email-verification')).status).toBe(202);
    expectProblem(await admin.post('/api/me/email-verification'), 429, 'too_many_requests');
    service.clock.advance(HOUR + 1000);
    expect((await admin.post('/api/me/email-verification')).status).toBe(202);
  });
});

describe('other links emailed to the address prove it', () => {
  test('accepting an invitation', async () => {
    const admin = service.client();
    await admin.signup();
    const m = await addMember(service, admin);
    expect((await me(m.client)).member.emailVerified).toBe(true);
  });

  test('completing a password reset', async () => {
    const forgetful = service.client();
    const { email } = await forgetful.signup();
    expect((await me(forgetful)).member.emailVerified).toBe(false);
    await forgetful.post('/api/password-resets', { email });
    // Written after the answer: wait for it rather than for a fixed time.
    await expect.poll(() => linkTo(email, 'password_reset').catch(() => null)).toBeTruthy();
    const token = await linkTo(email, 'password_reset');
    const reset = await service
      .client()
      .post(`/api/password-resets/${token}`, { password: 'a new password 1' });
    expect(reset.status).toBe(204);
    const back = service.client();
    expect((await back.post('/api/session', { email, password: 'a new password 1' })).status).toBe(200);
    expect((await me(back)).member.emailVerified).toBe(true);
    expect(await actions(back)).toContain('team_member.email_verified');
  });
});

describe('only a verified address is claimed', () => {
  const acceptBody = {
    firstName: 'Jo',
    lastName: 'Joiner',
    password: 'joiner password 1',
    marketingOptIn: false,
  };

  test('an invitation to an address an unverified lone trial holds: emailed recipient-only, accepted without the trial’s password, and the trial is dropped', async () => {
    const squatter = service.client();
    const { email, password } = await squatter.signup({ accountName: 'Squatted' });
    const admin = service.client();
    await admin.signup();
    expect((await admin.post('/api/team-members', { firstName: 'A', lastName: 'B', email })).status).toBe(
      201,
    );
    // The inviter cannot read this link: using it proves the address.
    const listed = (await admin.get('/api/outbox')).body.items.find((m: { to: string }) => m.to === email);
    expect(listed).toMatchObject({ kind: 'private_invitation', redacted: true });
    const token = await linkTo(email, 'private_invitation');

    const visitor = service.client();
    expect((await visitor.get(`/api/invitations/${token}`)).body.trialToCancel).toEqual({
      accountName: 'Squatted',
      passwordRequired: false,
    });
    const accepted = await visitor.post(`/api/invitations/${token}/accept`, acceptBody);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.member).toMatchObject({ email, emailVerified: true });
    expectProblem(await squatter.get('/api/me'), 401, 'unauthenticated');
    expectProblem(await service.client().post('/api/session', { email, password }), 401);
    const entry = (await admin.get('/api/account/activity?action=team_member.invite_accepted')).body.items[0];
    expect(entry.after).toMatchObject({ cancelledTrialUnverified: true, emailVerified: true });
  });

  test('a verified holder keeps the address: 409 trial_in_the_way without the trial’s password', async () => {
    const owner = service.client();
    const { email, password } = await owner.signup({ accountName: 'Mine' });
    expect((await verify(await linkTo(email, 'email_verification'))).status).toBe(204);
    const admin = service.client();
    await admin.signup();
    await admin.post('/api/team-members', { firstName: 'A', lastName: 'B', email });
    const token = tokenOf(await linkSentTo(admin, email)); // an ordinary, readable invitation
    expect((await service.client().get(`/api/invitations/${token}`)).body.trialToCancel).toEqual({
      accountName: 'Mine',
      passwordRequired: true,
    });
    expectProblem(
      await service.client().post(`/api/invitations/${token}/accept`, acceptBody),
      409,
      'trial_in_the_way',
    );
    expect((await owner.get('/api/me')).status).toBe(200);
    const withPassword = { ...acceptBody, cancelTrial: { password } };
    expect((await service.client().post(`/api/invitations/${token}/accept`, withPassword)).status).toBe(200);
  });

  test('a trial that signed up after a readable invitation was sent still takes its password', async () => {
    const admin = service.client();
    await admin.signup();
    const email = uniqueEmail('later');
    await admin.post('/api/team-members', { firstName: 'A', lastName: 'B', email });
    const token = tokenOf(await linkSentTo(admin, email));
    const late = service.client();
    await late.signup({ email }); // signing up proves nothing, and is not refused by an invitation
    expectProblem(
      await service.client().post(`/api/invitations/${token}/accept`, acceptBody),
      409,
      'trial_in_the_way',
    );
    expect((await late.get('/api/me')).status).toBe(200);
  });

  test('signing up with an address someone holds, verified or not, is refused as before', async () => {
    const first = service.client();
    const { email } = await first.signup();
    expectProblem(
      await service.client().post('/api/signup', {
        accountName: 'Second',
        firstName: 'S',
        lastName: 'S',
        email,
        password: 'second password 1',
      }),
      409,
      'email_taken',
    );
  });
});

describe('changing one’s own email', () => {
  test('names change at once (200); a new email needs the current password', async () => {
    const admin = service.client();
    const { email } = await admin.signup();
    const names = await admin.patch('/api/me', { firstName: 'Grace', lastName: 'Hopper' });
    expect(names.status).toBe(200);
    expect(names.body.member).toMatchObject({ firstName: 'Grace', lastName: 'Hopper', email });
    const wanted = uniqueEmail('new');
    const missing = await admin.patch('/api/me', { email: wanted });
    expectProblem(missing, 400, 'current_password_required');
    expect(missing.body.errors[0].path).toBe('/currentPassword');
    expectProblem(
      await admin.patch('/api/me', { email: wanted, currentPassword: 'wrong' }),
      403,
      'current_password_wrong',
    );
    expect(await latestEmailTo(service.database.db, wanted)).toBeUndefined();
    expect((await me(admin)).member.email).toBe(email);
  });

  test('202: nothing changes until the new address confirms; the old one is told, without a link', async () => {
    const admin = service.client();
    const { email, password } = await admin.signup();
    expect((await verify(await linkTo(email, 'email_verification'))).status).toBe(204);
    const wanted = uniqueEmail('moved');
    const asked = await admin.patch('/api/me', {
      firstName: 'Moved',
      email: wanted,
      currentPassword: password,
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);
    expect(asked.body).toEqual({
      member: expect.objectContaining({ email, firstName: 'Moved' }),
      pendingEmail: wanted,
    });

    const before = await me(admin);
    expect(before.member).toMatchObject({ email, emailVerified: true });
    expect(before.pendingEmail).toBe(wanted);
    expect((await service.client().post('/api/session', { email: wanted, password })).status).toBe(401);
    const notice = await latestEmailTo(service.database.db, email, 'email_change_notice');
    expect(notice?.textBody).toContain(wanted);
    expect(notice?.textBody).not.toMatch(/https?:\/\//);
    // The link to the new address is recipient-only: the member (still at the old address) sees it redacted.
    const listed = (await admin.get('/api/outbox')).body.items.find((m: { to: string }) => m.to === wanted);
    expect(listed).toMatchObject({ kind: 'email_change', redacted: true });

    const token = await linkTo(wanted, 'email_change');
    expect((await verify(token)).status).toBe(204);
    const after = await me(admin);
    expect(after.member).toMatchObject({ email: wanted, emailVerified: true });
    expect(after.pendingEmail).toBeNull();
    expect((await service.client().post('/api/session', { email: wanted, password })).status).toBe(200);
    expectProblem(await verify(token), 410, 'gone');
    const log = await actions(admin);
    expect(log).toEqual(
      expect.arrayContaining(['team_member.email_change_requested', 'team_member.email_changed']),
    );
    expect(log.indexOf('team_member.email_change_requested')).toBeLessThan(
      log.indexOf('team_member.email_changed'),
    );
  });

  test('a newer request replaces the pending one; reset links sent to the old address die with the change', async () => {
    const admin = service.client();
    const { email, password } = await admin.signup();
    const [one, two] = [uniqueEmail('one'), uniqueEmail('two')];
    await admin.patch('/api/me', { email: one, currentPassword: password });
    const first = await linkTo(one, 'email_change');
    await admin.patch('/api/me', { email: two, currentPassword: password });
    expectProblem(await verify(first), 410, 'gone');
    await service.client().post('/api/password-resets', { email });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const reset = await linkTo(email, 'password_reset');
    expect((await verify(await linkTo(two, 'email_change'))).status).toBe(204);
    expectProblem(await service.client().get(`/api/password-resets/${reset}`), 410, 'gone');
    expect((await me(admin)).member.email).toBe(two);
  });

  test('an address taken before the link is used: 409, and nothing changes', async () => {
    const admin = service.client();
    const { email, password } = await admin.signup();
    const wanted = uniqueEmail('contested');
    expect((await admin.patch('/api/me', { email: wanted, currentPassword: password })).status).toBe(202);
    await service.client().signup({ email: wanted });
    expectProblem(await verify(await linkTo(wanted, 'email_change')), 409, 'email_in_other_account');
    expect((await me(admin)).member.email).toBe(email);
    // Invited meanwhile by another account (no index holds invited rows: the service checks).
    const other = uniqueEmail('invited-meanwhile');
    expect((await admin.patch('/api/me', { email: other, currentPassword: password })).status).toBe(202);
    const inviter = service.client();
    await inviter.signup();
    expect(
      (await inviter.post('/api/team-members', { firstName: 'I', lastName: 'M', email: other })).status,
    ).toBe(201);
    expectProblem(await verify(await linkTo(other, 'email_change')), 409, 'email_in_other_account');
    expect((await me(admin)).member.email).toBe(email);
    // Taken already when asked: refused at once, no link sent.
    expectProblem(await admin.patch('/api/me', { email: wanted, currentPassword: password }), 409);
  });

  test('the team-members route takes the same path for one’s own email', async () => {
    const admin = service.client();
    const { email, password, member } = await admin.signup();
    const wanted = uniqueEmail('via-team');
    const reply = await admin.patch(`/api/team-members/${member.id}`, {
      email: wanted,
      currentPassword: password,
    });
    expect(reply.status).toBe(202);
    expect(reply.body).toMatchObject({ member: { email }, pendingEmail: wanted });
    expect((await me(admin)).member.email).toBe(email);
  });
});

describe('an Account Admin changing another member’s email', () => {
  test('the new address is unverified and gets a verification link', async () => {
    const admin = service.client();
    const { password } = await admin.signup();
    const m = await addMember(service, admin);
    expect((await me(m.client)).member.emailVerified).toBe(true);
    const renamed = uniqueEmail('renamed');
    const changed = await admin.patch(`/api/team-members/${m.id}`, {
      email: renamed,
      currentPassword: password,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ email: renamed, emailVerified: false });
    expect((await me(m.client)).member).toMatchObject({ email: renamed, emailVerified: false });
    expect((await verify(await linkTo(renamed, 'email_verification'))).status).toBe(204);
    expect((await me(m.client)).member.emailVerified).toBe(true);
  });

  test('an invited member’s new address gets the invitation again; the old link dies', async () => {
    const admin = service.client();
    const { password } = await admin.signup();
    const email = uniqueEmail('typo');
    const invited = (await admin.post('/api/team-members', { firstName: 'T', lastName: 'Y', email })).body;
    const old = tokenOf(await linkSentTo(admin, email));
    const fixed = uniqueEmail('fixed');
    expect(
      (await admin.patch(`/api/team-members/${invited.id}`, { email: fixed, currentPassword: password }))
        .status,
    ).toBe(200);
    expectProblem(await service.client().get(`/api/invitations/${old}`), 410, 'gone');
    const fresh = tokenOf(await linkSentTo(admin, fixed));
    const accepted = await service.client().post(`/api/invitations/${fresh}/accept`, {
      firstName: 'T',
      lastName: 'Y',
      password: 'typo password 1',
      marketingOptIn: false,
    });
    expect(accepted.body.member).toMatchObject({ email: fixed, emailVerified: true });
  });
});
