import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { newId } from '../../shared/ids.js';
import { insertEmail, listEmails, type OutboxRow } from './store.js';

export const DELIVER_JOB = 'mail.deliver';

export interface Email {
  accountId: string;
  workspaceId?: string | null;
  /** What the email is for, e.g. `invitation`, `password_reset`. */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The From; the service's MAIL_FROM unless given. */
  from?: string;
}

/**
 * Puts an email in the outbox inside the caller's transaction, so it exists exactly when the change
 * that sends it commits. Without SMTP it stays there for GET /api/outbox ("captured"); with SMTP a
 * delivery job is enqueued in the same transaction.
 */
export async function sendEmail(ctx: AppContext, tx: Db, email: Email): Promise<OutboxRow> {
  const smtp = ctx.config.mail.smtpUrl !== undefined;
  const row = await insertEmail(tx, {
    id: newId('msg'),
    accountId: email.accountId,
    workspaceId: email.workspaceId ?? null,
    kind: email.kind,
    toAddress: email.to,
    fromAddress: email.from ?? ctx.config.mail.from,
    subject: email.subject,
    textBody: email.text,
    htmlBody: email.html ?? null,
    state: smtp ? 'queued' : 'captured',
    attempts: 0,
    createdAt: ctx.clock.now(),
  });
  if (smtp) {
    await ctx.jobs.enqueue(tx, {
      accountId: email.accountId,
      kind: DELIVER_JOB,
      payload: { emailId: row.id },
    });
  }
  return row;
}

/**
 * Kinds of email whose body only their recipient may read: a password-reset link signs in as its
 * recipient, so a co-admin reading it in the outbox could take the account over; an email
 * verification or change link, or an invitation that drops an unverified trial holding its
 * address, proves an address its reader may not own.
 */
export const RECIPIENT_ONLY_KINDS: ReadonlySet<string> = new Set([
  'password_reset',
  'private_invitation',
  'email_verification',
  'email_change',
]);

export const REDACTED_TEXT =
  'Only its recipient can read this email: it holds a password reset, invitation or email confirmation link. ' +
  'They read it here when signed in as that address, or the operator prints it with ' +
  '`atrium last-email --to <address>`.';

/** What a sent recipient-only email keeps of its body. */
export const SENT_BODY_FORGOTTEN =
  'Sent over SMTP; its body held a password reset, invitation or email confirmation link and is not kept.';

/**
 * The account's emails, newest first, as GET /api/outbox shows them to this reader. An email only
 * its recipient may read is still listed to the others (who was sent what, and when, stays
 * visible, as in the activity log), with its body replaced.
 */
export async function listOutbox(ctx: AppContext, reader: { accountId: string; email: string }) {
  const rows = await listEmails(ctx.db, reader.accountId, 100);
  return rows.map((r) => {
    const redacted =
      RECIPIENT_ONLY_KINDS.has(r.kind) && r.toAddress.toLowerCase() !== reader.email.toLowerCase();
    return {
      id: r.id,
      kind: r.kind,
      to: r.toAddress,
      from: r.fromAddress,
      subject: r.subject,
      text: redacted ? REDACTED_TEXT : r.textBody,
      html: redacted ? null : r.htmlBody,
      redacted,
      state: r.state,
      sentAt: r.sentAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    };
  });
}
