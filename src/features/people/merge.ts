import type { AppContext } from '../../context.js';
import { recordActivity } from '../activity/record.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import * as store from './store.js';

/**
 * Merges people who share an email, as enabling email as an identifier requires: the oldest
 * survives; attributes are merged with the newest value winning; the survivor keeps its id or
 * takes the newest of the others'; events move to the survivor; each merge is logged. Each group
 * is one transaction, so a crash midway leaves whole merges only, and running again finishes the
 * rest. Returns how many people were merged away.
 */
export async function mergeSharedEmails(ctx: AppContext, ws: WorkspaceRow): Promise<number> {
  let merged = 0;
  for (;;) {
    const groups = await store.sharedEmails(ctx.db, ws.id, 100);
    if (groups.length === 0) return merged;
    for (const { cioIds } of groups) {
      await ctx.db.transaction(async (tx) => {
        const rows = await store.findPeople(tx, ws.id, cioIds);
        const survivor = rows.find((r) => r.cioId === cioIds[0])!;
        const others = rows.filter((r) => r !== survivor);
        const newestFirst = [...rows].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
        const attributes = Object.assign({}, ...[...newestFirst].reverse().map((r) => r.attributes));
        const externalId = survivor.externalId ?? newestFirst.find((r) => r.externalId)?.externalId ?? null;
        await store.absorbPeople(
          tx,
          ws.id,
          survivor.cioId,
          others.map((r) => r.cioId),
        );
        const after = await store.updatePerson(tx, ws.id, survivor.cioId, {
          attributes,
          externalId,
          updatedAt: ctx.clock.now(),
        });
        await recordActivity(tx, ctx.clock, {
          accountId: ws.accountId,
          workspaceId: ws.id,
          author: { memberId: null, name: 'Atrium (identifiers changed)' },
          action: 'person.merged',
          target: { type: 'person', id: survivor.cioId },
          before: { merged: others.map((r) => r.cioId) },
          after: { id: after.externalId, email: after.email, attributes: after.attributes },
        });
        merged += others.length;
      });
    }
  }
}
