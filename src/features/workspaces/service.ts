import { type Subject, workspaceGrant } from '../../access/subject.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { assertKeepsOneWorkspace } from '../accounts/keep-one.js';
import { assertWithinLimit, limitsOf } from '../accounts/plans.js';
import { countLiveWorkspaces, lockAccount } from '../accounts/store.js';
import { type ActivityAuthor, changedFields, recordActivity } from '../activity/record.js';
import { revokeWorkspaceKeys } from '../api-keys/store.js';
import type { Actor } from '../auth/actor.js';
import { updateMember } from '../team/store.js';
import { assertNoOpenTransfer } from '../transfers/service.js';
import { applyAccess, listAccess, validateAccess } from './access.js';
import { invalidFields, workspaceNotFound } from './problems.js';
import type {
  AccessInput,
  CreateWorkspaceBody,
  SettingsInput,
  UpdateWorkspaceBody,
  Workspace,
} from './schemas.js';
import { loadSettings, settingsChanges, settingsRecord, testRecipientProblem } from './settings.js';
import type { WorkspaceRow } from './store.js';
import * as store from './store.js';
import { workspaceWithTestRecipient } from './test-recipient.js';

export const PURGE_JOB = 'workspace.purge';
// Its job is queued by a settings change; named here too, as the worker (app.ts) imports it.
export { REVALIDATE_JOB } from './settings.js';

/** Colours handed out in turn to workspaces created without one. */
const palette = ['#5b5bd6', '#0f9d8a', '#e5484d', '#f76b15', '#8e4ec6', '#3e63dd', '#d6409f', '#46a758'];

// ---- views ------------------------------------------------------------------------------------

export function toWorkspace(
  ws: WorkspaceRow,
  subject: Subject,
  currentWorkspaceId: string | null,
): Workspace {
  const grant = subject.workspaces.get(ws.id);
  return {
    id: ws.id,
    name: ws.name,
    color: ws.color,
    createdAt: ws.createdAt.toISOString(),
    updatedAt: ws.updatedAt.toISOString(),
    current: ws.id === currentWorkspaceId,
    role: grant?.role ?? 'workspace_admin',
    hideAttributes: grant?.hideAttributes ?? false,
    processingState: ws.processingState,
  };
}

// ---- reading ------------------------------------------------------------------------------------

/** The workspaces the caller may enter, oldest first. */
export async function listWorkspaces(ctx: AppContext, actor: Actor): Promise<Workspace[]> {
  const { subject } = actor;
  const rows = await store.listWorkspaces(ctx.db, subject.accountId, [...subject.workspaces.keys()]);
  return rows.map((ws) => toWorkspace(ws, subject, actor.currentWorkspaceId));
}

/**
 * One workspace, with how it sends: everyone in it sees the test-mode banner ("You can see who will
 * receive test emails in the top-left of your workspace"), not only those who may read settings.
 */
export async function getWorkspace(ctx: AppContext, actor: Actor, workspaceId: string) {
  const found =
    (await workspaceWithTestRecipient(ctx.db, actor.subject.accountId, workspaceId)) ?? workspaceNotFound();
  return {
    ...toWorkspace(found.workspace, actor.subject, actor.currentWorkspaceId),
    sendMode: found.workspace.sendMode,
    testRecipientEmail: found.workspace.sendMode === 'test' ? (found.recipient?.email ?? null) : null,
  };
}

// ---- creating -----------------------------------------------------------------------------------

export interface NewWorkspaceInput {
  accountId: string;
  name: string;
  color?: string | undefined;
  settings?: SettingsInput | undefined;
  access?: AccessInput | undefined;
  /** Receives test emails unless settings name someone else: the account's creator. */
  defaultTestRecipientId: string;
  author: ActivityAuthor;
}

/**
 * Creates a workspace inside the caller's transaction, which must hold the account lock (plan limit).
 * New workspaces send to the test address until someone chooses otherwise (product.md §1).
 */
