import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import type { TrackOperation } from '../../db/schema.js';
import { workspaces } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError, invalid, missing } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { KeyHolder } from '../api-keys/service.js';
import { enterWorkspaceGate, type WorkspaceRow } from '../workspaces/store.js';
import { type PersonChange, parseIdentifier, upsertPerson } from './identify.js';
import type { Person } from './schemas.js';
import { rulesOf, toPerson } from './service.js';
import * as store from './store.js';

/** The Track API's identify body: `email` and `id` are identifiers, all else attributes. */
function changeOf(body: Record<string, unknown>): PersonChange {
  const { email, id, cio_id: _ignored, ...attributes } = body;
  if (email !== undefined && email !== null && (typeof email !== 'string' || !email.includes('@'))) {
    throw invalid('/email', 'must be an email address, or null');
  }
  if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') {
    throw invalid('/id', 'must be a string or a number, or null');
  }
  return {
    ...(email !== undefined && { email: email as string | null }),
    ...(id !== undefined && { id: id === null ? null : String(id) }),
    attributes,
  };
}

export type TrackResult =
  | { operation: 'identify'; person: Person }
  | { operation: 'delete' }
  | { operation: 'event'; event: { id: string; name: string; cioId: string; createdAt: string } };

/** Applies one Track API call to the workspace's people, in the caller's transaction. */
export async function applyTrackCall(
  tx: Db,
  clock: Clock,
  ws: WorkspaceRow,
  operation: TrackOperation,
  identifier: string,
  body: Record<string, unknown>,
): Promise<TrackResult> {
  const rules = rulesOf(ws);
  const key = parseIdentifier(identifier, rules);
  if (operation === 'identify') {
    const result =
      (await upsertPerson(tx, clock, ws.id, key, changeOf(body), rules)) ?? missing(`Person ${identifier}`);
    return { operation, person: toPerson(result.person) };
  }
  const person = (await store.findPerson(tx, ws.id, key)) ?? missing(`Person ${identifier}`);
  if (operation === 'delete') {
    await store.deletePerson(tx, ws.id, person.cioId);
    return { operation };
  }
  const event = await store.insertEvent(tx, {
    workspaceId: ws.id,
    id: newId('evt'),
    cioId: person.cioId,
    name: String(body.name),
    data: (body.data as Record<string, unknown> | undefined) ?? {},
    createdAt: clock.now(),
  });
  return {
    operation,
    event: { id: event.id, name: event.name, cioId: event.cioId, createdAt: event.createdAt.toISOString() },
  };
}

/**
 * A Track API call: applied at once, or — while the workspace revalidates its identifiers — queued
 * in arrival order and applied when revalidation ends ("no data is dropped"). The call holds the
 * workspace's gate (shared), so the revalidation cannot finish, and the workspace cannot be
 * deleted, between this call's look and its write.
 */
export async function trackCall<O extends TrackOperation>(
  ctx: AppContext,
  key: KeyHolder,
  operation: O,
  identifier: string,
  body: Record<string, unknown>,
): Promise<Extract<TrackResult, { operation: O }> | { queued: true }> {
  return ctx.db.transaction(async (tx) => {
    await enterWorkspaceGate(tx, key.workspaceId, 'shared');
    const [ws] = await tx
      .select()
      .from(workspaces)
      .where(
        and(
          eq(workspaces.id, key.workspaceId),
          eq(workspaces.accountId, key.accountId),
          isNull(workspaces.deletedAt),
        ),
      );
    if (!ws) missing('Workspace');
    if (ws.processingState === 'revalidating') {
      if (operation === 'identify') changeOf(body); // refuse malformed calls now, not later
      await store.enqueueTrackCall(tx, {
        workspaceId: ws.id,
        operation,
        identifier,
        body,
        receivedAt: ctx.clock.now(),
      });
      return { queued: true as const };
    }
    return (await applyTrackCall(tx, ctx.clock, ws, operation, identifier, body)) as Extract<
      TrackResult,
      { operation: O }
    >;
  });
}

/**
 * Applies the calls queued during revalidation, oldest first, each with its removal from the queue
 * in one transaction (so a crash midway neither loses nor repeats one). A call the data refuses
 * (a conflict, a person deleted meanwhile) is recorded in the activity log, not retried forever.
 * Returns how many it applied.
 */
export async function drainTrackQueue(
  ctx: AppContext,
  ws: WorkspaceRow,
  onRejected: (
    tx: Db,
    call: { identifier: string; operation: TrackOperation },
    error: DomainError,
  ) => Promise<void>,
): Promise<number> {
  let applied = 0;
  for (;;) {
    const batch = await store.nextTrackCalls(ctx.db, ws.id, 500);
    if (batch.length === 0) return applied;
    for (const call of batch) {
      await ctx.db.transaction(async (tx) => {
        try {
          await tx.transaction((inner) =>
            applyTrackCall(inner, ctx.clock, ws, call.operation, call.identifier, call.body),
          );
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          await onRejected(tx, call, error);
        }
        await store.deleteTrackCall(tx, ws.id, call.seq);
      });
      applied++;
    }
  }
}
