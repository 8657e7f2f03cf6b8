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
import type { LockedPeople } from '../people/write-store.js';
import { upsertPeople } from '../people/writer.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import { claimAnonymousEvents, keyText, suppressedAmong } from './store.js';

/** The Track API's identify body (v1's, and v2's attributes): `email` and `id` are identifiers, all else attributes. */
export function changeOf(body: Record<string, unknown>): PersonChange {
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

/** An identify of a suppressed person: ignored, as Customer.io ignores it (answered 200 `{}`). */
export const SUPPRESSED = 'suppressed' as const;

export type IdentifyRunOutcome = IdentifyOutcome | typeof SUPPRESSED;

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
  const written = await upsertPeople(tx, clock, ws.id, kept, rulesOf(ws), locked ? { locked } : {});
  const owners = new Map<string, string>();
  for (const [i, outcome] of written.entries()) {
    outcomes[at[i]!] = outcome;
    const anonymousId = anonymousIdOf(kept[i]!.change);
    if (anonymousId !== undefined && outcome && !(outcome instanceof Error))
      owners.set(anonymousId, outcome.person.cioId);
  }
  await claimAnonymousEvents(tx, ws.id, owners);
  return outcomes;
}
