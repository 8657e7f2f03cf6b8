import { useQuery } from '@tanstack/react-query';
import { type Answer, sdk, unwrap } from '../../lib/api';

export type Workspace = Answer<'/api/workspaces', 'get'>['items'][number];
export type TeamMember = Answer<'/api/team-members', 'get'>['items'][number];
export type AccessEntry = Answer<'/api/workspaces/{workspaceId}/access', 'get'>['items'][number];

export const workspacesKey = ['workspaces'] as const;

export function useWorkspaces() {
  return useQuery({ queryKey: workspacesKey, queryFn: () => unwrap(sdk.GET('/api/workspaces')) });
}

export function useTeam(enabled = true) {
  return useQuery({ queryKey: ['team'], queryFn: () => unwrap(sdk.GET('/api/team-members')), enabled });
}

export const accessQuery = (workspaceId: string) => ({
  queryKey: ['access', workspaceId],
  queryFn: () =>
    unwrap(sdk.GET('/api/workspaces/{workspaceId}/access', { params: { path: { workspaceId } } })),
});

export function useAccess(workspaceId: string | null) {
  return useQuery({ ...accessQuery(workspaceId ?? ''), enabled: Boolean(workspaceId) });
}
