import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Problem, sdk, unwrap } from './api';

/** The signed-in member, or null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await unwrap(sdk.GET('/api/me'));
      } catch (error) {
        if (error instanceof Problem && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 30_000,
    // A support session's end (the agent's own, or the banner members see): asked again then, and
    // each minute while it shows, so an open console never shows a session that is over.
    refetchInterval: (query) => {
      const me = query.state.data;
      const until = me?.support?.expiresAt ?? me?.supportSignedInUntil;
      if (!until) return false;
      return Math.min(60_000, Math.max(1_000, Date.parse(until) - Date.now() + 1_000));
    },
  });
}

/** The roles and member flags in words (GET /api/roles): labels, descriptions and their rules. */
export function useVocabulary() {
  const query = useQuery({
    queryKey: ['roles'],
    queryFn: () => unwrap(sdk.GET('/api/roles')),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const data = query.data;
  return {
    ...query,
    /** A role's name for people ("Workspace Admin"); the key itself until the vocabulary arrives. */
    roleLabel: (key: string | null | undefined): string =>
      key
        ? ([...(data?.accountRoles ?? []), ...(data?.workspaceRoles ?? [])].find((r) => r.key === key)
            ?.label ?? key)
        : 'No access',
    /** Whether a workspace role may carry the hide attributes flag. */
    hidesAttributes: (role: string | null | undefined): boolean =>
      data?.workspaceRoles.find((r) => r.key === role)?.hideAttributes ?? false,
    /** The workspace role an account role holds everywhere (Account Admins), or null. */
    everyWorkspaceAs: (accountRole: string | null | undefined) =>
      data?.accountRoles.find((r) => r.key === accountRole)?.everyWorkspaceAs ?? null,
  };
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

/** The query of a member's permissions: shared by usePermissions and the switcher's prefetch. */
export function permissionsQuery(memberId: string, workspaceId: string | null | undefined) {
  return {
    queryKey: ['permissions', memberId, workspaceId ?? null],
    queryFn: () =>
      unwrap(
        sdk.GET('/api/team-members/{memberId}/permissions', {
          params: { path: { memberId }, query: workspaceId ? { workspaceId } : {} },
        }),
      ),
    staleTime: 30_000,
  };
}

/**
 * What the signed-in member may do (in a workspace, and in the account), from the server's engine:
 * the console never re-derives rules from role names.
 */
export function usePermissions(workspaceId: string | null | undefined) {
  const me = useMe().data;
  const memberId = me?.member.id ?? '';
  const query = useQuery({ ...permissionsQuery(memberId, workspaceId), enabled: Boolean(me) });
  const byKey = new Map((query.data?.permissions ?? []).map((p) => [p.key, p]));
  return {
    ready: query.isSuccess,
    /** Loading failed: the shell shows an error with retry instead of a console with less in it. */
    error: query.error,
    retry: () => query.refetch(),
    can: (key: string) => byKey.get(key)?.allowed === true,
    /** Why not, in words, for a tooltip: "Viewers can’t change workspace settings." */
    why: (key: string) => byKey.get(key)?.explanation ?? 'Your role does not allow this.',
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

/** "2 hours ago", "in 3 days": for last-used and expiry times. */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return 'never';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'minute') === 'this minute' ? 'just now' : format.format(0, 'minute');
}
