import { Badge, Card, Group, Select, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCurrentWorkspace } from '../../components/Shell';
import { ErrorPanel, LoadingSkeleton } from '../../components/States';
import { sdk, unwrap } from '../../lib/api';
import { fullName } from './model';
import { PermissionMark } from './PermissionMark';
import type { Catalog } from './PermissionMatrix';

/** "What can this person do here, and why?": one member's permissions, each with its reason in words. */
export function MemberExplanation({ catalog }: { catalog: Catalog }) {
  const team = useQuery({ queryKey: ['team'], queryFn: () => unwrap(sdk.GET('/api/team-members')) });
  const workspaces = useQuery({
    queryKey: ['workspaces'],
    queryFn: () => unwrap(sdk.GET('/api/workspaces')),
  });
  const { id: current } = useCurrentWorkspace();
  const [memberId, setMemberId] = useState<string | null>(null);
  const [workspaceId, setWorkspaceId] = useState<string | null>(current);
  const effective = useQuery({
    queryKey: ['effective', memberId, workspaceId],
    enabled: Boolean(memberId),
    queryFn: () =>
      unwrap(
        sdk.GET('/api/team-members/{memberId}/permissions', {
          params: { path: { memberId: memberId ?? '' }, query: workspaceId ? { workspaceId } : {} },
        }),
      ),
  });
  const labels = new Map(
    [...catalog.workspacePermissions, ...catalog.accountPermissions].map((p) => [p.key, p.label]),
  );
  const member = team.data?.items.find((m) => m.id === memberId);
  return (
    <Card withBorder radius="md" data-testid="explain">
      <Title order={2} size="h4" mb="sm">
        What can this person do here, and why?
      </Title>
      <Group align="flex-end" wrap="wrap">
        <Select
          w={{ base: '100%', sm: 300 }}
          label="Team member"
          placeholder="Choose a team member"
          searchable
          allowDeselect={false}
          data={(team.data?.items ?? []).map((m) => ({ value: m.id, label: `${fullName(m)} (${m.email})` }))}
          value={memberId}
          onChange={setMemberId}
          error={team.error ? 'The team could not be loaded.' : undefined}
        />
        <Select
          w={{ base: '100%', sm: 240 }}
          label="Workspace"
          placeholder="The account only"
          clearable
          allowDeselect={false}
          data={(workspaces.data?.items ?? []).map((w) => ({ value: w.id, label: w.name }))}
          value={workspaceId}
          onChange={setWorkspaceId}
        />
      </Group>
      {memberId && effective.isPending && <LoadingSkeleton rows={4} label="Loading their permissions" />}
      {effective.error && <ErrorPanel error={effective.error} onRetry={() => effective.refetch()} />}
      {effective.data && member && (
        <>
          <Text size="sm" mt="md">
            {workspaceId ? (
              effective.data.role ? (
                <>
                  In this workspace {fullName(member)} is{' '}
                  <Badge variant="light" tt="none">
                    {effective.data.role}
                  </Badge>
                </>
              ) : (
                `${fullName(member)} has no access to this workspace.`
              )
            ) : (
              `${fullName(member)}’s permissions in the account. Choose a workspace to see theirs there too.`
            )}
          </Text>
          <Table mt="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Permission</Table.Th>
                <Table.Th w={60}>Allowed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {effective.data.permissions.map((p) => (
                <Table.Tr key={p.key}>
                  <Table.Td>
                    <Text size="sm">{labels.get(p.key) ?? p.explanation}</Text>
                    <Text size="xs" c="dimmed">
                      {p.explanation}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="center">
                    <PermissionMark yes={p.allowed} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Card>
  );
}
