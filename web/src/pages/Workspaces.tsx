import {
  Badge,
  Box,
  Button,
  ColorInput,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type AccessChoice, AccessEditor } from '../components/AccessEditor';
import { Guarded } from '../components/Guarded';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { PageTitle } from '../components/Shell';
import { del, get, patch, post, put } from '../lib/api';
import { formatDate, usePermissions, useRefreshAll } from '../lib/hooks';
import type { TeamMember, Workspace } from '../lib/types';

interface AccessEntry {
  memberId: string;
  role: AccessChoice['role'];
  hideAttributes: boolean;
  viaAccountRole: boolean;
}

function useTeam() {
  return useQuery({ queryKey: ['team'], queryFn: () => get<{ items: TeamMember[] }>('/api/team-members') });
}

const accessBody = (choices: Record<string, AccessChoice>, team: TeamMember[]) =>
  team
    .filter((m) => m.accountRole !== 'account_admin' && choices[m.id])
    .map((m) => ({
      memberId: m.id,
      role: choices[m.id]!.role,
      ...(choices[m.id]!.role && { hideAttributes: choices[m.id]!.hideAttributes }),
    }));

function WorkspaceForm({ workspace, onDone }: { workspace?: Workspace; onDone: () => void }) {
  const refresh = useRefreshAll();
  const team = useTeam().data?.items ?? [];
  const access = useQuery({
    queryKey: ['access', workspace?.id],
    queryFn: () => get<{ items: AccessEntry[] }>(`/api/workspaces/${workspace!.id}/access`),
    enabled: Boolean(workspace),
  });
  const [name, setName] = useState(workspace?.name ?? '');
  const [color, setColor] = useState(workspace?.color ?? '#5b5bd6');
  const [sendMode, setSendMode] = useState('test');
  const [openTracking, setOpenTracking] = useState(true);
  const [choices, setChoices] = useState<Record<string, AccessChoice> | null>(workspace ? null : {});
  const current =
    choices ??
    Object.fromEntries(
      (access.data?.items ?? [])
        .filter((a) => !a.viaAccountRole)
        .map((a) => [a.memberId, { role: a.role, hideAttributes: a.hideAttributes }]),
    );
  const save = useMutation({
    mutationFn: () =>
      workspace
        ? patch(`/api/workspaces/${workspace.id}`, { name, color, access: accessBody(current, team) })
        : post('/api/workspaces', {
            name,
            color,
            settings: { sendMode, openTracking },
            access: accessBody(current, team),
          }),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        <TextInput
          label="Name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          error={fieldError(save.error, '/name')}
          data-autofocus
        />
        <ColorInput
          label="Colour"
          description="Tells your workspaces apart at a glance"
          value={color}
          onChange={setColor}
          format="hex"
          error={fieldError(save.error, '/color')}
        />
        {!workspace && (
          <>
            <Box>
              <Text size="sm" fw={500} mb={4}>
                Default send behaviour
              </Text>
              <SegmentedControl
                fullWidth
                value={sendMode}
                onChange={setSendMode}
                data={[
                  { value: 'normal', label: 'Send normally' },
                  { value: 'test', label: 'Test address' },
                  { value: 'never', label: 'Never send' },
                ]}
              />
            </Box>
            <Switch
              label="Track email opens"
              checked={openTracking}
              onChange={(e) => setOpenTracking(e.currentTarget.checked)}
            />
          </>
        )}
        <Box>
          <Text size="sm" fw={500}>
            Who should have access to this workspace?
          </Text>
          <AccessEditor members={team} value={current} onChange={setChoices} />
        </Box>
        <ProblemAlert error={save.error} fields={['/name', '/color']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {workspace ? 'Save' : 'Add workspace'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteWorkspace({ workspace, onDone }: { workspace: Workspace; onDone: () => void }) {
  const refresh = useRefreshAll();
  const [typed, setTyped] = useState('');
  const remove = useMutation({
    mutationFn: () => del(`/api/workspaces/${workspace.id}`, { confirmName: typed }),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
  });
  return (
    <Stack>
      <Text size="sm">
        Deleting <b>{workspace.name}</b> permanently removes its people, campaigns, content, deliveries,
        metrics, API keys and activity. It cannot be undone; export what you need first.
      </Text>
      <TextInput
        label={`Type ${workspace.name} to confirm (case-sensitive)`}
        value={typed}
        onChange={(e) => setTyped(e.currentTarget.value)}
        error={fieldError(remove.error, '/confirmName')}
        data-testid="confirm-name"
      />
      <ProblemAlert error={remove.error} fields={['/confirmName']} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          color="red"
          disabled={typed !== workspace.name}
          loading={remove.isPending}
          onClick={() => remove.mutate()}
        >
          Delete workspace
        </Button>
      </Group>
    </Stack>
  );
}

export function WorkspacesPage() {
  const client = useQueryClient();
  const refresh = useRefreshAll();
  const { can, why } = usePermissions(null);
  const list = useQuery({
    queryKey: ['workspaces'],
    queryFn: () => get<{ items: Workspace[] }>('/api/workspaces'),
  });
  const [editing, setEditing] = useState<Workspace | 'new' | null>(null);
  // Kept while the dialog closes, so its title does not change under the closing animation.
  const [title, setTitle] = useState('Add workspace');
  const [deleting, setDeleting] = useState<Workspace | null>(null);
  const switchTo = useMutation({
    mutationFn: (id: string) => put('/api/me/current-workspace', { workspaceId: id }),
    onSuccess: () => refresh(),
  });
  const close = () => {
    setEditing(null);
    setDeleting(null);
    client.invalidateQueries({ queryKey: ['workspaces'] });
  };
  return (
    <>
      <PageTitle title="Workspaces">
        <Guarded allowed={can('workspaces.create')} why={why('workspaces.create')}>
          <Button
            onClick={() => {
              setTitle('Add workspace');
              setEditing('new');
            }}
          >
            Add workspace
          </Button>
        </Guarded>
      </PageTitle>
      <Table highlightOnHover withTableBorder bg="white">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th />
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.items ?? []).map((w) => (
            <Table.Tr key={w.id} data-testid={`workspace-row-${w.name}`}>
              <Table.Td>
                <Group gap="xs">
                  <Box w={12} h={12} style={{ borderRadius: 3, background: w.color }} />
                  <Text size="sm" fw={500}>
                    {w.name}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>{formatDate(w.createdAt)}</Table.Td>
              <Table.Td>{w.current && <Badge variant="light">Current</Badge>}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="subtle"
                    disabled={w.current}
                    onClick={() => switchTo.mutate(w.id)}
                  >
                    Switch
                  </Button>
                  <Guarded allowed={can('workspaces.edit')} why={why('workspaces.edit')}>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => {
                        setTitle('Edit workspace');
                        setEditing(w);
                      }}
                    >
                      Edit
                    </Button>
                  </Guarded>
                  <Guarded allowed={can('workspaces.delete')} why={why('workspaces.delete')}>
                    <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(w)}>
                      Delete
                    </Button>
                  </Guarded>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={editing !== null} onClose={close} title={title} size="lg">
        {editing !== null && (
          <WorkspaceForm workspace={editing === 'new' ? undefined : editing} onDone={close} />
        )}
      </Modal>
      <Modal opened={deleting !== null} onClose={close} title="Delete workspace">
        {deleting && <DeleteWorkspace workspace={deleting} onDone={close} />}
      </Modal>
    </>
  );
}
