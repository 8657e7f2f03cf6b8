import {
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Guarded } from '../components/Guarded';
import { ProblemAlert } from '../components/ProblemAlert';
import { PageTitle } from '../components/Shell';
import { del, get, post } from '../lib/api';
import { formatDate, formatDateTime, useMe, usePermissions } from '../lib/hooks';
import { roleLabels, type TeamMember, type Workspace, type WorkspaceRole } from '../lib/types';
import { RequireTwoFactorSetting, ResetTwoFactorModal } from './TeamTwoFactor';

const statusColor = { active: 'teal', invited: 'blue', expired: 'orange' } as const;

function flagsOf(m: TeamMember): string {
  const flags = [
    m.permissions.billing && 'Access billing & account info',
    m.permissions.apiCredentials && 'Manage API credentials',
    m.permissions.supportAccess && 'Enable access for support teams',
  ].filter(Boolean);
  return flags.length ? flags.join(' · ') : 'No additional permissions';
}

function BulkRoles({ memberIds, onDone }: { memberIds: string[]; onDone: () => void }) {
  const client = useQueryClient();
  const workspaces = useQuery({
    queryKey: ['workspaces'],
    queryFn: () => get<{ items: Workspace[] }>('/api/workspaces'),
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [role, setRole] = useState<string>('viewer');
  const [hide, setHide] = useState(false);
  const apply = useMutation({
    mutationFn: (r: WorkspaceRole | null) =>
      post('/api/team-members/bulk-roles', {
        memberIds,
        workspaceIds: selected,
        role: r,
        ...(r && (r === 'author' || r === 'viewer') && { hideAttributes: hide }),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['team'] });
      onDone();
    },
  });
  return (
    <Stack>
      <Text size="sm">
        {memberIds.length} team members selected. Choose workspaces, then a role for all of them — or reset.
      </Text>
      <Checkbox.Group value={selected} onChange={setSelected} label="Workspaces">
        <Stack gap={4} mt={4}>
          {(workspaces.data?.items ?? []).map((w) => (
            <Checkbox key={w.id} value={w.id} label={w.name} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Group align="flex-end">
        <Select
          label="Role"
          w={180}
          data={[
            { value: 'workspace_admin', label: 'Workspace Admin' },
            { value: 'author', label: 'Author' },
            { value: 'viewer', label: 'Viewer' },
          ]}
          value={role}
          onChange={(v) => v && setRole(v)}
          allowDeselect={false}
        />
        {(role === 'author' || role === 'viewer') && (
          <Checkbox
            label="Hide attributes"
            checked={hide}
            onChange={(e) => setHide(e.currentTarget.checked)}
            mb={8}
          />
        )}
      </Group>
      <ProblemAlert error={apply.error} />
      <Group justify="flex-end">
        <Button
          variant="default"
          disabled={!selected.length}
          loading={apply.isPending}
          onClick={() => apply.mutate(null)}
        >
          Reset (remove access)
        </Button>
        <Button
          disabled={!selected.length}
          loading={apply.isPending}
          onClick={() => apply.mutate(role as WorkspaceRole)}
        >
          Select role
        </Button>
      </Group>
    </Stack>
  );
}

export function TeamPage() {
  const me = useMe().data!;
  const navigate = useNavigate();
  const client = useQueryClient();
  const { can, why } = usePermissions(null);
  const manages = can('team_members.manage');
  const team = useQuery({
    queryKey: ['team'],
    queryFn: () => get<{ items: TeamMember[] }>('/api/team-members'),
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState(false);
  const [deleting, setDeleting] = useState<TeamMember | null>(null);
  const [resettingTwoFactor, setResettingTwoFactor] = useState<TeamMember | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['team'] });
  const action = useMutation({
    mutationFn: ({ m, path }: { m: TeamMember; path: string }) => post(`/api/team-members/${m.id}/${path}`),
    onSuccess: (_, { m, path }) => {
      setNotice(
        path === 'reset-password'
          ? `A reset link is on its way to ${m.email}.`
          : path === 'resend-invite'
            ? `A new invitation is on its way to ${m.email}.`
            : `The invitation of ${m.email} is withdrawn.`,
      );
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (m: TeamMember) => del(`/api/team-members/${m.id}`),
    onSuccess: () => {
      setDeleting(null);
      refresh();
    },
  });
  const rows = team.data?.items ?? [];
  return (
    <>
      <PageTitle title="Team members">
        {manages && selected.length > 0 && (
          <Button variant="light" onClick={() => setBulk(true)}>
            Change roles of {selected.length}
          </Button>
        )}
        <Guarded allowed={manages} why={why('team_members.manage')}>
          <Button onClick={() => navigate('/team/invite')} data-testid="invite-button">
            Invite team member
          </Button>
        </Guarded>
      </PageTitle>
      {notice && (
        <Text c="teal" size="sm" mb="sm">
          {notice}
        </Text>
      )}
      {manages && <RequireTwoFactorSetting />}
      <ProblemAlert error={action.error ?? remove.error} />
      <Table withTableBorder highlightOnHover bg="white" data-testid="team-table">
        <Table.Thead>
          <Table.Tr>
            {manages && <Table.Th w={36} />}
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Workspaces</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>2FA</Table.Th>
            <Table.Th>Added</Table.Th>
            <Table.Th>Last login</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((m) => (
            <Table.Tr key={m.id} data-testid={`member-${m.email}`}>
              {manages && (
                <Table.Td>
                  <Checkbox
                    aria-label={`Select ${m.email}`}
                    checked={selected.includes(m.id)}
                    onChange={(e) =>
                      setSelected(
                        e.currentTarget.checked ? [...selected, m.id] : selected.filter((id) => id !== m.id),
                      )
                    }
                  />
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm" fw={500}>
                  {m.firstName} {m.lastName}
                </Text>
                <Text size="xs" c="dimmed">
                  {m.email}
                  {m.status === 'active' && !m.emailVerified && (
                    <Badge ml={6} size="xs" variant="light" color="gray" tt="none">
                      Not confirmed
                    </Badge>
                  )}
                </Text>
              </Table.Td>
              <Table.Td>
                <Tooltip label={flagsOf(m)} withArrow>
                  <Text size="sm" style={{ textDecoration: 'underline dotted' }}>
                    {roleLabels[m.accountRole]}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                {m.workspaceAccess.mode === 'all' && m.accountRole !== 'account_admin' ? (
                  <Text size="sm">
                    All: {roleLabels[m.workspaceAccess.role]}
                    {m.workspaceAccess.hideAttributes ? ' (hidden attributes)' : ''}
                  </Text>
                ) : (
                  <Tooltip
                    multiline
                    w={260}
                    withArrow
                    label={
                      m.workspaces
                        .map(
                          (w) =>
                            `${w.workspaceName}: ${roleLabels[w.role]}${w.hideAttributes ? ' (hidden attributes)' : ''}`,
                        )
                        .join('\n') || 'No workspaces'
                    }
                  >
                    <Text size="sm" style={{ textDecoration: 'underline dotted', whiteSpace: 'pre-line' }}>
                      {m.workspaces.length === 0
                        ? 'None'
                        : `${m.workspaces.length} workspace${m.workspaces.length > 1 ? 's' : ''}`}
                    </Text>
                  </Tooltip>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600} c={`${statusColor[m.status]}.7`}>
                  {m.status === 'invited' ? 'Invite sent' : m.status === 'active' ? 'Active' : 'Expired'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={m.twoFactorEnabled ? 'teal.8' : undefined} data-testid="two-factor">
                  {m.twoFactorEnabled ? 'On' : 'Off'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(m.createdAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{m.lastLoginAt ? formatDateTime(m.lastLoginAt) : 'Invite sent'}</Text>
              </Table.Td>
              <Table.Td>
                {(manages || m.id === me.member.id) && (
                  <Menu position="bottom-end">
                    <Menu.Target>
                      <Button size="xs" variant="subtle" aria-label={`Actions for ${m.email}`}>
                        •••
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => navigate(`/team/${m.id}/edit`)}>Edit</Menu.Item>
                      {manages && m.status === 'active' && (
                        <Menu.Item onClick={() => action.mutate({ m, path: 'reset-password' })}>
                          Reset password
                        </Menu.Item>
                      )}
                      {manages && m.status !== 'active' && (
                        <Menu.Item onClick={() => action.mutate({ m, path: 'resend-invite' })}>
                          Resend invite
                        </Menu.Item>
                      )}
                      {manages && m.status !== 'active' && (
                        <Menu.Item onClick={() => action.mutate({ m, path: 'revoke-invite' })}>
                          Revoke invite
                        </Menu.Item>
                      )}
                      {manages && m.twoFactorEnabled && m.id !== me.member.id && (
                        <Menu.Item onClick={() => setResettingTwoFactor(m)}>Reset two-factor</Menu.Item>
                      )}
                      {manages && (
                        <Menu.Item color="red" onClick={() => setDeleting(m)}>
                          Delete
                        </Menu.Item>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!manages && (
        <Text size="xs" c="dimmed" mt="xs">
          {why('team_members.manage')}
        </Text>
      )}
      <Modal opened={bulk} onClose={() => setBulk(false)} title="Change roles in bulk">
        <BulkRoles
          memberIds={selected}
          onDone={() => {
            setBulk(false);
            setSelected([]);
          }}
        />
      </Modal>
      <ResetTwoFactorModal member={resettingTwoFactor} onClose={() => setResettingTwoFactor(null)} />
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title="Delete team member">
        {deleting && (
          <Stack>
            <Text size="sm">
              {deleting.firstName} {deleting.lastName} ({deleting.email}) loses access at once. What they did
              stays, under their name.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>
                Cancel
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(deleting)}>
                Delete
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
