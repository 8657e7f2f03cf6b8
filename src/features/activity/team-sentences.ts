import { vocabulary } from '../../access/vocabulary.js';
import type { Described, EntryView } from './sentences.js';
import { isRecord, list, type Names, plural, possessive, roleLabel, str } from './words.js';

// The sentences about team members that take more than a line: roles, invitations, edits.

export const self = (e: EntryView) => e.actor.memberId !== null && e.actor.memberId === e.target.id;
/** The member an entry is about: "their" own, or by name. */
export const whose = (e: EntryView) => (self(e) ? 'their' : possessive(e.target.name ?? 'a team member'));
export const whom = (e: EntryView) => (self(e) ? 'themself' : (e.target.name ?? 'a team member'));

interface Grant {
  workspaceId: string;
  role: string;
  hideAttributes: boolean;
}
const grants = (v: unknown): Grant[] =>
  Array.isArray(v) ? v.filter((g): g is Grant => isRecord(g) && typeof g.workspaceId === 'string') : [];
const withFlag = (g: Grant) => `${roleLabel(g.role)}${g.hideAttributes ? ' (attributes hidden)' : ''}`;
const wsName = (n: Names, id: string) => n.workspace(id) ?? 'a deleted workspace';

/** Roles before and after, one workspace at a time. */
export function rolesChanged(e: EntryView, n: Names): Described {
  const was = new Map(grants(e.before?.workspaces).map((g) => [g.workspaceId, g]));
  const now = new Map(grants(e.after?.workspaces).map((g) => [g.workspaceId, g]));
  const ids = [...new Set([...was.keys(), ...now.keys()])].filter(
    (id) => JSON.stringify(was.get(id)) !== JSON.stringify(now.get(id)),
  );
  const changes = ids.map((id) => {
    const a = was.get(id);
    const b = now.get(id);
    return {
      field: `Role in ${wsName(n, id)}`,
      before: a ? withFlag(a) : null,
      after: b ? withFlag(b) : null,
    };
  });
  const who = e.target.name ?? 'a team member';
  const [id] = ids;
  if (ids.length !== 1 || !id) {
    return {
      summary: `${e.actor.name} changed ${possessive(who)} roles in ${plural(ids.length, 'workspace')}`,
      changes,
    };
  }
  const a = was.get(id);
  const b = now.get(id);
  const ws = wsName(n, id);
  let summary: string;
  if (!a && b) summary = `${e.actor.name} gave ${who} access to ${ws} as ${withFlag(b)}`;
  else if (a && !b) summary = `${e.actor.name} removed ${possessive(who)} access to ${ws}`;
  else if (a && b && a.role !== b.role)
    summary = `${e.actor.name} changed ${possessive(who)} role in ${ws} from ${roleLabel(a.role)} to ${roleLabel(b.role)}`;
  else
    summary = b?.hideAttributes
      ? `${e.actor.name} hid attributes from ${who} in ${ws}`
      : `${e.actor.name} showed attributes to ${who} in ${ws}`;
  return { summary, changes };
}

export function invited(e: EntryView, n: Names): string {
  const a = e.after ?? {};
  const email = str(a.email) ?? e.target.name ?? 'someone';
  const start = `${e.actor.name} invited ${email}`;
  const accountRole = str(a.accountRole);
  if (accountRole && vocabulary().accountRoles.find((r) => r.key === accountRole)?.everyWorkspaceAs)
    return `${start} as ${roleLabel(accountRole)}`;
  const access = isRecord(a.workspaceAccess) ? a.workspaceAccess : {};
  if (access.mode === 'all') return `${start} as ${roleLabel(access.role)} in every workspace`;
  const list_ = grants(a.workspaces);
  const [only] = list_;
  if (list_.length === 1 && only) return `${start} as ${withFlag(only)} in ${wsName(n, only.workspaceId)}`;
  if (list_.length > 1) return `${start} with access to ${plural(list_.length, 'workspace')}`;
  return `${start} without access to any workspace yet`;
}

export function memberUpdated(e: EntryView): string {
  const a = e.after ?? {};
  const b = e.before ?? {};
  const who = e.target.name ?? 'a team member';
  const clauses: string[] = [];
  if ('firstName' in a || 'lastName' in a) {
    const old = `${b.firstName ?? ''} ${b.lastName ?? ''}`.trim();
    clauses.push(old ? `renamed ${old} to ${who}` : `changed ${possessive(who)} name`);
  }
  if ('email' in a) clauses.push(`changed ${possessive(who)} email from ${b.email} to ${a.email}`);
  if ('accountRole' in a)
    clauses.push(
      `changed ${possessive(who)} account role from ${roleLabel(b.accountRole)} to ${roleLabel(a.accountRole)}`,
    );
  if ('permissions' in a) clauses.push(`changed ${possessive(who)} permissions`);
  return `${e.actor.name} ${list(clauses.length > 0 ? clauses : [`edited ${who}`])}`;
}
