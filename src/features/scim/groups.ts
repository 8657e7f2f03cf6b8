import type SCIMMY from 'scimmy';
import { isUniqueViolation } from '../../db/errors.js';
import { newId } from '../../shared/ids.js';
import { lockAccount } from '../accounts/store.js';
import { recordActivity } from '../activity/record.js';
import * as team from '../team/store.js';
import { SCIM_AUTHOR } from './author.js';
import { callOf, type ScimCall, scimError } from './call.js';
import { applyGroupRoles } from './roles.js';
import * as store from './store.js';

type GroupRow = store.ScimGroupRow;

function toScimGroup(g: GroupRow, members: readonly { id: string; name: string }[]) {
  return {
    id: g.id,
    externalId: g.externalId ?? undefined,
    displayName: g.displayName,
    members: members.map((m) => ({ value: m.id, display: m.name, type: 'User' })),
    meta: { created: g.createdAt, lastModified: g.updatedAt },
  };
}

async function scimGroups(call: ScimCall, groups: readonly GroupRow[]) {
  const memberships = await store.listMemberships(call.tx, call.accountId);
  const people = new Map(
    (await team.listMembers(call.tx, call.accountId)).map((m) => [
      m.id,
      `${m.firstName} ${m.lastName}`.trim(),
    ]),
  );
  return groups.map((g) =>
    toScimGroup(
      g,
      memberships
        .filter((ms) => ms.groupId === g.id)
        .map((ms) => ({ id: ms.memberId, name: people.get(ms.memberId) ?? '' })),
    ),
  );
}

/** GET: the account's groups with their members, narrowed by the request's filter. */
export async function egressGroups(resource: SCIMMY.Resources.Group, context: unknown) {
  const call = callOf(context);
  const groups = await scimGroups(call, await store.listGroups(call.tx, call.accountId));
  const found = resource.filter ? resource.filter.match(groups) : groups;
  if (resource.id && found.length === 0) throw scimError(404, null, `Resource ${resource.id} not found`);
  return found;
}

/** The member ids a group names, each a member of the token's account (else 400 invalidValue). */
async function memberIdsOf(call: ScimCall, group: SCIMMY.Schemas.Group): Promise<string[]> {
  const ids = [...new Set((group.members ?? []).map((m: { value?: unknown }) => String(m.value ?? '')))];
  const known = await store.accountMemberIds(call.tx, call.accountId, ids);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw scimError(400, 'invalidValue', `No such user: ${unknown.join(', ')}`);
  return ids;
}

/** POST (no id) creates a group; PUT and PATCH (an id) rename it and set its members. */
export async function ingressGroup(
  resource: SCIMMY.Resources.Group,
  group: SCIMMY.Schemas.Group,
  context: unknown,
) {
  const call = callOf(context);
  const { tx, accountId, ctx } = call;
  await lockAccount(tx, accountId);
  const now = ctx.clock.now();
  const memberIds = await memberIdsOf(call, group);
  let row: GroupRow;
  const before = resource.id ? await store.findGroup(tx, accountId, resource.id) : undefined;
  if (resource.id && !before) throw scimError(404, null, `Resource ${resource.id} not found`);
  try {
    row = before
      ? await store.updateGroup(tx, accountId, before.id, {
          displayName: group.displayName,
          externalId: group.externalId ?? null,
          updatedAt: now,
        })
      : await store.insertGroup(tx, {
          id: newId('grp'),
          accountId,
          displayName: group.displayName,
          externalId: group.externalId ?? null,
          roleMappings: [],
          createdAt: now,
          updatedAt: now,
        });
  } catch (error) {
    if (isUniqueViolation(error))
      throw scimError(409, 'uniqueness', `A group named ${group.displayName} exists already.`);
    throw error;
  }
  const groupTarget = { type: 'scim_group', id: row.id, name: row.displayName };
  if (!before) {
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: SCIM_AUTHOR,
      action: 'scim_group.created',
      target: groupTarget,
      after: { displayName: row.displayName },
    });
  } else if (before.displayName !== row.displayName) {
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: SCIM_AUTHOR,
      action: 'scim_group.updated',
      target: groupTarget,
      before: { displayName: before.displayName },
      after: { displayName: row.displayName },
    });
  }
  const current = before ? await store.groupMemberIds(tx, before.id) : [];
  const added = memberIds.filter((id) => !current.includes(id));
  const removed = current.filter((id) => !memberIds.includes(id));
  if (added.length + removed.length > 0) {
    await store.addGroupMembers(tx, row.id, added);
    await store.removeGroupMembers(tx, row.id, removed);
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: SCIM_AUTHOR,
      action: 'scim_group.members_changed',
      target: groupTarget,
      after: { added: await names(call, added), removed: await names(call, removed) },
    });
    const mapped = row.roleMappings.length > 0;
    await applyGroupRoles(tx, ctx.clock, accountId, [...added, ...removed], new Set(mapped ? removed : []));
  }
  return (await scimGroups(call, [row]))[0]!;
}

async function names(call: ScimCall, ids: readonly string[]): Promise<string[]> {
  return (await team.findMembers(call.tx, call.accountId, ids)).map((m) =>
    `${m.firstName} ${m.lastName}`.trim(),
  );
}

/** DELETE: the group goes; its members lose what it gave them. */
export async function degressGroup(resource: SCIMMY.Resources.Group, context: unknown): Promise<void> {
  const call = callOf(context);
  const { tx, accountId, ctx } = call;
  await lockAccount(tx, accountId);
  const group = resource.id ? await store.findGroup(tx, accountId, resource.id) : undefined;
  if (!group) throw scimError(404, null, `Resource ${resource.id} not found`);
  const memberIds = await store.groupMemberIds(tx, group.id);
  await store.deleteGroup(tx, accountId, group.id);
  await recordActivity(tx, ctx.clock, {
    accountId,
    author: SCIM_AUTHOR,
    action: 'scim_group.deleted',
    target: { type: 'scim_group', id: group.id, name: group.displayName },
    before: { displayName: group.displayName, members: memberIds.length },
  });
  if (group.roleMappings.length > 0)
    await applyGroupRoles(tx, ctx.clock, accountId, memberIds, new Set(memberIds));
}
