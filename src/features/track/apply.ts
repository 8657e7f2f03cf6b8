import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation, isUnstorableText, pgErrorCode } from '../../db/errors.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError, invalid, missing, notFound } from '../../shared/errors.js';
import type { KeyHolder } from '../api-keys/service.js';
import { type IdentifyCall, rulesOf } from '../people/identifier-rules.js';
import { enterWorkspaceForTrack, type LockedPeople, type PeopleNamed } from '../people/write-store.js';
import { takenMeanwhile } from '../people/writer.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import { applyDeliveryOperation, checkDeliveryOperation, deliveryToQueue } from './deliveries.js';
import { identifyCallOf, identifyRun, NOT_CREATED, SUPPRESSED } from './identify.js';
import { applyMerge } from './merge.js';
import { applyObjectOperation } from './objects.js';
import type { OperationOutcome, PersonOperation, PersonRef, TrackOperation } from './operations.js';
import { applyPersonOperation, checkEvent, checkPersonOperation, eventRow } from './person-ops.js';
import { describeRef, keyOf } from './person-ref.js';
import { enqueueOperation } from './queue.js';
import { applySegmentOperation } from './segments.js';
import { insertAnonymousEvent } from './store.js';

/** An identify without relationships: a run of them goes through the writer together. */
type PlainIdentify = Extract<PersonOperation, { action: 'identify' }>;
const isPlainIdentify = (op: TrackOperation): op is PlainIdentify =>
  op.type === 'person' && op.action === 'identify' && !op.relationships?.length;

/**
 * The people an operation writes, whom its transaction locks at the gate. Segment operations and
 * object relationships only refer to people (read FOR KEY SHARE, which a delete waits for): naming
 * their up to 1,000 people would take the workspace's key lock exclusively (over 64 keys) and lock
 * every row FOR NO KEY UPDATE, stalling every other writer of the workspace.
 */
function refsOf(op: TrackOperation): PersonRef[] {
  if (op.type !== 'person') return [];
  return op.action === 'merge' ? [op.primary, op.secondary] : [op.person];
}

/**
 * Whom operations name, before they are parsed: v1's path as namedIn reads it (a cio_id, else an
 * id, and an email too with an @), v2's typed identifiers as they say, and the email and id an
 * identify gives. A superset of what the runs of identifies after the gate lock again (the gate
 * must hold them first: lock_person_keys.sql); over 64 keys, every writer of the workspace waits.
 */
export function namedByOperations(ops: readonly TrackOperation[]): PeopleNamed {
  const emails = new Set<string>();
  const ids = new Set<string>();
  const cioIds = new Set<string>();
  for (const op of ops) {
    for (const ref of refsOf(op)) {
      if ('path' in ref) {
        if (ref.path.startsWith('cio_')) cioIds.add(ref.path.slice(4));
        else ids.add(ref.path);
        if (ref.path.includes('@')) emails.add(ref.path);
      } else if ('cio_id' in ref) cioIds.add(ref.cio_id);
      else if ('email' in ref) emails.add(ref.email);
      else ids.add(ref.id);
    }
    if (op.type === 'person' && (op.action === 'identify' || op.action === 'submit_form')) {
      const { email, id } = op.attributes;
      if (typeof email === 'string') emails.add(email);
      if (typeof id === 'string' || typeof id === 'number') ids.add(String(id));
    }
  }
  return { emails: [...emails], ids: [...ids], cioIds: [...cioIds] };
}

/** What an operation's own fields must be: refused at once, before it is queued or applied. */
function check(op: TrackOperation): void {
  if (op.type === 'person') checkPersonOperation(op);
  else if (op.type === 'anonymous') checkEvent(op.event);
  else if (op.type === 'delivery') checkDeliveryOperation(op);
}

/**
 * Applies one operation in the caller's transaction, throwing a DomainError when refused: the
 * applier's savepoints, and the revalidation queue's drain, call it.
 */
export async function applyOperation(
  tx: Db,
  clock: Clock,
  ws: WorkspaceRow,
  op: TrackOperation,
): Promise<void> {
  check(op);
  switch (op.type) {
    case 'person':
      if (op.action === 'merge') return applyMerge(tx, clock, ws, op);
      return applyPersonOperation(tx, clock, ws, op);
    case 'anonymous':
      return insertAnonymousEvent(tx, {
        workspaceId: ws.id,
        anonymousId: op.anonymousId || null, // none: an invite event (its data names a recipient)
        ...eventRow(clock, op.event),
      });
    case 'segment':
      return applySegmentOperation(tx, ws, op);
    case 'object':
      return applyObjectOperation(tx, clock, ws, op);
    case 'delivery':
      return applyDeliveryOperation(tx, clock, ws, op);
  }
}

/**
 * The workspace as the next operation of the transaction must see it: once someone is suppressed,
 * identify calls look suppressions up (the row read at the gate said nobody ever was).
 */
export const workspaceAfter = (ws: WorkspaceRow, op: TrackOperation): WorkspaceRow =>
  op.type === 'person' && op.action === 'suppress' && !ws.suppresses ? { ...ws, suppresses: true } : ws;

/**
 * What one operation's own failure says to its caller, or undefined when the failure is not the
 * operation's (a lost connection, a bug): PostgreSQL's data exceptions (SQLSTATE class 22: a date
 * out of range, text it cannot store) and integrity violations (class 23: a key taken meanwhile)
 * are the operation's doing, refused as such (400/409), never a 500 after others were committed.
 */
