import type { Answer } from '../../lib/api';

/** A team member as GET /api/team-members/{memberId} answers. */
export type TeamMember = Answer<'/api/team-members/{memberId}', 'get'>;
export type WorkspaceRole = TeamMember['workspaces'][number]['role'];
export type AccountRole = TeamMember['accountRole'];
export type MemberFlags = TeamMember['permissions'];
export type Workspace = Answer<'/api/workspaces', 'get'>['items'][number];

export const fullName = (m: Pick<TeamMember, 'firstName' | 'lastName'>) => `${m.firstName} ${m.lastName}`;

/** "3 members", "1 workspace". */
export const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "Staging", "Staging and Production", "Staging, Production and Dev". */
export function listInWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** A member's status in words, as the seeds name it. */
export const statusLabel: Record<TeamMember['status'], string> = {
  active: 'Active',
  invited: 'Invite sent',
  expired: 'Invitation expired',
};
