import type { Db } from '../../db/connection.js';
import type { Clock } from '../../shared/clock.js';
import { invalid } from '../../shared/errors.js';
import {
  type IdentifyCall,
  type IdentifyOutcome,
  type PersonChange,
  rulesOf,
} from '../people/identifier-rules.js';
import type { PersonKey } from '../people/store.js';
import { keyText, suppressedAmong } from '../people/suppressions.js';
import type { LockedPeople } from '../people/write-store.js';
import { upsertPeople } from '../people/writer.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import { checkEmail, checkId } from './limits.js';
import { claimAnonymousEvents } from './store.js';

/**
 * The Track API's identify body (v1's, and v2's attributes): `email` and `id` are identifiers, held
 * to their limits (limits.ts: one address; an id of at most 150 bytes), all else attributes.
 */
export function changeOf(body: Record<string, unknown>): PersonChange {
  const { email, id, cio_id: _ignored, _update: updateOnly, ...attributes } = body;
  const refusal = checkEmail(email, 'email') ?? checkId(id, 'id');
  if (refusal) throw invalid(`/${refusal.field}`, refusal.message);
  if (updateOnly !== undefined && typeof updateOnly !== 'boolean')
    throw invalid('/_update', '_update must be true (update someone who exists) or false');
  return {
    ...(email !== undefined && { email: email as string | null }),
    ...(id !== undefined && { id: id === null ? null : String(id) }),
    attributes,
  };
}

/**
 * An identify of `key` with a Track API body. `_update: true` is Customer.io's "update only": a
 * key that names nobody creates nobody (and `_update` is a flag, never an attribute).
 */
export const identifyCallOf = (key: PersonKey, body: Record<string, unknown>): IdentifyCall => ({
  key,
  change: changeOf(body),
  ...(body._update === true && { create: false }),
});

/** An identify of a suppressed person: ignored, as Customer.io ignores it (answered 200 `{}`). */
export const SUPPRESSED = 'suppressed' as const;
/** An update-only identify (`_update: true`) of nobody: nothing to do, answered 200 `{}` too. */
export const NOT_CREATED = 'not_created' as const;

export type IdentifyRunOutcome = IdentifyOutcome | typeof SUPPRESSED | typeof NOT_CREATED;

/** The keys a call names or gives: any of them suppressed makes the call ignored. */
function keysOf({ key, change }: IdentifyCall): PersonKey[] {
  return [
    key,
    ...(change.email ? [{ by: 'email', value: change.email } as const] : []),
    ...(change.id ? [{ by: 'id', value: change.id } as const] : []),
  ];
}

/** The anonymous id an identify sets (the attribute `anonymous_id`), whose events become the person's. */
function anonymousIdOf(change: PersonChange): string | undefined {
  const value = change.attributes?.anonymous_id;
  return (typeof value === 'string' && value !== '') || typeof value === 'number' ? String(value) : undefined;
}

/**
 * Identify calls in order, through the one write path (upsertPeople: one round trip for them all),
 * in the caller's transaction: calls that name or give a suppressed identifier are ignored; a call that sets `anonymous_id` takes that
 * id's anonymous events (one statement, only when some call sets it). `locked`: the people the
 * caller locked already (the Track API's gate does), when nothing changed them since.
 */
export async function identifyRun(
  tx: Db,
  clock: Clock,
  ws: WorkspaceRow,
  calls: readonly IdentifyCall[],
  locked?: LockedPeople,
): Promise<IdentifyRunOutcome[]> {
  // Looked up whatever the flag read at the gate said: a workspace's first suppression, by
  // cio_<id>, locks no key of the person it deletes, and may commit while the gate waited for that
  // person's row; this later statement sees it (one index probe, once per run of identifies).
  const suppressed = await suppressedAmong(tx, ws.id, calls.flatMap(keysOf));
  const kept: IdentifyCall[] = [];
  const at: number[] = [];
  const outcomes: IdentifyRunOutcome[] = calls.map((call, i) => {
    if (keysOf(call).some((k) => suppressed.has(keyText(k)))) return SUPPRESSED;
    kept.push(call);
    at.push(i);
    return null;
  });
  if (kept.length === 0) return outcomes;
  // The writer looks suppressions up for its rules unless told: the calls kept give none (above).
  const written = await upsertPeople(tx, clock, ws.id, kept, rulesOf(ws), {
    ...(locked && { locked }),
    suppressed: new Set(),
  });
  const owners = new Map<string, string>();
  for (const [i, outcome] of written.entries()) {
    outcomes[at[i]!] = outcome === null && kept[i]!.create === false ? NOT_CREATED : outcome;
    const anonymousId = anonymousIdOf(kept[i]!.change);
    if (anonymousId !== undefined && outcome && !(outcome instanceof Error))
      owners.set(anonymousId, outcome.person.cioId);
  }
  await claimAnonymousEvents(tx, ws.id, owners);
  return outcomes;
}