export function refusalOf(op: TrackOperation, error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (isUniqueViolation(error))
    return op.type === 'person' && ['identify', 'submit_form', 'merge'].includes(op.action)
      ? takenMeanwhile()
      : new DomainError(
          'conflict',
          'What this operation writes was written meanwhile by another call: send it again.',
        );
  if (isUnstorableText(error)) return invalid('/', 'holds text that cannot be stored (a NUL byte?)');
  const code = pgErrorCode(error);
  if (code?.startsWith('22'))
    return invalid(
      '/',
      `holds a value that cannot be stored: a date or number out of range? (SQLSTATE ${code})`,
    );
  if (code?.startsWith('23'))
    return new DomainError(
      'conflict',
      `The operation conflicts with data written meanwhile (SQLSTATE ${code}).`,
    );
  return undefined;
}

const refuse = (op: TrackOperation, error: unknown): DomainError => {
  const refusal = refusalOf(op, error);
  if (refusal) return refusal;
  throw error;
};

export interface ApplyOptions {
  /** Identifies' outcomes carry the person as written (v1 identify answers it; v2 does not). */
  withPeople?: boolean;
}

/** A run of plain identifies, through the writer at once; each answers for itself. */
async function applyIdentifyRun(
  tx: Db,
  clock: Clock,
  ws: WorkspaceRow,
  run: readonly PlainIdentify[],
  locked: LockedPeople | undefined,
  { withPeople }: ApplyOptions,
): Promise<OperationOutcome[]> {
  const rules = rulesOf(ws);
  const outcomes: OperationOutcome[] = [];
  const calls: IdentifyCall[] = [];
  const at: number[] = [];
  for (const [i, op] of run.entries()) {
    try {
      calls.push(identifyCallOf(keyOf(op.person, rules), op.attributes));
      at.push(i);
    } catch (error) {
      outcomes[i] = refuse(op, error);
    }
  }
  const written = await identifyRun(tx, clock, ws, calls, locked);
  for (const [k, outcome] of written.entries()) {
    const i = at[k]!;
    outcomes[i] =
      outcome instanceof DomainError
        ? outcome
        : outcome === null
          ? notFound(`Person ${describeRef(run[i]!.person)}`)
          : outcome === SUPPRESSED || outcome === NOT_CREATED
            ? { applied: true } // ignored, as Customer.io does: nobody to answer with
            : withPeople
              ? { applied: true, person: outcome.person }
              : { applied: true };
  }
  return outcomes;
}

function applyInOneTransaction(
  ctx: AppContext,
  key: KeyHolder,
  ops: readonly TrackOperation[],
  options: ApplyOptions,
): Promise<OperationOutcome[]> {
  return ctx.db.transaction(async (tx) => {
    const entered =
      (await enterWorkspaceForTrack(tx, key.accountId, key.workspaceId, namedByOperations(ops))) ??
      missing('Workspace');
    let { ws } = entered;
    const outcomes: OperationOutcome[] = [];
    if (ws.processingState === 'revalidating') {
      for (const op of ops) {
        try {
          check(op); // malformed operations are refused now, not after revalidation
          if (op.type === 'delivery' && !(await deliveryToQueue(tx, ws, op))) {
            outcomes.push({ applied: true });
            continue;
          }
          await enqueueOperation(tx, ctx.clock, ws, op);
          outcomes.push({ queued: true });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          outcomes.push(error);
        }
      }
      return outcomes;
    }
    // The people the gate locked are as read only until the first write: later runs lock again.
    let locked: LockedPeople | undefined = entered.people;
    for (let i = 0; i < ops.length; ) {
      const op = ops[i]!;
      if (isPlainIdentify(op)) {
        const run: PlainIdentify[] = [];
        for (let next = ops[i]; next && isPlainIdentify(next); next = ops[++i]) run.push(next);
        outcomes.push(...(await applyIdentifyRun(tx, ctx.clock, ws, run, locked, options)));
      } else {
        try {
          const before = ws;
          await tx.transaction((inner) => applyOperation(inner, ctx.clock, before, op));
          ws = workspaceAfter(ws, op);
          outcomes.push({ applied: true });
        } catch (error) {
          outcomes.push(refuse(op, error));
        }
        i++;
      }
      locked = undefined;
    }
    return outcomes;
  });
}

/**
 * Applies operations of the key's workspace in order, in one transaction — or queues them while
 * the workspace revalidates its identifiers — each answering for itself: a refused operation
 * leaves no trace and does not stop the others. Whatever fails the whole transaction (a
 * concurrent writer that took an id first, bytes PostgreSQL cannot store) is one operation's
 * doing, which the batch cannot tell: they are then applied again one by one.
 */
export async function applyOperations(
  ctx: AppContext,
  key: KeyHolder,
  ops: readonly TrackOperation[],
  options: ApplyOptions = {},
): Promise<OperationOutcome[]> {
  if (ops.length === 0) return [];
  try {
    return await applyInOneTransaction(ctx, key, ops, options);
  } catch (error) {
    if (ops.length === 1) return [refuse(ops[0]!, error)];
    const outcomes: OperationOutcome[] = [];
    for (const op of ops) outcomes.push(...(await applyOperations(ctx, key, [op], options)));
    return outcomes;
  }
}
