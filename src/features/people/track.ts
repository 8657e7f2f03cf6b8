import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { TrackOperation } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError, invalid, missing, notFound } from '../../shared/errors.js';
import { GroupCommit } from '../../shared/group-commit.js';
import { newId } from '../../shared/ids.js';
import type { KeyHolder } from '../api-keys/service.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import {
  type IdentifyCall,
  namedIn,
  type PersonChange,
  parseIdentifier,
  rulesOf,
} from './identifier-rules.js';
import type { Person } from './schemas.js';
import { toPerson } from './service.js';
import * as store from './store.js';
import { enterWorkspaceForTrack, type LockedPeople, type PeopleNamed } from './write-store.js';
import { takenMeanwhile, upsertPeople, upsertPerson } from './writer.js';

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
 * The workspace a Track API key writes to, entered through its gate (shared), so revalidation
 * cannot finish, and the workspace cannot be deleted, between the calls' look and their write;
 * with the emails and ids the calls name locked, and the people they name (see writer.ts).
 */
async function enterWorkspace(
  tx: Db,
  key: KeyHolder,
  named: PeopleNamed = { emails: [], ids: [], cioIds: [] },
): Promise<{ ws: WorkspaceRow; people: LockedPeople }> {
  return (await enterWorkspaceForTrack(tx, key.accountId, key.workspaceId, named)) ?? missing('Workspace');
}

/** While the workspace revalidates its identifiers, calls wait in arrival order ("no data is dropped"). */
async function enqueue(
  tx: Db,
  clock: Clock,
  ws: WorkspaceRow,
  operation: TrackOperation,
  identifier: string,
  body: Record<string, unknown>,
) {
  await store.enqueueTrackCall(tx, {
    workspaceId: ws.id,
    operation,
    identifier,
    body,
    receivedAt: clock.now(),
  });
}

export interface Queued {
  queued: true;
}

/** A delete or event call: applied at once, or queued while the workspace revalidates. */
export async function trackCall<O extends 'delete' | 'event'>(
  ctx: AppContext,
  key: KeyHolder,
  operation: O,
  identifier: string,
  body: Record<string, unknown>,
): Promise<Extract<TrackResult, { operation: O }> | Queued> {
  return ctx.db.transaction(async (tx) => {
    const { ws } = await enterWorkspace(tx, key);
    if (ws.processingState === 'revalidating') {
      await enqueue(tx, ctx.clock, ws, operation, identifier, body);
      return { queued: true as const };
    }
    return (await applyTrackCall(tx, ctx.clock, ws, operation, identifier, body)) as Extract<
      TrackResult,
      { operation: O }
    >;
  });
}

export interface IdentifyRequest {
  identifier: string;
  body: Record<string, unknown>;
}

/** Identify calls of one workspace in one transaction, applied in order; each answers for itself. */
function identifyInOneTransaction(
  ctx: AppContext,
  key: KeyHolder,
  requests: readonly IdentifyRequest[],
): Promise<Array<Person | Queued | DomainError>> {
  return ctx.db.transaction(async (tx) => {
    const { ws, people } = await enterWorkspace(
      tx,
      key,
      namedIn(requests.map(({ identifier, body }) => ({ identifier, email: body.email, id: body.id }))),
    );
    const rules = rulesOf(ws);
    const results: Array<Person | Queued | DomainError> = [];
    const calls: (IdentifyCall & { at: number })[] = [];
    for (const [at, { identifier, body }] of requests.entries()) {
      try {
        const change = changeOf(body); // malformed calls are refused now, not after revalidation
        if (ws.processingState === 'revalidating') {
          await enqueue(tx, ctx.clock, ws, 'identify', identifier, body);
          results[at] = { queued: true };
        } else calls.push({ key: parseIdentifier(identifier, rules), change, at });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results[at] = error;
      }
    }
    // A unique index that refuses the write fails the batch (see identifyAll).
    const outcomes = await upsertPeople(tx, ctx.clock, ws.id, calls, rules, { locked: people });
    for (const [i, outcome] of outcomes.entries()) {
      const { at } = calls[i]!;
      results[at] =
        outcome instanceof DomainError
          ? outcome
          : outcome
            ? toPerson(outcome.person)
            : notFound(`Person ${requests[at]!.identifier}`);
    }
    return results;
  });
}

/**
 * Identify calls of one workspace, together. Whatever fails the whole transaction — a concurrent
 * writer that took an id first, bytes PostgreSQL cannot store — is one call's doing, which the
 * batch cannot tell: the calls are then applied again one by one, so it fails that call only.
 */
async function identifyAll(
  ctx: AppContext,
  key: KeyHolder,
  requests: readonly IdentifyRequest[],
): Promise<Array<Person | Queued | Error>> {
  try {
    return await identifyInOneTransaction(ctx, key, requests);
  } catch (error) {
    if (requests.length === 1) {
      if (isUniqueViolation(error)) return [takenMeanwhile()];
      throw error;
    }
    const results: Array<Person | Queued | Error> = [];
    for (const request of requests) {
      const [result] = await identifyAll(ctx, key, [request]).catch((failure: unknown) => [
        failure instanceof Error ? failure : new Error(String(failure)),
      ]);
      results.push(result!);
    }
    return results;
  }
}

// One batch in flight per workspace: the calls that arrive meanwhile make the next one. (Two in
// flight measured no faster, and hold two connections.) A batch waits at most 2 ms for as many
// calls as the last one held.
const BATCH = { maxBatch: 200, maxInFlight: 1, lingerMs: 2 };

/**
 * The Track API's identify calls (create or update a person), applied by group commit: concurrent
 * calls for one workspace share a transaction, in arrival order, each answering for itself — the
 * person, queued (202) while the workspace revalidates, or its own refusal.
 */
export function identifyCalls(ctx: AppContext) {
  const batches = new GroupCommit<{ key: KeyHolder; request: IdentifyRequest }, Person | Queued>(
    (_workspaceId, items) =>
      identifyAll(
        ctx,
        items[0]!.key,
        items.map((i) => i.request),
      ),
    BATCH,
  );
  return (key: KeyHolder, request: IdentifyRequest) => batches.submit(key.workspaceId, { key, request });
}

/**
 * Applies the next calls queued during revalidation, up to `limit`, oldest first, each with its
 * removal from the queue, in the caller's transaction, which holds the workspace's gate exclusively
 * (lockWorkspace, read as `ws`): so no call is being queued meanwhile, and two drainers (a job
 * whose lease ran out and the worker that took it over, in two processes) take turns, each reading
 * what the other left. Each call is applied exactly once, in arrival order, whoever drains, and a
 * crash midway rolls back the calls with their removal. A call the data refuses (a conflict, a
 * person deleted meanwhile) is recorded (`onRejected`), not retried forever. Returns how many it
 * applied, and whether the queue may hold more.
 */
export async function applyQueuedTrackCalls(
  tx: Db,
  clock: Clock,
  ws: WorkspaceRow,
  limit: number,
  onRejected: (
    tx: Db,
    call: { identifier: string; operation: TrackOperation },
    error: DomainError,
  ) => Promise<void>,
): Promise<{ applied: number; more: boolean }> {
  const calls = await store.nextTrackCalls(tx, ws.id, limit);
  for (const call of calls) {
    try {
      await tx.transaction((inner) =>
        applyTrackCall(inner, clock, ws, call.operation, call.identifier, call.body),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await onRejected(tx, call, error);
    }
  }
  await store.deleteTrackCalls(
    tx,
    ws.id,
    calls.map((c) => c.seq),
  );
  return { applied: calls.length, more: calls.length === limit };
}
