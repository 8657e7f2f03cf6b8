import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { restAfter } from '../../jobs/pace.js';
import type { JobHandler } from '../../jobs/worker.js';
import { DomainError, invalid, missing } from '../../shared/errors.js';
import { recordActivity } from '../activity/record.js';
import type { Actor } from '../auth/actor.js';
import { kinds } from '../content/kinds.js';
import type { Message } from '../content/messages-schema.js';
import {
  checkTemplates,
  customerOf,
  type RenderInput,
  renderOutcome,
  templateParts,
} from '../content/render.js';
import type { RenderOutcome } from '../content/render-worker.js';
import { segmentPeople, segmentSize } from '../content/segments.js';
import { findItem } from '../content/service.js';
import * as content from '../content/store.js';
import { findPeople, type PersonRow } from '../people/store.js';
import {
  type TestRecipient,
  testRecipientById,
  workspaceWithTestRecipient,
} from '../workspaces/test-recipient.js';
import { isUnsubscribed, modeNow, type StartedSend, sendMessage, sendWebhook, startSend } from './send.js';

export const BROADCAST_JOB = 'broadcast.send';
const PAGE = 200;

/** Who a broadcast goes to: a segment's people, or people named by cio_id. */
export interface Audience {
  segmentId?: string;
  people?: string[];
}

/** What a send did, kept on its job as it goes (with where it got to, to resume there). */
interface SendReport {
  cursor: string | null;
  queued: number;
  suppressed: number;
  /** People without an email address. */
  skipped: number;
  /** People who unsubscribed (send.ts isUnsubscribed): sent no email. */
  unsubscribed?: number;
}

/** The messages a send delivers: emails, and webhook actions. */
const sendable = (body: Record<string, unknown>) =>
  ((body.messages as Message[] | undefined) ?? []).filter(
    (m): m is Message & { id: string } =>
      (m.channel === 'email' || m.channel === 'webhook') && m.id !== undefined,
  );

/** The audience a page at a time, in cio_id order. */
async function audiencePage(tx: Db, workspaceId: string, audience: Audience, after: string | null) {
  if (audience.people) {
    const wanted = [...audience.people].sort().filter((c) => after === null || c > after);
    const rows = await findPeople(tx, workspaceId, wanted.slice(0, PAGE));
    return {
      rows: rows.sort((a, b) => (a.cioId < b.cioId ? -1 : 1)),
      last: wanted.slice(0, PAGE).at(-1) ?? null,
    };
  }
  const segment = await content.findResource(tx, workspaceId, kinds.segments.kind, audience.segmentId!);
  const rows: PersonRow[] = segment
    ? (
        await segmentPeople(tx, workspaceId, segment, {
          order: 'cio_id',
          after: after ?? undefined,
          limit: PAGE,
        })
      ).map((m) => m.person)
    : [];
  return { rows, last: rows.at(-1)?.cioId ?? null };
}

/** The job's payload: what to send to whom, and the mode it started under (absent from older jobs). */
type BroadcastPayload = Audience & { broadcastId: string; send?: StartedSend };

/**
 * Starts sending a broadcast's email messages to an audience: a job that works through it a page
 * at a time (progress at GET …/jobs/{id}), under the send mode in force as it starts, recorded with
 * the job in the same transaction (send.ts, StartedSend).
 */
