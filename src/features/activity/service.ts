import type { Static } from 'typebox';
import { MASK, maskRecord } from '../../access/masking.js';
import type { AppContext } from '../../context.js';
import { cursors, pageOf } from '../../shared/pagination.js';
import { maskCredentials } from '../content/credentials.js';
import { kindByStoredName } from '../content/kinds.js';
import type { ActivityQuery } from './schemas.js';
import { describeEntry } from './sentences.js';
import { listActivity, namesOf } from './store.js';

const activityCursor = cursors.id('act');

// Entries whose before/after may hold a person's data (attribute values, an object's own id,
// values in conditions), which hide attributes masks in the log too.
const personData = new Set(['person', 'object', 'relationship', 'segment', 'broadcast']);
// Entries whose target's name is itself such data (an object is named by its own id).
const namedByData = new Set(['person', 'object']);

/**
 * One page of the activity log, newest first; `nextCursor` fetches the next. For a member with
 * hidden attributes, the values of people's data in it are masked like everywhere else.
 */
export async function activityPage(
  ctx: AppContext,
  accountId: string,
  workspaceId: string | undefined,
  q: Static<typeof ActivityQuery>,
  masked = false,
) {
  const limit = q.limit ?? 50;
  const rows = await listActivity(ctx.db, {
    accountId,
    workspaceId,
    action: q.action,
    targetId: q.targetId,
    actorMemberId: q.actorMemberId,
    before: activityCursor.read(q.cursor),
    limit: limit + 1,
  });
  const page = pageOf(rows, limit, (r) => r.id);
  // Credentials in settings are masked on read too: entries logged before they were masked when
  // written still hold them whole.
  const readable = (type: string, body: Record<string, unknown> | null) => {
    const kind = kindByStoredName.get(type);
    return kind && body ? maskCredentials(kind, body) : body;
  };
  const items = page.rows.map((r) => ({
    id: r.id,
    workspaceId: r.workspaceId,
    actor: { memberId: r.actorMemberId, name: r.actorName, ipAddress: r.ipAddress },
    action: r.action,
    target: {
      type: r.targetType,
      id: r.targetId,
      name: masked && r.targetName && namedByData.has(r.targetType) ? MASK : r.targetName,
    },
    before:
      masked && r.before && personData.has(r.targetType)
        ? maskRecord(r.before)
        : readable(r.targetType, r.before),
    after:
      masked && r.after && personData.has(r.targetType)
        ? maskRecord(r.after)
        : readable(r.targetType, r.after),
    createdAt: r.createdAt.toISOString(),
  }));
  // Names the entries point at by id (a role's workspace, a test recipient), read for the page at
  // once, so a renamed workspace reads with its name of today and a deleted one as such.
  const found = await namesOf(ctx.db, accountId, idsNamed(items));
  const names = {
    workspace: (id: string) => found.workspaces.get(id) ?? null,
    member: (id: string) => found.members.get(id) ?? null,
  };
  // The sentence is built from the entry as this reader sees it: masked values stay masked.
  return {
    items: items.map((item) => ({ ...item, ...describeEntry(item, names) })),
    nextCursor: page.nextCursor,
  };
}

const workspaceKeys = new Set(['workspaceId']);
const memberKeys = new Set(['memberId', 'testRecipientMemberId']);

/** The workspace and member ids in the entries' before and after, a few levels down. */
function idsNamed(entries: { before: unknown; after: unknown }[]) {
  const workspaces = new Set<string>();
  const members = new Set<string>();
  const walk = (value: unknown, depth: number): void => {
    if (depth > 3 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) walk(v, depth + 1);
      return;
    }
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'string' && workspaceKeys.has(key)) workspaces.add(v);
      else if (typeof v === 'string' && memberKeys.has(key)) members.add(v);
      else walk(v, depth + 1);
    }
  };
  for (const e of entries) {
    walk(e.before, 0);
    walk(e.after, 0);
  }
  return { workspaces: [...workspaces], members: [...members] };
}
