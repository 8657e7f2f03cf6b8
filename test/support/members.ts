import { expect } from 'vitest';
import type { WorkspaceRole } from '../../src/access/roles.js';
import { latestEmailTo } from '../../src/features/mail/store.js';
import { type Client, uniqueEmail } from './client.js';
import type { TestService } from './service.js';

/** The link in the newest outbox email to this address, read through GET /api/outbox. */
export async function linkSentTo(admin: Client, email: string, kind = 'invitation'): Promise<string> {
  const outbox = await admin.get('/api/outbox');
  expect(outbox.status).toBe(200);
  const message = outbox.body.items.find(
    (m: { to: string; kind: string }) => m.to === email && m.kind === kind,
  );
  expect(message, `an email of kind ${kind} to ${email}`).toBeDefined();
  const link = (message.text as string).match(/https?:\/\/\S+/)?.[0];
  expect(link).toBeDefined();
  return link!;
}

export const tokenOf = (link: string) => link.split('/').pop()!;

/**
 * The link in the newest email of this kind to this address, read from the outbox table as the
 * operator's `atrium last-email` reads it: for a password-reset email, which GET /api/outbox shows
 * only to its recipient, when the test's recipient cannot read the outbox (a Member) or is not
 * signed in (they forgot their password).
 */
export async function linkInOutboxTable(
  service: TestService,
  email: string,
  kind = 'password_reset',
): Promise<string> {
  const message = await latestEmailTo(service.database.db, email, kind);
  expect(message, `an email of kind ${kind} to ${email}`).toBeDefined();
  const link = message!.textBody.match(/https?:\/\/\S+/)?.[0];
  expect(link).toBeDefined();
  return link!;
}

export interface InviteOptions {
  accountRole?: 'account_admin' | 'member';
  roles?: { workspaceId: string; role: WorkspaceRole; hideAttributes?: boolean }[];
  all?: { role: WorkspaceRole; hideAttributes?: boolean };
  firstName?: string;
}

/** Invites someone through the API and returns the invited member and their link's token. */
export async function invite(admin: Client, options: InviteOptions = {}) {
  const email = uniqueEmail('invitee');
  const reply = await admin.post('/api/team-members', {
    firstName: options.firstName ?? 'Mo',
    lastName: 'Member',
    email,
    accountRole: options.accountRole ?? 'member',
    workspaceAccess: options.all
      ? { mode: 'all', ...options.all }
      : { mode: 'custom', roles: options.roles ?? [] },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return { id: reply.body.id as string, email, token: tokenOf(await linkSentTo(admin, email)) };
}

/**
 * A team member the way a real one comes to be: invited by an Account Admin over HTTP, the link
 * read from the outbox, the invitation accepted. Returns their client, signed in.
 */
export async function addMember(
  service: TestService,
  admin: Client,
  options: InviteOptions = {},
): Promise<{ id: string; email: string; password: string; client: Client }> {
  const { id, email, token } = await invite(admin, options);
  const password = 'member password 123';
  const client = service.client();
  const accepted = await client.post(`/api/invitations/${token}/accept`, {
    firstName: options.firstName ?? 'Mo',
    lastName: 'Member',
    password,
    marketingOptIn: false,
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  return { id, email, password, client };
}
