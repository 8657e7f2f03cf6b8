import { Badge, Card, Group, Select, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageTitle, useCurrentWorkspace } from '../components/Shell';
import { get } from '../lib/api';
import type { EffectivePermissions, TeamMember, Workspace } from '../lib/types';

interface Catalog {
  columns: { key: string; label: string }[];
  workspacePermissions: {
    key: string;
    label: string;
    product: string;
    category: string;
    source: string;
    footnotes: number[];
    allowed: Record<string, boolean>;
  }[];
  accountPermissions: { key: string; label: string; grantedTo: string }[];
  footnotes: Record<string, string>;
}

const Mark = ({ yes }: { yes: boolean }) => (
  <Text c={yes ? 'teal' : 'gray.5'} fw={700}>
    {yes ? '✓' : '—'}
  </Text>
);

/** The matrix as the server enforces it (GET /api/permissions), and one member's answers with reasons. */
export function PermissionsPage() {
  const catalog = useQuery({ queryKey: ['catalog'], queryFn: () => get<Catalog>('/api/permissions') });
  const team = useQuery({
    queryKey: ['team'],
    queryFn: () => get<{ items: TeamMember[] }>('/api/team-members'),
  });
  const workspaces = useQuery({
    queryKey: ['workspaces'],
    queryFn: () => get<{ items: Workspace[] }>('/api/workspaces'),
  });
  const { id: current } = useCurrentWorkspace();
  const [memberId, setMemberId] = useState<string | null>(null);
  const [workspaceId, setWorkspaceId] = useState<string | null>(current);
  const effective = useQuery({
    queryKey: ['effective', memberId, workspaceId],
    enabled: Boolean(memberId),
    queryFn: () =>
      get<EffectivePermissions>(
        `/api/team-members/${memberId}/permissions${workspaceId ? `?workspaceId=${workspaceId}` : ''}`,
      ),
  });
  const c = catalog.data;
  return (
    <Stack>
      <PageTitle title="Permissions" />
      <Card withBorder radius="md" data-testid="explain">
        <Title order={4} mb="sm">
          What can this person do here, and why?
        </Title>
        <Group>
          <Select
            w={300}
            placeholder="Team member"
            searchable
            allowDeselect={false}
            data={(team.data?.items ?? []).map((m) => ({
              value: m.id,
              label: `${m.firstName} ${m.lastName} (${m.email})`,
            }))}
            value={memberId}
            onChange={setMemberId}
          />
          <Select
            w={240}
            placeholder="Workspace"
            clearable
            allowDeselect={false}
            data={(workspaces.data?.items ?? []).map((w) => ({ value: w.id, label: w.name }))}
            value={workspaceId}
            onChange={setWorkspaceId}
          />
          {effective.data?.role && (
            <Badge size="lg" variant="light">
              {effective.data.role}
            </Badge>
          )}
        </Group>
        {effective.data && (
          <Table mt="md" striped>
            <Table.Tbody>
              {effective.data.permissions.map((p) => (
                <Table.Tr key={p.key}>
                  <Table.Td w={260}>
                    <Text size="sm" ff="monospace">
                      {p.key}
                    </Text>
                  </Table.Td>
                  <Table.Td w={40}>
                    <Mark yes={p.allowed} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {p.reason}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      {c && (
        <Card withBorder radius="md" data-testid="matrix">
          <Title order={4} mb="sm">
            Workspace roles
          </Title>
          <Table striped highlightOnHover stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Permission</Table.Th>
                {c.columns.map((col) => (
                  <Table.Th key={col.key} ta="center">
                    {col.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.workspacePermissions.map((p) => (
                <Table.Tr key={p.key}>
                  <Table.Td>
                    <Tooltip
                      label={`${p.key} — ${p.source}${p.footnotes.map((n) => ` · ${c.footnotes[n] ?? ''}`).join('')}`}
                      multiline
                      w={360}
                      withArrow
                    >
                      <Text size="sm">
                        {p.label}
                        {p.footnotes.length > 0 && <sup> {p.footnotes.join(', ')}</sup>}
                      </Text>
                    </Tooltip>
                  </Table.Td>
                  {c.columns.map((col) => (
                    <Table.Td key={col.key} ta="center">
                      <Mark yes={p.allowed[col.key] === true} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Stack gap={2} mt="sm">
            {Object.entries(c.footnotes).map(([n, text]) => (
              <Text key={n} size="xs" c="dimmed">
                {n}. {text}
              </Text>
            ))}
          </Stack>
        </Card>
      )}
      {c && (
        <Card withBorder radius="md">
          <Title order={4} mb="sm">
            Account
          </Title>
          <Table striped>
            <Table.Tbody>
              {c.accountPermissions.map((p) => (
                <Table.Tr key={p.key}>
                  <Table.Td>
                    <Text size="sm">{p.label}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {p.key}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.grantedTo}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
