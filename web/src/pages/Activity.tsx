import { Group, Select, Stack } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageTitle, useCurrentWorkspace } from '../components/Shell';
import { ShowMore } from '../components/ShowMore';
import { EmptyState, ErrorPanel, LoadingSkeleton } from '../components/States';
import { sdk, unwrap } from '../lib/api';
import { usePageTitle } from '../lib/feedback';
import { usePermissions } from '../lib/hooks';
import { fullName } from '../lib/words';
import { ActivityEntry } from './activity/ActivityEntry';

const PAGE = 50;

/** The filters: a kind of action, in words (GET /api/activity/kinds), and a team member. */
function useFilterOptions() {
  const { can } = usePermissions(null);
  const kinds = useQuery({
    queryKey: ['activity-kinds'],
    queryFn: () => unwrap(sdk.GET('/api/activity/kinds')),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const members = useQuery({
    queryKey: ['team-members'],
    queryFn: () => unwrap(sdk.GET('/api/team-members')),
    enabled: can('team_members.view'),
  });
  return {
    kinds: (kinds.data ?? []).map((k) => ({ value: k.action, label: k.label })),
    members: (members.data?.items ?? []).map((m) => ({ value: m.id, label: fullName(m) })),
    // The address a change came from is for those who oversee the account.
    showIp: can('account.activity.view'),
  };
}

/** One log (the account's or a workspace's), newest first, a page at a time. */
function ActivityLog({ workspaceId, title }: { workspaceId: string | null; title: string }) {
  const [action, setAction] = useState<string | null>(null);
  const [member, setMember] = useState<string | null>(null);
  const options = useFilterOptions();
  const log = useInfiniteQuery({
    queryKey: ['activity', workspaceId, action, member],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const query = {
        limit: PAGE,
        ...(pageParam && { cursor: pageParam }),
        ...(action && { action }),
        ...(member && { actorMemberId: member }),
      };
      return unwrap(
        workspaceId
          ? sdk.GET('/api/workspaces/{workspaceId}/activity', { params: { path: { workspaceId }, query } })
          : sdk.GET('/api/account/activity', { params: { query } }),
      );
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = action !== null || member !== null;
  return (
    <Stack>
      <PageTitle title={title} />
      <Group gap="xs" wrap="wrap" align="flex-end">
        <Select
          label="What happened"
          placeholder="Everything"
          data={options.kinds}
          value={action}
          onChange={setAction}
          clearable
          w={{ base: '100%', sm: 260 }}
        />
        {options.members.length > 0 && (
          <Select
            label="Who"
            placeholder="Anyone"
            data={options.members}
            value={member}
            onChange={setMember}
            clearable
            searchable
            w={{ base: '100%', sm: 260 }}
          />
        )}
      </Group>
      {log.isPending ? (
        <LoadingSkeleton label="Loading activity" />
      ) : log.isError ? (
        <ErrorPanel error={log.error} onRetry={() => log.refetch()} />
      ) : entries.length === 0 ? (
        filtered ? (
          <EmptyState title="Nothing matches these filters">
            Clear a filter to see more of the log.
          </EmptyState>
        ) : (
          <EmptyState title="Nothing has happened here yet">
            Changes to the team, workspaces, settings, people and content appear here as they are made.
          </EmptyState>
        )
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="activity">
          {entries.map((e) => (
            <ActivityEntry key={e.id} entry={e} showIp={options.showIp} />
          ))}
        </Stack>
      )}
      {log.hasNextPage && (
        <Group>
          <ShowMore list={log}>Show older</ShowMore>
        </Group>
      )}
    </Stack>
  );
}

export function AccountActivityPage() {
  usePageTitle('Account activity');
  return <ActivityLog workspaceId={null} title="Account activity" />;
}

export function WorkspaceActivityPage() {
  const { id, workspace } = useCurrentWorkspace();
  usePageTitle('Activity log');
  if (!id) return null;
  return <ActivityLog key={id} workspaceId={id} title={`Activity log — ${workspace?.name ?? ''}`} />;
}
