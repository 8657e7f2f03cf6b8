import type { AppContext } from '../../context.js';
import { GroupCommit } from '../../shared/group-commit.js';
import type { KeyHolder } from '../api-keys/service.js';
import type { Person } from '../people/schemas.js';
import { toPerson } from '../people/service.js';
import { applyOperations } from './apply.js';
import type { OperationOutcome, TrackOperation } from './operations.js';

/** What v1 identify answers: the person, queued (202) while revalidating, or `{}` when suppressed. */
export type IdentifyAnswer = Person | Queued | Ignored;
interface Queued {
  queued: true;
}
type Ignored = { queued?: never; cioId?: never };

export const isQueued = (answer: IdentifyAnswer): answer is Queued =>
  'queued' in answer && answer.queued === true;

// One batch in flight per workspace: the calls that arrive meanwhile make the next one. (Two in
// flight measured no faster, and hold two connections.) A batch waits at most 2 ms for as many
// calls as the last one held.
const BATCH = { maxBatch: 200, maxInFlight: 1, lingerMs: 2 };

/** The answer of one call's outcome; a refusal is an Error, which rejects that call only. */
function answerOf(outcome: OperationOutcome): IdentifyAnswer | Error {
  if (outcome instanceof Error) return outcome;
  if ('queued' in outcome) return { queued: true };
  return outcome.person ? toPerson(outcome.person) : {};
}

/**
 * v1's identify calls (PUT /api/v1/customers/{identifier}) by group commit: concurrent calls of
 * one workspace go to the one applier together, as a run of identify operations in one
 * transaction (one round trip to write them all), in arrival order, each answering for itself.
 */
export function identifyCalls(ctx: AppContext) {
  const batches = new GroupCommit<{ key: KeyHolder; op: TrackOperation }, IdentifyAnswer>(
    async (_workspaceId, items) =>
      (
        await applyOperations(
          ctx,
          items[0]!.key,
          items.map((i) => i.op),
          { withPeople: true },
        )
      ).map(answerOf),
    BATCH,
  );
  return (key: KeyHolder, identifier: string, body: Record<string, unknown>) =>
    batches.submit(key.workspaceId, {
      key,
      op: { type: 'person', action: 'identify', person: { path: identifier }, attributes: body },
    });
}
