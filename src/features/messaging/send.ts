import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import type { SendMode } from '../../db/schema.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { hashToken, randomToken } from '../../shared/secrets.js';
import type { Message } from '../content/messages-schema.js';
import { failureReason, type RenderInput, renderOutcome } from '../content/render.js';
import type { RenderOutcome } from '../content/render-worker.js';
import { sendEmail } from '../mail/service.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import type { TestRecipient } from '../workspaces/test-recipient.js';
import * as store from './store.js';
import { textOf, trackEmail } from './tracking.js';
import { WEBHOOK_JOB } from './webhook.js';

/**
 * The send mode a send started under, with (test mode) where its emails go: decided once, in the
 * transaction that starts the send, and recorded with it, so that switching the workspace from
 * test to normal (or normal to test) mid-send changes nothing of it. Only `never` stops it:
 * see modeNow.
 */
export interface StartedSend {
  mode: SendMode;
  testRecipient: { memberId: string; email: string } | null;
}

/**
 * Decides a send's mode as it starts. Test mode needs a test recipient who can enter the
 * workspace: without one, nothing is started (409) until an admin picks one.
 */
export function startSend(
  ws: WorkspaceRow,
  recipient: TestRecipient | null,
  /** Whether it sends an email (other channels ignore test mode). */
  email = true,
): StartedSend {
  if (ws.sendMode !== 'test') return { mode: ws.sendMode, testRecipient: null };
  if (!recipient && email)
    throw new DomainError(
      'conflict',
      'The workspace is in test mode and has no test recipient who can enter it; choose one in the workspace settings (testRecipientMemberId)',
    );
  return {
    mode: 'test',
    testRecipient: recipient && { memberId: recipient.memberId, email: recipient.email },
  };
}

/** What a CSV cell, a form field or a loosely typed sender writes for true (compared trimmed, any case). */
const TRUE_WORDS = new Set(['true', 'yes', '1']);

/**
 * Customer.io's rule for marketing messages: a person whose `unsubscribed` attribute is true (set
 * by POST /unsubscribe/{delivery_id}, or any identify) gets no email from a broadcast. A CSV
 * import or a form can only write text, so "true" (or "TRUE", "yes", "1", or the number 1) counts
 * too: an opt-out written as text must not be emailed.
 */
export function isUnsubscribed(person: { attributes: Record<string, unknown> }): boolean {
  const value = person.attributes.unsubscribed;
  if (value === true || value === 1) return true;
  return typeof value === 'string' && TRUE_WORDS.has(value.trim().toLowerCase());
}

/** The mode of a send's next message: the one it started under, unless the workspace is now in never (an emergency brake: nothing leaves). */
export function modeNow(started: SendMode, current: SendMode): SendMode {
  return current === 'never' ? 'never' : started;
}

/**
 * One email message to one person, under the send's mode (product.md §3):
 * - normal: to the person's own address, from the workspace's sender;
 * - test: to the send's test recipient instead, from the product's test sender, and no
 *   delivered, opened or clicked metrics;
 * - never: nothing leaves; the delivery is recorded as suppressed, with the reason.
 * The email goes through the outbox in the caller's transaction, with its delivery record.
 */
export interface Sending {
  ws: WorkspaceRow;
  /** The mode it goes under (startSend, modeNow), not the workspace's of the moment. */
  mode: SendMode;
  /** In test mode, the test recipient's address; null when they can no longer enter the workspace. */
  testRecipient: string | null;
  sourceId: string;
  message: Message & { id: string };
  cioId: string | null;
  /** The person's address, or for a test send the sender's own. */
  to: string;
  render: RenderInput;
  /** `render` already rendered (a broadcast renders a page before its transaction). */
  rendered?: RenderOutcome;
  /** A test send, which records no metrics in any mode. */
  test: boolean;
  /** The broadcast send it belongs to: one delivery per person and message in it. */
  sendId?: string;
}

const NEVER = 'The workspace sends no messages (send mode: never)';

/** What every delivery of a sending records: where, what, for whom, in which send, when. */
function deliveryOf(ctx: AppContext, s: Pick<Sending, 'ws' | 'message' | 'sourceId' | 'cioId' | 'sendId'>) {
  const now = ctx.clock.now();
  return {
    workspaceId: s.ws.id,
    id: newId('dlv'),
    messageId: s.message.id,
    sourceId: s.sourceId,
    cioId: s.cioId,
    sendId: s.sendId ?? null,
    createdAt: now,
    updatedAt: now,
  };
}