export async function startBroadcast(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  broadcastId: string,
  audience: Audience,
): Promise<{ jobId: string; recipients: number }> {
  if ((audience.segmentId === undefined) === (audience.people === undefined))
    throw invalid('/', 'send to a segment (segmentId) or to people (people: cio_ids), one of the two');
  const started = await ctx.db.transaction(async (tx) => {
    const broadcast = await findItem(tx, workspaceId, kinds.broadcasts, broadcastId, 'edit');
    const messages = sendable(broadcast.body);
    if (messages.length === 0)
      throw new DomainError('conflict', `"${broadcast.name}" has no email or webhook message to send`);
    // A newsletter goes out once; an API-triggered broadcast each time it is triggered.
    if (broadcast.body.type !== 'api_triggered' && broadcast.body.state === 'sent')
      throw new DomainError('conflict', `"${broadcast.name}" is a newsletter and has been sent already`);
    for (const [i, message] of messages.entries()) checkTemplates(message, `/messages/${i}`);
    const ws =
      (await workspaceWithTestRecipient(tx, actor.subject.accountId, workspaceId)) ?? missing('Workspace');
    const send = startSend(
      ws.workspace,
      ws.recipient,
      messages.some((m) => m.channel === 'email'),
    );
    let recipients: number;
    if (audience.segmentId !== undefined) {
      const segment = await content.findResource(tx, workspaceId, kinds.segments.kind, audience.segmentId);
      if (!segment) throw invalid('/segmentId', `no segment ${audience.segmentId} in this workspace`);
      recipients = await segmentSize(tx, workspaceId, segment);
    } else {
      const found = await findPeople(tx, workspaceId, audience.people!);
      const unknown = audience.people!.filter((c) => !found.some((p) => p.cioId === c));
      if (unknown.length > 0)
        throw invalid('/people', `no person ${unknown.slice(0, 5).join(', ')} in this workspace`);
      recipients = found.length;
    }
    const job = await ctx.jobs.enqueue(tx, {
      accountId: actor.subject.accountId,
      workspaceId,
      kind: BROADCAST_JOB,
      payload: { broadcastId, ...audience, send } satisfies BroadcastPayload,
      total: recipients,
    });
    await content.updateResource(tx, workspaceId, broadcastId, {
      name: broadcast.name,
      body: { ...broadcast.body, state: 'sent' },
      updatedAt: ctx.clock.now(),
    });
    await recordActivity(tx, ctx.clock, {
      accountId: actor.subject.accountId,
      workspaceId,
      author: actor,
      action: 'broadcast.sent',
      target: { type: 'broadcast', id: broadcastId, name: broadcast.name },
      after: { ...audience, recipients, jobId: job.id },
    });
    return { jobId: job.id, recipients };
  });
  ctx.jobs.notify();
  return started;
}

const aheadKey = (cioId: string, message: number, masked: boolean) => `${cioId}/${message}/${masked}`;

/** A page's renders, made outside any transaction, by person, message and masking. */
async function renderAhead(
  ctx: AppContext,
  accountId: string,
  workspaceId: string,
  audience: BroadcastPayload,
  cursor: string | null,
  messages: (Message & { id: string })[],
  parts: Omit<RenderInput, 'customer'>[],
): Promise<Map<string, RenderOutcome>> {
  const ahead = new Map<string, RenderOutcome>();
  const page = await audiencePage(ctx.db, workspaceId, audience, cursor);
  const masked = await pageMasked(ctx.db, accountId, workspaceId, audience.send);
  if (masked === null) return ahead;
  const renders = page.rows.flatMap((person) =>
    messages.map(async (message, i) => {
      if (message.channel === 'email' && (!person.email || isUnsubscribed(person))) return;
      const hidden = masked && message.channel === 'email';
      const input = { customer: customerOf(person, hidden), ...parts[i]! };
      ahead.set(
        aheadKey(person.cioId, i, hidden),
        await renderOutcome(ctx.renderer, workspaceId, message, input, false),
      );
    }),
  );
  await Promise.all(renders);
  return ahead;
}

