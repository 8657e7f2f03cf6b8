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
 *
 * A group is found outside its transaction, and console edits and imports go on meanwhile: so its
 * people are locked as every writer of people locks them (the keys of the email and of the ids
 * that may move to the survivor, then the rows in cio_id order), and read again; whoever shares
 * the email then is the group. A group whose ids changed meanwhile waits for the next pass.
 */
export async function mergeSharedEmails(ctx: AppContext, ws: WorkspaceRow): Promise<number> {
  let merged = 0;
  for (;;) {
    const groups = await store.sharedEmails(ctx.db, ws.id, 100);
    if (groups.length === 0) return merged;
    for (const { email, cioIds, ids } of groups) {
      await ctx.db.transaction(async (tx) => {
        const locked = await store.lockToWrite(tx, ws.id, { cioIds, emails: [email], ids });
        const rows = locked.rows
          .filter((r) => r.email !== null && locked.fold(r.email) === email)
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.cioId < b.cioId ? -1 : 1));
        if (rows.length < 2) return;
        const survivor = rows[0]!;
        const others = rows.slice(1);
        const newestFirst = [...rows].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
        const attributes = Object.assign({}, ...[...newestFirst].reverse().map((r) => r.attributes));
        const movedId =
          survivor.externalId === null ? (newestFirst.find((r) => r.externalId)?.externalId ?? null) : null;
        // An id moving to the survivor must be one whose key this transaction holds.
        if (movedId !== null && !ids.includes(movedId)) return;
        const externalId = survivor.externalId ?? movedId;
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