/** A message that does not render (over its budget, or broken) is a failed delivery, with the reason. */
function failedRender(
  ctx: AppContext,
  tx: Db,
  s: Pick<Sending, 'ws' | 'message' | 'sourceId' | 'cioId' | 'sendId'>,
  reason: string,
  row: Partial<store.NewDelivery>,
): Promise<store.DeliveryRow | undefined> {
  return store.insertDelivery(tx, {
    ...deliveryOf(ctx, s),
    subject: s.message.name,
    state: 'failed',
    reason,
    ...row,
  });
}

export async function sendMessage(
  ctx: AppContext,
  tx: Db,
  s: Sending,
): Promise<store.DeliveryRow | undefined> {
  const { ws } = s;
  // A test send is someone waiting (429 when the workspace has spent its render time); a broadcast waits.
  const outcome = s.rendered ?? (await renderOutcome(ctx.renderer, ws.id, s.message, s.render, s.test));
  if (!outcome.ok)
    return failedRender(ctx, tx, s, failureReason(ctx.renderer, outcome), {
      recipient: s.to,
      metrics: !s.test && s.mode !== 'test',
    });
  const rendered = outcome;
  const testMode = s.mode === 'test';
  const suppressed =
    s.mode === 'never'
      ? NEVER
      : testMode && !s.testRecipient
        ? 'Sent in test mode, and the test recipient can no longer enter the workspace'
        : null;
  const to = testMode ? s.testRecipient : s.to;
  const tracksOpens = s.message.openTracking && ws.openTracking;
  const trackToken = randomToken();
  const delivery = await store.insertDelivery(tx, {
    ...deliveryOf(ctx, s),
    recipient: to,
    subject: rendered.subject,
    state: 'suppressed',
    reason: suppressed,
    trackTokenHash: hashToken(trackToken),
    metrics: !s.test && !testMode,
    tracksOpens: tracksOpens && !suppressed,
  });
  if (!delivery || suppressed || !to) return delivery;
  const tracked = trackEmail(rendered.body, {
    baseUrl: ctx.config.publicUrl,
    token: trackToken,
    pixel: tracksOpens,
  });
  await store.insertLinks(tx, ws.id, delivery.id, tracked.links);
  const email = await sendEmail(ctx, tx, {
    accountId: ws.accountId,
    workspaceId: ws.id,
    kind: s.test ? 'test_message' : 'message',
    to,
    from: testMode ? ctx.config.mail.testFrom : (ws.senderAddress ?? ctx.config.mail.from),
    subject: rendered.subject,
    text: textOf(tracked.html),
    html: tracked.html,
  });
  const state = email.state === 'captured' ? 'captured' : 'queued';
  await store.setOutbox(tx, ws.id, delivery.id, email.id, state);
  return { ...delivery, outboxId: email.id, state };
}

/**
 * One webhook action for one person: its body rendered (use `| json` for values in JSON) and
 * posted to its URL by a job. Other channels than email ignore test mode and send normally;
 * in `never` mode nothing leaves.
 */
export async function sendWebhook(
  ctx: AppContext,
  tx: Db,
  s: Omit<Sending, 'to' | 'testRecipient' | 'test'>,
): Promise<store.DeliveryRow | undefined> {
  const { ws } = s;
  const outcome = s.rendered ?? (await renderOutcome(ctx.renderer, ws.id, s.message, s.render, false));
  if (!outcome.ok)
    return failedRender(ctx, tx, s, failureReason(ctx.renderer, outcome), {
      recipient: s.message.url ?? null,
      channel: 'webhook',
      targetUrl: s.message.url ?? null,
    });
  const rendered = outcome;
  const never = s.mode === 'never';
  const delivery = await store.insertDelivery(tx, {
    ...deliveryOf(ctx, s),
    recipient: s.message.url ?? null,
    subject: s.message.name,
    state: never ? 'suppressed' : 'queued',
    reason: never ? NEVER : null,
    channel: 'webhook',
    targetUrl: s.message.url ?? null,
    payload: rendered.body,
  });
  if (delivery && !never)
    await ctx.jobs.enqueue(tx, {
      accountId: ws.accountId,
      workspaceId: ws.id,
      kind: WEBHOOK_JOB,
      payload: { workspaceId: ws.id, deliveryId: delivery.id },
    });
  return delivery;
}
