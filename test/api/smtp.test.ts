import { afterAll, beforeAll, expect, test } from 'vitest';
import { sendEmail } from '../../src/features/mail/service.js';
import { findEmail, latestEmailTo } from '../../src/features/mail/store.js';
import { expectProblem, uniqueEmail } from '../support/client.js';
import { startService, type TestService } from '../support/service.js';
import { startSmtpServer } from '../support/smtp.js';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let service: TestService;
beforeAll(async () => {
  smtp = await startSmtpServer();
  service = await startService({
    config: {
      mail: {
        smtpUrl: smtp.url,
        from: 'Atrium <team@atrium.test>',
        testFrom: 'Atrium test <test@test.atrium.test>',
      },
    },
  });
});
afterAll(async () => {
  await service?.close();
  await smtp?.close();
});

const inviteSomeone = async (admin: ReturnType<TestService['client']>) => {
  const email = uniqueEmail('smtp');
  const reply = await admin.post('/api/team-members', { firstName: 'Sam', lastName: 'Smtp', email });
  expect(reply.status).toBe(201);
  return email;
};

test('an invitation arrives over SMTP; its link accepts the invitation', async () => {
  const admin = service.client();
  await admin.signup({ firstName: 'Ada', lastName: 'Admin' });
  const email = await inviteSomeone(admin);
  expect(await service.worker.runUntilIdle()).toBeGreaterThan(0);

  const message = smtp.received.find((m) => m.to.includes(email));
  expect(message).toMatchObject({
    from: 'team@atrium.test',
    subject: expect.stringContaining('Ada Admin invited you'),
  });
  expect(message!.messageId).toMatch(/^<msg_[0-9a-z]+@atrium>$/);
  const link = message!.text.match(/https?:\/\/\S+\/invitations\/(\S+)/);
  expect(link).not.toBeNull();
  const accepted = await service.client().post(`/api/invitations/${link![1]}/accept`, {
    firstName: 'Sam',
    lastName: 'Smtp',
    password: 'smtp password',
    marketingOptIn: false,
  });
  expect(accepted.status).toBe(200);
});

test('a password-reset email is delivered with its link, and the outbox keeps no copy of it', async () => {
  const admin = service.client();
  const { email } = await admin.signup();
  expect((await admin.post('/api/password-resets', { email })).status).toBe(202);
  // The email is written after the answer: wait for it.
  await expect
    .poll(() => latestEmailTo(service.database.db, email, 'password_reset'))
    .toMatchObject({ state: 'queued', textBody: expect.stringContaining('/reset-password/') });
  await service.worker.runUntilIdle();
  // Sign-up's confirmation link went to the same address (issue 18): the reset email is the one with its link.
  const message = smtp.received.find((m) => m.to.includes(email) && m.text.includes('/reset-password/'));
  const token = message!.text.match(/\/reset-password\/(\S+)/)![1]!;
  expect((await service.client().get(`/api/password-resets/${token}`)).body.email).toBe(email);
  const stored = await latestEmailTo(service.database.db, email, 'password_reset');
  expect(stored).toMatchObject({ state: 'sent', htmlBody: null });
  expect(JSON.stringify(stored)).not.toContain(token);
});

test('with SMTP_URL the embedded outbox is not served', async () => {
  const admin = service.client();
  await admin.signup();
  expectProblem(await admin.get('/api/outbox'), 404, 'not_found');
});

test('a server that refuses the first attempt, then accepts: one email arrives, not two', async () => {
  const admin = service.client();
  await admin.signup();
  // Sign-up's own email (the confirmation link, issue 18) goes first, so the refusal meets the invitation.
  await service.worker.runUntilIdle();
  const email = await inviteSomeone(admin);
  smtp.refuseNext(1);
  await service.worker.runUntilIdle();
  expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(0);
  // The retry waits (backoff); move past it.
  service.clock.advance(5_000);
  await service.worker.runUntilIdle();
  service.clock.advance(60_000);
  await service.worker.runUntilIdle();
  expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
});

test('two service processes working the queue deliver each email once', async () => {
  const sibling = await service.sibling();
  try {
    const admin = service.client();
    await admin.signup();
    const emails = [];
    for (let i = 0; i < 6; i++) emails.push(await inviteSomeone(admin));
    await Promise.all([service.worker.runUntilIdle(), sibling.worker.runUntilIdle()]);
    for (const email of emails) expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
  } finally {
    await sibling.app.close();
  }
});

test('an address that is not one address (one stored before the rule) never reaches SMTP: the email fails, once', async () => {
  const admin = service.client();
  const { account } = await admin.signup();
  const to = 'victim@example.com\r\nBcc: eve@example.net';
  const row = await service.ctx.db.transaction((tx) =>
    sendEmail(service.ctx, tx, { accountId: account.id, kind: 'message', to, subject: 'Hi', text: 'Hi' }),
  );
  const before = smtp.received.length;
  await service.worker.runUntilIdle();
  expect(smtp.received.slice(before).filter((m) => /eve|victim/.test(m.to.join(' ')))).toEqual([]);
  expect(await findEmail(service.ctx.db, row.id)).toMatchObject({
    state: 'failed',
    attempts: 1,
    lastError: expect.stringContaining('is not one email address'),
  });
});
