import {
  accountPermissions,
  columnLabels,
  grantedTo,
  matrix,
  matrixColumns,
  type Permission,
  workspaceRules,
} from '../../access/catalog.js';
import { explain } from '../../access/policy.js';
import type { AppContext } from '../../context.js';
import { missing, notFound } from '../../shared/errors.js';
import type { KeyHolder } from '../api-keys/service.js';
import type { Actor } from '../auth/actor.js';
import { getTeamMember, loadMemberSubject } from '../team/service.js';
import type { Check } from './schemas.js';

/**
 * The footnotes of the vendor's table, which the CSV numbers but does not spell out, read with
 * product.md §2's rules for Authors with hidden attributes.
 */
const footnotes: Record<string, string> = {
  '2': 'With hidden attributes an Author cannot manage webhooks, but can attach an existing webhook as a campaign trigger.',
  '3': 'With hidden attributes an Author cannot edit people or attribute conditions in broadcasts.',
  '4': 'Data Pipelines: viewing sources and destinations shows no attribute values to members with hidden attributes.',
};

const columnKeys = Object.keys(columnLabels) as (keyof typeof columnLabels)[];

/** The whole catalogue: the matrix rows, Atrium's own workspace rules, and the account rules. */
export function catalog() {
  const rows = new Map(matrix.map((r) => [r.key as string, r]));
  return {
    columns: matrixColumns.map((key) => ({ key, label: columnLabels[key] })),
    workspacePermissions: Object.values(workspaceRules).map((rule) => {
      const row = rows.get(rule.key);
      return {
        key: rule.key,
        label: rule.label,
        action: rule.action,
        product: row?.product ?? 'Atrium',
        category: row?.category ?? 'Workspace',
        source: rule.row ? `permissions.csv row ${rule.row}` : 'Atrium',
        footnotes: [...rule.footnotes],
        allowed: Object.fromEntries(
          columnKeys.map((c, bit) => [c, ((rule.mask >> bit) & 1) === 1]),
        ) as Record<(typeof columnKeys)[number], boolean>,
      };
    }),
    accountPermissions: Object.entries(accountPermissions).map(([key, { label, grant }]) => ({
      key,
      label,
      grantedTo: grantedTo(grant, label),
    })),
    footnotes,
  };
}

const everyPermission = [...Object.keys(workspaceRules), ...Object.keys(accountPermissions)] as Permission[];

/** What a member may do (in a workspace, and in the account), each with the rule that decided. */
export async function effectivePermissions(
  ctx: AppContext,
  actor: Actor,
  memberId: string,
  workspaceId?: string,
) {
  // A support session asks about itself (src/features/support): its subject is the grant, no member row.
  const supportSelf = actor.support !== undefined && memberId === actor.member.id;
  if (!supportSelf) await getTeamMember(ctx, actor, memberId); // 404 for a member the caller may not see
  const loaded = supportSelf
    ? { subject: actor.subject }
    : ((await loadMemberSubject(ctx.db, actor.subject.accountId, memberId)) ?? missing('Team member'));
  // A workspace the caller cannot see is not described to them.
  const ws = workspaceId !== undefined && actor.subject.workspaces.has(workspaceId) ? workspaceId : undefined;
  if (workspaceId !== undefined && ws === undefined) throw notFound('Workspace');
  const grant = ws === undefined ? undefined : loaded.subject.workspaces.get(ws);
  const keys = ws === undefined ? (Object.keys(accountPermissions) as Permission[]) : everyPermission;
  return {
    memberId,
    workspaceId: ws ?? null,
    role: grant ? columnLabels[matrixColumns[grant.column]] : null,
    permissions: keys.map((key) => {
      const { allowed, reason, explanation } = explain(loaded.subject, key, ws);
      return { key, allowed, reason, explanation };
    }),
  };
}

/**
 * Answers checks for an app, in the workspace its key belongs to (the default when a check names
 * none) and in the account: a key made by someone who sees one workspace reveals nothing of the
 * others. Another workspace, or a member of another account, is unknown (404).
 */
export async function check(ctx: AppContext, key: KeyHolder, checks: readonly Check[]) {
  const { accountId } = key;
  const results = [];
  for (const c of checks) {
    if (c.workspaceId !== undefined && c.workspaceId !== key.workspaceId)
      missing(`Workspace ${c.workspaceId}`);
    // Answered from memory (shared/account-cache.ts) until the account's access changes.
    const subject = await ctx.cache.read(
      accountId,
      `subject:${accountId}:${c.memberId}`,
      async () =>
        (await loadMemberSubject(ctx.db, accountId, c.memberId))?.subject ??
        missing(`Team member ${c.memberId}`),
    );
    const { allowed, reason } = explain(subject, c.permission as Permission, key.workspaceId);
    results.push({ allowed, reason });
  }
  return results;
}