/** The job: each page of people in one transaction with its deliveries, its emails and the report. */
export function sendBroadcast(ctx: AppContext): JobHandler {
  return async (job, control) => {
    const workspaceId = job.workspaceId;
    if (!workspaceId) return;
    const audience = job.payload as unknown as BroadcastPayload;
    const broadcast = await content.findResource(
      ctx.db,
      workspaceId,
      kinds.broadcasts.kind,
      audience.broadcastId,
    );
    if (!broadcast) return; // deleted meanwhile: nothing left to send
    const messages = sendable(broadcast.body);
    const parts = await Promise.all(messages.map((m) => templateParts(ctx.db, workspaceId, m)));
    const report: SendReport = (job.result as SendReport | null) ?? {
      cursor: null,
      queued: 0,
      suppressed: 0,
      skipped: 0,
    };
    let done = job.progressDone;
    for (;;) {
      if (control.signal.aborted) throw control.signal.reason;
      const startedAt = performance.now();
      // The page is rendered before its transaction, which then waits on no template (nor on the
      // workspace's turn and render time in the pool); what changed meanwhile renders in it.
      const ahead = await renderAhead(
        ctx,
        job.accountId,
        workspaceId,
        audience,
        report.cursor,
        messages,
        parts,
      );
      const more = await ctx.db.transaction(async (tx) => {
        const page = await audiencePage(tx, workspaceId, audience, report.cursor);
        if (page.last === null) return null;
        const found = await pageMode(tx, job.accountId, workspaceId, audience.send);
        if (!found) return null; // the workspace was deleted
        const { mode, recipient, masked } = found;
        for (const person of page.rows) {
          const unsubscribed = isUnsubscribed(person);
          const email = unsubscribed ? null : person.email;
          const emails = messages.some((m) => m.channel === 'email');
          if (unsubscribed && emails) report.unsubscribed = (report.unsubscribed ?? 0) + 1;
          else if (!email && emails) report.skipped++;
          for (const [i, message] of messages.entries()) {
            const sending = {
              ws: found.workspace,
              mode,
              sourceId: broadcast.id,
              message,
              cioId: person.cioId,
              render: { customer: customerOf(person, masked && message.channel === 'email'), ...parts[i]! },
              rendered: ahead.get(aheadKey(person.cioId, i, masked && message.channel === 'email')),
              sendId: job.id,
            };
            let delivery: Awaited<ReturnType<typeof sendWebhook>>;
            if (message.channel === 'webhook') delivery = await sendWebhook(ctx, tx, sending);
            else if (email)
              delivery = await sendMessage(ctx, tx, {
                ...sending,
                testRecipient: recipient?.email ?? null,
                to: email,
                test: false,
              });
            else continue;
            if (delivery?.state === 'suppressed') report.suppressed++;
            else if (delivery) report.queued++;
          }
        }
        report.cursor = page.last;
        await ctx.jobs.saveResult(tx, job, { ...report });
        return page.rows.length;
      });
      if (more === null) break;
      done += more;
      await control.progress(done);
      await restAfter(startedAt);
    }
  };
}

/**
 * The mode a page goes under (the send's, unless the workspace is now in never), its test
 * recipient, and whether its emails are masked: in test mode they reach a team member, who sees
 * values as their role lets them. Null when the workspace was deleted.
 */
async function pageMode(tx: Db, accountId: string, workspaceId: string, send: StartedSend | undefined) {
  const found = await workspaceWithTestRecipient(tx, accountId, workspaceId);
  if (!found) return null;
  const current = found.workspace.sendMode;
  const mode = modeNow(send?.mode ?? current, current);
  const recipient =
    mode === 'test' ? await testRecipientOf(tx, accountId, workspaceId, send, found.recipient) : null;
  return {
    workspace: found.workspace,
    mode,
    recipient,
    masked: mode === 'test' && (!recipient || recipient.masked),
  };
}

/** Whether a page rendered ahead of its transaction is masked (as pageMode decides), or null. */
async function pageMasked(tx: Db, accountId: string, workspaceId: string, send: StartedSend | undefined) {
  return (await pageMode(tx, accountId, workspaceId, send))?.masked ?? null;
}

/**
 * The test recipient of a test-mode page: the one recorded as the send started, as long as they can
 * still enter the workspace (else none: the emails are suppressed, not sent to someone who lost
 * access). A job started before sends recorded their mode follows the workspace's recipient.
 */
async function testRecipientOf(
  tx: Db,
  accountId: string,
  workspaceId: string,
  send: StartedSend | undefined,
  current: TestRecipient | null,
): Promise<TestRecipient | null> {
  if (!send) return current;
  if (!send.testRecipient) return null;
  const still = await testRecipientById(tx, accountId, workspaceId, send.testRecipient.memberId);
  return still; // at their address of now: an address they left may be someone else's
}
