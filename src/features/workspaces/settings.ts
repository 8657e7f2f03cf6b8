import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import type { FieldError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { changedFields, recordActivity } from '../activity/record.js';
import type { Actor } from '../auth/actor.js';
import { invalidFields, workspaceNotFound } from './problems.js';
import type { Settings, SettingsInput } from './schemas.js';
import type { WorkspaceRow } from './store.js';
import * as store from './store.js';
import { testRecipientById, workspaceWithTestRecipient } from './test-recipient.js';

/** A workspace's settings: how it sends, and how it identifies people. */

export const REVALIDATE_JOB = 'workspace.revalidate';

/** The settings as the API shows them. */
export async function loadSettings(tx: Db, accountId: string, workspaceId: string): Promise<Settings> {
  const { workspace: ws, recipient } =
    (await workspaceWithTestRecipient(tx, accountId, workspaceId)) ?? workspaceNotFound();
  return {
    sendMode: ws.sendMode,
    testRecipientMemberId: recipient?.memberId ?? null,
    testRecipientEmail: recipient?.email ?? null,
    openTracking: ws.openTracking,
    senderAddress: ws.senderAddress,
    identifiers: { email: ws.identifyByEmail, id: ws.identifyById },
    allowEmailUpdateById: ws.allowEmailUpdateById,
    processingState: ws.processingState,
  };
}

/** The settings as the activity log records them. */
export const settingsRecord = (ws: WorkspaceRow) => ({
  sendMode: ws.sendMode,
  testRecipientMemberId: ws.testRecipientMemberId,
  openTracking: ws.openTracking,
  senderAddress: ws.senderAddress,
  identifiers: { email: ws.identifyByEmail, id: ws.identifyById },
  allowEmailUpdateById: ws.allowEmailUpdateById,
});

export function getSettings(ctx: AppContext, actor: Actor, workspaceId: string): Promise<Settings> {
  const { accountId } = actor.subject;
  // Kept until the account's workspaces or members (the test recipient's address) change.
  return ctx.cache.read(accountId, `settings:${accountId}:${workspaceId}`, () =>
    loadSettings(ctx.db, accountId, workspaceId),
  );
}

/**
 * The test recipient reads the workspace's emails, so it must be an active team member who can
 * enter the workspace. Anyone else — unknown, of another account, invited, or without access here —
 * gets the same answer, which says nothing of whether such a member exists.
 */
export async function testRecipientProblem(
  tx: Db,
  accountId: string,
  workspaceId: string,
  memberId: string,
  at: string,
): Promise<FieldError | null> {
  if (await testRecipientById(tx, accountId, workspaceId, memberId)) return null;
  return {
    path: `${at}/testRecipientMemberId`,
    message: `${memberId} is not an active team member who can enter this workspace`,
  };
}

/**
 * Settings changes → column changes, refusing a state without identifiers or a bad test recipient
 * (checked here for an existing workspace; a new one checks it once its access is in place).
 */
export async function settingsChanges(
  tx: Db,
  accountId: string,
  workspaceId: string | null,
  input: SettingsInput,
  at: string,
): Promise<Partial<store.NewWorkspace>> {
  const errors: FieldError[] = [];
  if (input.identifiers && !input.identifiers.email && !input.identifiers.id) {
    errors.push({ path: `${at}/identifiers`, message: 'keep email or id (or both) as an identifier' });
  }
  if (input.testRecipientMemberId !== undefined && workspaceId !== null) {
    const problem = await testRecipientProblem(tx, accountId, workspaceId, input.testRecipientMemberId, at);
    if (problem) errors.push(problem);
  }
  if (errors.length > 0) throw invalidFields(errors);
  return {
    ...(input.sendMode !== undefined && { sendMode: input.sendMode }),
    ...(input.testRecipientMemberId !== undefined && { testRecipientMemberId: input.testRecipientMemberId }),
    ...(input.openTracking !== undefined && { openTracking: input.openTracking }),
    ...(input.senderAddress !== undefined && { senderAddress: input.senderAddress }),
    ...(input.identifiers !== undefined && {
      identifyByEmail: input.identifiers.email,
      identifyById: input.identifiers.id,
    }),
    ...(input.allowEmailUpdateById !== undefined && { allowEmailUpdateById: input.allowEmailUpdateById }),
  };
}

/**
 * Changes settings. Changing identifiers pauses people and event processing while a job revalidates
 * the workspace ("Processing resumes once validation is complete; no data is dropped").
 */
export async function updateSettings(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: SettingsInput,
) {
  const { accountId } = actor.subject;
  const result = await ctx.db.transaction(async (tx) => {
    const before = (await store.lockWorkspace(tx, accountId, workspaceId)) ?? workspaceNotFound();
    const changes = await settingsChanges(tx, accountId, workspaceId, input, '');
    const identifiersChange =
      (changes.identifyByEmail !== undefined && changes.identifyByEmail !== before.identifyByEmail) ||
      (changes.identifyById !== undefined && changes.identifyById !== before.identifyById);
    const diff = changedFields(settingsRecord(before), settingsRecord({ ...before, ...changes }));
    if (!diff) return { ws: before, revalidating: false };
    // The job of this change supersedes any earlier one still queued or running (revalidate.ts).
    const revalidationJobId = identifiersChange ? newId('job') : undefined;
    const ws = await store.updateWorkspace(tx, workspaceId, {
      ...changes,
      ...(revalidationJobId && { processingState: 'revalidating' as const, revalidationJobId }),
      updatedAt: ctx.clock.now(),
    });
    if (revalidationJobId) {
      await ctx.jobs.enqueue(tx, {
        id: revalidationJobId,
        accountId,
        workspaceId,
        kind: REVALIDATE_JOB,
        payload: { identifiers: { email: ws.identifyByEmail, id: ws.identifyById } },
      });
    }
    await recordActivity(tx, ctx.clock, {
      accountId,
      workspaceId,
      author: actor,
      action: 'workspace.settings_changed',
      target: { type: 'workspace', id: workspaceId, name: ws.name },
      before: diff.before,
      after: diff.after,
    });
    return { ws, revalidating: identifiersChange };
  });
  if (result.revalidating) ctx.jobs.notify();
  return { settings: await loadSettings(ctx.db, accountId, workspaceId), revalidating: result.revalidating };
}
