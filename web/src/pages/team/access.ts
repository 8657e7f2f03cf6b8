import type { Body } from '../../lib/api';
import type { TeamMember, WorkspaceRole } from './model';

export type WorkspaceAccessBody = NonNullable<Body<'/api/team-members', 'post'>['workspaceAccess']>;

export interface Grant {
  role: WorkspaceRole | null;
  hideAttributes: boolean;
}

/** The workspace access being edited: "All" (one role everywhere, present and future) or "Custom". */
export interface AccessState {
  mode: 'all' | 'custom';
  all: Grant;
  /** By workspace id; a null role is no access. */
  custom: Record<string, Grant>;
}

export function accessOf(member: TeamMember | undefined): AccessState {
  const all = member?.workspaceAccess.mode === 'all' ? member.workspaceAccess : null;
  return {
    mode: all ? 'all' : 'custom',
    all: all ? { role: all.role, hideAttributes: all.hideAttributes } : { role: null, hideAttributes: false },
    custom: Object.fromEntries(
      (member?.workspaces ?? []).map((w) => [
        w.workspaceId,
        { role: w.role, hideAttributes: w.hideAttributes },
      ]),
    ),
  };
}

/** The request's workspaceAccess; the hide flag only for roles that may carry it. */
export function accessBody(
  state: AccessState,
  hidesAttributes: (role: string | null) => boolean,
): WorkspaceAccessBody {
  if (state.mode === 'all' && state.all.role) {
    const { role, hideAttributes } = state.all;
    return { mode: 'all', role, ...(hidesAttributes(role) && { hideAttributes }) };
  }
  return {
    mode: 'custom',
    roles: Object.entries(state.custom).flatMap(([workspaceId, { role, hideAttributes }]) =>
      role ? [{ workspaceId, role, ...(hidesAttributes(role) && { hideAttributes }) }] : [],
    ),
  };
}
