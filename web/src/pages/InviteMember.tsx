import {
  Box,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  PasswordInput,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { PageTitle } from '../components/Shell';
import { get, patch, post } from '../lib/api';
import { useMe, usePermissions, useRefreshAll } from '../lib/hooks';
import type { AccountRole, TeamMember, Workspace, WorkspaceRole } from '../lib/types';

const roles = [
  { value: 'workspace_admin', label: 'Workspace Admin' },
  { value: 'author', label: 'Author' },
  { value: 'viewer', label: 'Viewer' },
];
const canHide = (r: string | null) => r === 'author' || r === 'viewer';

interface Row {
  checked: boolean;
  role: WorkspaceRole | null;
  hideAttributes: boolean;
}

function MemberForm({ member }: { member?: TeamMember }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const refresh = useRefreshAll();
  const me = useMe().data!;
  const manages = usePermissions(null).can('team_members.manage');
  const workspaces = useQuery({
    queryKey: ['workspaces'],
    queryFn: () => get<{ items: Workspace[] }>('/api/workspaces'),
  });
  const [firstName, setFirstName] = useState(member?.firstName ?? '');
  const [lastName, setLastName] = useState(member?.lastName ?? '');
  const [email, setEmail] = useState(member?.email ?? '');
  // Changing an email (one's own, or an Account Admin changing anyone's) takes the caller's password.
  const [currentPassword, setCurrentPassword] = useState('');
  const emailChanges = member !== undefined && member.id !== me.member.id && email !== member.email;
  const [accountRole, setAccountRole] = useState<AccountRole>(member?.accountRole ?? 'member');
  const [flags, setFlags] = useState(
    member?.permissions ?? { billing: false, apiCredentials: false, supportAccess: false },
  );
  const [mode, setMode] = useState<'all' | 'custom'>(
    member?.workspaceAccess.mode === 'all' ? 'all' : 'custom',
  );
  const [allRole, setAllRole] = useState<WorkspaceRole>(
    member?.workspaceAccess.mode === 'all' ? member.workspaceAccess.role : 'viewer',
  );
  const [allHide, setAllHide] = useState(
    member?.workspaceAccess.mode === 'all' ? member.workspaceAccess.hideAttributes : false,
  );
  const [rows, setRows] = useState<Record<string, Row>>(
    Object.fromEntries(
      (member?.workspaces ?? []).map((w) => [
        w.workspaceId,
        { checked: false, role: w.role, hideAttributes: w.hideAttributes },
      ]),
    ),
  );
  const [bulkRole, setBulkRole] = useState<string | null>(null);
  const isAdmin = accountRole === 'account_admin';
  const self = member?.id === me.member.id;

  const body = () => ({
    firstName,
    lastName,
    ...(!self && { email }),
    ...(emailChanges && { currentPassword }),
    ...(manages && {
      accountRole,
      permissions: flags,
      workspaceAccess: isAdmin
        ? { mode: 'custom', roles: [] }
        : mode === 'all'
          ? { mode: 'all', role: allRole, ...(canHide(allRole) && { hideAttributes: allHide }) }
          : {
              mode: 'custom',
              roles: Object.entries(rows)
                .filter(([, r]) => r.role)
                .map(([workspaceId, r]) => ({
                  workspaceId,
                  role: r.role,
                  ...(canHide(r.role) && { hideAttributes: r.hideAttributes }),
                })),
            },
    }),
  });
  const save = useMutation({
    mutationFn: () =>
      member ? patch(`/api/team-members/${member.id}`, body()) : post('/api/team-members', body()),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['team'] });
      if (self) await refresh();
      navigate('/team');
    },
  });
  const err = (p: string) => fieldError(save.error, p);
  const setRow = (id: string, change: Partial<Row>) =>
    setRows({ ...rows, [id]: { checked: false, role: null, hideAttributes: false, ...rows[id], ...change } });
  const checkedIds = Object.entries(rows)
    .filter(([, r]) => r.checked)
    .map(([id]) => id);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack maw={760}>
        <Card withBorder radius="md">
          <Title order={4} mb="sm">
            User details
          </Title>
          <Group grow>
            <TextInput
              label="First name"
              value={firstName}
              onChange={(e) => setFirstName(e.currentTarget.value)}
              required
              error={err('/firstName')}
            />
            <TextInput
              label="Last name"
              value={lastName}
              onChange={(e) => setLastName(e.currentTarget.value)}
              required
              error={err('/lastName')}
            />
          </Group>
          <TextInput
            mt="sm"
            type="email"
            label="Email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
            // One's own address changes by confirmation, in Your profile.
            readOnly={self}
            description={
              self ? (
                <>
                  Change your own email in <Link to="/profile">Your profile</Link>: the new address confirms
                  it.
                </>
              ) : undefined
            }
            error={err('/email')}
          />
          {emailChanges && (
            <PasswordInput
              mt="sm"
              label="Your current password"
              description={
                self
                  ? 'Changing your email needs your password.'
                  : 'Changing someone’s email needs your own password: reset links go to the new address.'
              }
              value={currentPassword}
              onChange={(e) => setCurrentPassword(e.currentTarget.value)}
              required
              autoComplete="current-password"
              error={err('/currentPassword')}
            />
          )}
        </Card>
        {manages && (
          <Card withBorder radius="md">
            <Title order={4} mb="sm">
              Account level permissions
            </Title>
            <Select
              w={260}
              label="Account role"
              data={[
                { value: 'member', label: 'Member' },
                { value: 'account_admin', label: 'Account Admin' },
              ]}
              value={accountRole}
              onChange={(v) => v && setAccountRole(v as AccountRole)}
              allowDeselect={false}
              error={err('/accountRole')}
            />
            {isAdmin ? (
              <Text size="sm" c="dimmed" mt="sm">
                Account Admins have every permission and are Workspace Admins in every workspace.
              </Text>
            ) : (
              <Stack gap={6} mt="sm">
                <Text size="sm">
                  Members can view but not manage team members and cookie settings. Optionally, they may also:
                </Text>
                <Checkbox
                  label="Access billing & account info"
                  checked={flags.billing}
                  onChange={(e) => setFlags({ ...flags, billing: e.currentTarget.checked })}
                />
                <Checkbox
                  label="Manage API credentials"
                  checked={flags.apiCredentials}
                  onChange={(e) => setFlags({ ...flags, apiCredentials: e.currentTarget.checked })}
                />
                <Checkbox
                  label="Enable access for support teams"
                  checked={flags.supportAccess}
                  onChange={(e) => setFlags({ ...flags, supportAccess: e.currentTarget.checked })}
                />
              </Stack>
            )}
          </Card>
        )}
        {manages && !isAdmin && (
          <Card withBorder radius="md">
            <Title order={4} mb="sm">
              Workspace-level permissions
            </Title>
            <Radio.Group value={mode} onChange={(v) => setMode(v as 'all' | 'custom')}>
              <Group>
                <Radio value="all" label="All (every workspace, present and future)" />
                <Radio value="custom" label="Custom" />
              </Group>
            </Radio.Group>
            {mode === 'all' ? (
              <Group mt="sm" align="flex-end">
                <Select
                  w={200}
                  label="Role"
                  data={roles}
                  value={allRole}
                  onChange={(v) => v && setAllRole(v as WorkspaceRole)}
                  allowDeselect={false}
                />
                {canHide(allRole) && (
                  <Checkbox
                    mb={8}
                    label="Hide attributes"
                    checked={allHide}
                    onChange={(e) => setAllHide(e.currentTarget.checked)}
                  />
                )}
              </Group>
            ) : (
              <Box mt="sm">
                <Group mb="xs" gap="xs">
                  <Select
                    size="xs"
                    w={180}
                    placeholder="Select role"
                    data={roles}
                    value={bulkRole}
                    onChange={setBulkRole}
                    disabled={!checkedIds.length}
                    aria-label="Select role for checked workspaces"
                  />
                  <Button
                    size="xs"
                    variant="light"
                    disabled={!checkedIds.length || !bulkRole}
                    onClick={() =>
                      setRows({
                        ...rows,
                        ...Object.fromEntries(
                          checkedIds.map((id) => [
                            id,
                            { checked: false, role: bulkRole as WorkspaceRole, hideAttributes: false },
                          ]),
                        ),
                      })
                    }
                  >
                    Apply to {checkedIds.length} checked
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    disabled={!checkedIds.length}
                    onClick={() =>
                      setRows({
                        ...rows,
                        ...Object.fromEntries(
                          checkedIds.map((id) => [id, { checked: false, role: null, hideAttributes: false }]),
                        ),
                      })
                    }
                  >
                    Reset
                  </Button>
                </Group>
                <Table>
                  <Table.Tbody>
                    {(workspaces.data?.items ?? []).map((w) => {
                      const r = rows[w.id] ?? { checked: false, role: null, hideAttributes: false };
                      return (
                        <Table.Tr key={w.id} data-testid={`access-${w.name}`}>
                          <Table.Td w={36}>
                            <Checkbox
                              aria-label={`Check ${w.name}`}
                              checked={r.checked}
                              onChange={(e) => setRow(w.id, { checked: e.currentTarget.checked })}
                            />
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{w.name}</Text>
                          </Table.Td>
                          <Table.Td w={200}>
                            <Select
                              size="xs"
                              aria-label={`Role in ${w.name}`}
                              placeholder="No access"
                              data={roles}
                              value={r.role}
                              clearable
                              onChange={(v) =>
                                setRow(w.id, {
                                  role: (v as WorkspaceRole) ?? null,
                                  hideAttributes: canHide(v) ? r.hideAttributes : false,
                                })
                              }
                            />
                          </Table.Td>
                          <Table.Td w={150}>
                            {canHide(r.role) && (
                              <Checkbox
                                size="xs"
                                label="Hide attributes"
                                aria-label={`Hide attributes in ${w.name}`}
                                checked={r.hideAttributes}
                                onChange={(e) => setRow(w.id, { hideAttributes: e.currentTarget.checked })}
                              />
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Box>
            )}
            {err('/workspaceAccess') && (
              <Text c="red" size="sm" mt="xs">
                {err('/workspaceAccess')}
              </Text>
            )}
          </Card>
        )}
        <ProblemAlert
          error={save.error}
          fields={[
            '/firstName',
            '/lastName',
            '/email',
            '/currentPassword',
            '/accountRole',
            '/workspaceAccess',
          ]}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {member ? 'Save' : 'Send invite'}
          </Button>
          <Button variant="default" onClick={() => navigate('/team')}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function InviteMemberPage() {
  return (
    <>
      <PageTitle title="Invite team member" />
      <MemberForm />
    </>
  );
}

export function EditMemberPage() {
  const { id = '' } = useParams();
  const member = useQuery({
    queryKey: ['team', id],
    queryFn: () => get<TeamMember>(`/api/team-members/${id}`),
  });
  return (
    <>
      <PageTitle title="Edit team member" />
      {member.data ? (
        <MemberForm key={member.data.id} member={member.data} />
      ) : member.error ? (
        <ProblemAlert error={member.error} />
      ) : (
        <Loader />
      )}
    </>
  );
}
