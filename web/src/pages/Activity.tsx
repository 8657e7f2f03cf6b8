import { Button, Code, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemAlert } from '../components/ProblemAlert';
import { PageTitle, useCurrentWorkspace } from '../components/Shell';
import { get } from '../lib/api';
import { formatDateTime } from '../lib/hooks';

interface Entry {
  id: string;
  actor: { name: string };
  action: string;
  target: { type: string; id: string; name: string | null };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}

function ActivityLog({ base, title }: { base: string; title: string }) {
  const [action, setAction] = useState('');
  const [applied, setApplied] = useState('');
  const log = useInfiniteQuery({
    queryKey: ['activity', base, applied],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      get<{ items: Entry[]; nextCursor: string | null }>(
        `${base}?limit=50${applied ? `&action=${encodeURIComponent(applied)}` : ''}${pageParam ? `&cursor=${pageParam}` : ''}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <PageTitle title={title} />
      <Group>
        <TextInput
          placeholder="Filter by action, e.g. workspace.settings_changed"
          w={380}
          value={action}
          onChange={(e) => setAction(e.currentTarget.value)}
        />
        <Button variant="light" onClick={() => setApplied(action.trim())}>
          Filter
        </Button>
      </Group>
      <ProblemAlert error={log.error} />
      <Table withTableBorder bg="white" data-testid="activity">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th>Change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <Text size="sm">{formatDateTime(e.createdAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.actor.name}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {e.action}
                </Text>
                <Text size="xs" c="dimmed">
                  {e.target.name ?? e.target.id}
                </Text>
              </Table.Td>
              <Table.Td maw={420}>
                {e.before && <Code block>− {JSON.stringify(e.before)}</Code>}
                {e.after && <Code block>+ {JSON.stringify(e.after)}</Code>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {log.hasNextPage && (
        <Button variant="default" onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
          Older
        </Button>
      )}
    </Stack>
  );
}

export function AccountActivityPage() {
  return <ActivityLog base="/api/account/activity" title="Account activity" />;
}

export function WorkspaceActivityPage() {
  const { id, workspace } = useCurrentWorkspace();
  if (!id) return null;
  return (
    <ActivityLog
      key={id}
      base={`/api/workspaces/${id}/activity`}
      title={`Activity log — ${workspace?.name ?? ''}`}
    />
  );
}
