import type { Answer } from '../../lib/api';

/** A team member as GET /api/team-members/{memberId} answers. */
export type TeamMember = Answer<'/api/team-members/{memberId}', 'get'>;
export type WorkspaceRole = TeamMember['workspaces'][number]['role'];
export type AccountRole = TeamMember['accountRole'];
export type MemberFlags = TeamMember['permissions'];
export type Workspace = Answer<'/api/workspaces', 'get'>['items'][number];

export { count, fullName, listInWords } from '../../lib/words';

/** A member's status in words, as the seeds name it. */
export const statusLabel: Record<TeamMember['status'], string> = {
  active: 'Active',
  invited: 'Invite sent',
  expired: 'Invitation expired',
  deactivated: 'Deactivated',
};
