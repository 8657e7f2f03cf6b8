import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import { DomainError, missing, notFound } from '../../shared/errors.js';
import { GroupCommit } from '../../shared/group-commit.js';
import type { KeyHolder } from '../api-keys/service.js';
import { changeOf, identifyRun, SUPPRESSED } from '../track/identify.js';
import { enqueueOperation } from '../track/queue.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import { type IdentifyCall, namedIn, parseIdentifier, rulesOf } from './identifier-rules.js';
import type { Person } from './schemas.js';
import { toPerson } from './service.js';
import { enterWorkspaceForTrack, type LockedPeople, type PeopleNamed } from './write-store.js';
import { takenMeanwhile } from './writer.js';

/**
 * The workspace a Track API key writes to, entered through its gate (shared), so revalidation
 * cannot finish, and the workspace cannot be deleted, between the calls' look and their write;
 * with the emails and ids the calls name locked, and the people they name (see writer.ts).
 */
async function enterWorkspace(
  tx: Db,
  key: KeyHolder,
  named: PeopleNamed,
): Promise<{ ws: WorkspaceRow; people: LockedPeople }> {
  return (await enterWorkspaceForTrack(tx, key.accountId, key.workspaceId, named)) ?? missing('Workspace');
}

export interface Queued {
  queued: true;
}

/** An identify of a suppressed person: ignored, answered as Customer.io does, `{}`. */
export type Ignored = { queued?: never; cioId?: never };

export const isQueued = (result: Person | Queued | Ignored): result is Queued =>
  'queued' in result && result.queued === true;

export interface IdentifyRequest {
  identifier: string;
  body: Record<string, unknown>;
}

/** Identify calls of one workspace in one transaction, applied in order; each answers for itself. */
function identifyInOneTransaction(
  ctx: AppContext,
  key: KeyHolder,
  requests: readonly IdentifyRequest[],
): Promise<Array<Person | Queued | Ignored | DomainError>> {
  return ctx.db.transaction(async (tx) => {
    const { ws, people } = await enterWorkspace(
      tx,
      key,
      namedIn(requests.map(({ identifier, body }) => ({ identifier, email: body.email, id: body.id }))),
    );
    const rules = rulesOf(ws);
    const results: Array<Person | Queued | Ignored | DomainError> = [];
    const calls: (IdentifyCall & { at: number })[] = [];
    for (const [at, { identifier, body }] of requests.entries()) {
      try {
        const change = changeOf(body); // malformed calls are refused now, not after revalidation
        if (ws.processingState === 'revalidating') {
          await enqueueOperation(tx, ctx.clock, ws, {
            type: 'person',
            action: 'identify',
            person: { path: identifier },
            attributes: body,
          });
          results[at] = { queued: true };
        } else calls.push({ key: parseIdentifier(identifier, rules), change, at });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results[at] = error;
      }
    }
    // A unique index that refuses the write fails the batch (see identifyAll).
    const outcomes = calls.length ? await identifyRun(tx, ctx.clock, ws, calls, people) : [];
    for (const [i, outcome] of outcomes.entries()) {
      const { at } = calls[i]!;
      results[at] =
        outcome === SUPPRESSED
          ? {}
          : outcome instanceof DomainError
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
): Promise<Array<Person | Queued | Ignored | Error>> {
  try {
    return await identifyInOneTransaction(ctx, key, requests);
  } catch (error) {
    if (requests.length === 1) {
      if (isUniqueViolation(error)) return [takenMeanwhile()];
      throw error;
    }
    const results: Array<Person | Queued | Ignored | Error> = [];
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
  const batches = new GroupCommit<{ key: KeyHolder; request: IdentifyRequest }, Person | Queued | Ignored>(
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