export async function insertNewWorkspace(
  ctx: AppContext,
  tx: Db,
  input: NewWorkspaceInput,
): Promise<WorkspaceRow> {
  const now = ctx.clock.now();
  const existing = await countLiveWorkspaces(tx, input.accountId);
  if (input.access) await validateAccess(tx, input.accountId, input.access, '/access');
  const settings = await settingsChanges(tx, input.accountId, null, input.settings ?? {}, '/settings');
  let ws: WorkspaceRow;
  try {
    ws = await store.insertWorkspace(tx, {
      id: newId('ws'),
      accountId: input.accountId,
      name: input.name.trim(),
      color: input.color ?? palette[existing % palette.length]!,
      sendMode: 'test',
      testRecipientMemberId: input.defaultTestRecipientId,
      openTracking: true,
      identifyByEmail: true,
      identifyById: true,
      allowEmailUpdateById: true,
      processingState: 'ready',
      createdAt: now,
      updatedAt: now,
      ...settings,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
  if (input.access) await applyAccess(tx, ws.id, input.access);
  const chosen = input.settings?.testRecipientMemberId;
  const problem =
    chosen !== undefined && (await testRecipientProblem(tx, ws.accountId, ws.id, chosen, '/settings'));
  if (problem) throw invalidFields([problem]);
  await recordActivity(tx, ctx.clock, {
    accountId: ws.accountId,
    workspaceId: ws.id,
    author: input.author,
    action: 'workspace.created',
    target: { type: 'workspace', id: ws.id, name: ws.name },
    after: { name: ws.name, color: ws.color, settings: settingsRecord(ws), access: input.access ?? [] },
  });
  return ws;
}

const nameTaken = (name: string) =>
  new DomainError('name_taken', `A workspace named "${name.trim()}" already exists in this account.`, {
    errors: [{ path: '/name', message: 'already used by another workspace of this account' }],
  });

export async function createWorkspace(ctx: AppContext, actor: Actor, body: CreateWorkspaceBody) {
  const { accountId } = actor.subject;
  const ws = await ctx.db.transaction(async (tx) => {
    const account = await lockAccount(tx, accountId);
    assertWithinLimit(
      account.plan,
      limitsOf(account),
      'workspaces',
      await countLiveWorkspaces(tx, accountId),
    );
    return insertNewWorkspace(ctx, tx, {
      accountId,
      name: body.name,
      color: body.color,
      settings: body.settings,
      access: body.access,
      defaultTestRecipientId: account.createdByMemberId ?? actor.member.id,
      author: actor,
    });
  });
  return withDetails(ctx, actor, ws);
}

/** A workspace with its settings and access, as create and edit answer. */
async function withDetails(ctx: AppContext, actor: Actor, ws: WorkspaceRow) {
  // The actor's subject predates a workspace created in this request; Account Admins hold it anyway.
  const subject = { ...actor.subject, workspaces: new Map(actor.subject.workspaces) };
  const grant = workspaceGrant(subject.accountRole, null);
  if (!subject.workspaces.has(ws.id) && grant) subject.workspaces.set(ws.id, grant);
  return {
    ...toWorkspace(ws, subject, actor.currentWorkspaceId),
    settings: await loadSettings(ctx.db, ws.accountId, ws.id),
    access: await listAccess(ctx.db, ws.accountId, ws.id),
  };
}

// ---- changing -----------------------------------------------------------------------------------

export async function updateWorkspace(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  body: UpdateWorkspaceBody,
) {
  const { accountId } = actor.subject;
  const ws = await ctx.db.transaction(async (tx) => {
    const before = (await store.lockWorkspace(tx, accountId, workspaceId)) ?? workspaceNotFound();
    if (body.access) await validateAccess(tx, accountId, body.access, '/access');
    const changes = { name: body.name?.trim(), color: body.color };
    const diff = changedFields({ name: before.name, color: before.color }, changes);
    let after = before;
    if (diff) {
      try {
        after = await store.updateWorkspace(tx, workspaceId, { ...diff.after, updatedAt: ctx.clock.now() });
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(body.name ?? '');
        throw error;
      }
    }
    const accessBefore = body.access ? await listAccess(tx, accountId, workspaceId) : [];
    if (body.access) await applyAccess(tx, workspaceId, body.access);
    if (diff || body.access) {
      await recordActivity(tx, ctx.clock, {
        accountId,
        workspaceId,
        author: actor,
        action: 'workspace.updated',
        target: { type: 'workspace', id: workspaceId, name: after.name },
        before: { ...diff?.before, ...(body.access && { access: accessBefore }) },
        after: { ...diff?.after, ...(body.access && { access: body.access }) },
      });
    }
    return after;
  });
  return withDetails(ctx, actor, ws);
}

export async function switchWorkspace(ctx: AppContext, actor: Actor, workspaceId: string): Promise<void> {
  if (!actor.subject.workspaces.has(workspaceId)) workspaceNotFound();
  await updateMember(ctx.db, actor.subject.accountId, actor.member.id, { currentWorkspaceId: workspaceId });
}

// ---- deleting -----------------------------------------------------------------------------------

/**
 * Deletes a workspace: hidden at once (every read filters on deleted_at), its rows purged by a
 * resumable job so that a large workspace neither blocks others nor is ever seen half-deleted.
 */
export async function deleteWorkspace(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  confirmName: string,
) {
  const { accountId } = actor.subject;
  const job = await ctx.db.transaction(async (tx) => {
    await lockAccount(tx, accountId);
    const ws = (await store.lockWorkspace(tx, accountId, workspaceId)) ?? workspaceNotFound();
    await assertNoOpenTransfer(tx, workspaceId, ctx.clock.now());
    // The seed: "You must type your workspace's name (case-sensitive) to delete it."
    if (confirmName !== ws.name) {
      throw new DomainError(
        'confirm_name_mismatch',
        `Type the workspace's name exactly, "${ws.name}", to delete it.`,
        {
          errors: [{ path: '/confirmName', message: 'does not match the workspace name (case-sensitive)' }],
        },
      );
    }
    await assertKeepsOneWorkspace(tx, accountId, 'deleting this one');
    const now = ctx.clock.now();
    await store.updateWorkspace(tx, workspaceId, { deletedAt: now, updatedAt: now });
    await revokeWorkspaceKeys(tx, workspaceId, now);
    await recordActivity(tx, ctx.clock, {
      accountId,
      // Account-level: the workspace's own log is purged with it.
      workspaceId: null,
      author: actor,
      action: 'workspace.deleted',
      target: { type: 'workspace', id: workspaceId, name: ws.name },
      before: { name: ws.name, color: ws.color, settings: settingsRecord(ws) },
    });
    return ctx.jobs.enqueue(tx, { accountId, kind: PURGE_JOB, payload: { workspaceId } });
  });
  ctx.jobs.notify();
  return job;
}
