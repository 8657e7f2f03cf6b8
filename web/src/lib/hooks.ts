import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, Problem } from './api';
import type { EffectivePermissions, Me } from './types';

/** The signed-in member, or null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await get<Me>('/api/me');
      } catch (error) {
        if (error instanceof Problem && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 30_000,
  });
}

/** Refetches every answer on screen: after a switch of workspace, a change to one's own access. */
export function useRefreshAll() {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}

/**
 * Forgets every cached answer, for a new session or none: after sign-in, sign-up, accepting an
 * invitation and sign-out. (Invalidating is not enough: on the login page nothing watches "me",
 * so the next page would read the old, signed-out answer and send the member back to log in.)
 */
export function useSessionChanged() {
  const client = useQueryClient();
  return () => client.resetQueries();
}

/**
 * What the signed-in member may do (in a workspace, and in the account), from the server's engine:
 * the console never re-derives rules from role names.
 */
export function usePermissions(workspaceId: string | null | undefined) {
  const me = useMe().data;
  const query = useQuery({
    queryKey: ['permissions', me?.member.id, workspaceId ?? null],
    enabled: Boolean(me),
    queryFn: () =>
      get<EffectivePermissions>(
        `/api/team-members/${me!.member.id}/permissions${workspaceId ? `?workspaceId=${workspaceId}` : ''}`,
      ),
    staleTime: 30_000,
  });
  const byKey = new Map((query.data?.permissions ?? []).map((p) => [p.key, p]));
  return {
    ready: query.isSuccess,
    can: (key: string) => byKey.get(key)?.allowed === true,
    /** Why not, for a tooltip: the permission and the rule that decided. */
    why: (key: string) => {
      const p = byKey.get(key);
      return p ? `Needs ${key}. ${p.reason}` : `Needs ${key}`;
    },
  };
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
