import { Badge, Button, Group, Modal, Paper, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { EmptyState, QueryView } from '../../../components/States';
import { type Answer, sdk, unwrap } from '../../../lib/api';
import { notifySuccess } from '../../../lib/feedback';
import { useVocabulary } from '../../../lib/hooks';
import type { WorkspaceRole } from '../../team/model';
import { RoleSelect } from '../../team/RoleSelect';

type ScimGroup = Answer<'/api/account/scim-groups', 'get'>['items'][number];
type Mapping = ScimGroup['roles'][number];

const ALL = 'all';

function useWorkspaceNames() {
  const workspaces = useQuery({
    queryKey: ['workspaces'],
    queryFn: () => unwrap(sdk.GET('/api/workspaces')),
  });
  const items = workspaces.data?.items ?? [];
  return {
    options: [{ value: ALL, label: 'All workspaces' }, ...items.map((w) => ({ value: w.id, label: w.name }))],
    name: (id: string) =>
      id === ALL ? 'All workspaces' : (items.find((w) => w.id === id)?.name ?? 'A deleted workspace'),
  };
}

/** The roles a group gives, one row per workspace (or all of them), saved together. */
function RolesEditor({ group, onDone }: { group: ScimGroup; onDone: () => void }) {
  const client = useQueryClient();
  const workspaces = useWorkspaceNames();
  const [rows, setRows] = useState<Mapping[]>(group.roles);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        sdk.PUT('/api/account/scim-groups/{id}/roles', {
          params: { path: { id: group.id } },
          body: { roles: rows },
        }),
      ),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['scim-groups'] });
      client.invalidateQueries({ queryKey: ['team-members'] });
      notifySuccess(`Roles of ${group.displayName} saved; its members have them now.`);
      onDone();
    },
  });
  const used = new Set(rows.map((r) => r.workspaceId));
  const free = workspaces.options.filter((o) => !used.has(o.value));
  const update = (i: number, change: Partial<Mapping>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        <Text size="sm">
          Members of {group.displayName} get these roles. A person in several groups gets the strongest role
          in each workspace.
        </Text>
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            No roles: the group gives no access.
          </Text>
        )}
        {rows.map((r, i) => (
          <Paper key={r.workspaceId} withBorder p="xs" radius="md">
            <Stack gap="xs">
              <Select
                label="Workspace"
                data={[
                  workspaces.options.find((o) => o.value === r.workspaceId) ?? {
                    value: r.workspaceId,
                    label: workspaces.name(r.workspaceId),
                  },
                  ...free,
                ]}
                value={r.workspaceId}
                onChange={(v) => v && update(i, { workspaceId: v })}
                allowDeselect={false}
              />
              <RoleSelect
                ariaLabel={`Role in ${workspaces.name(r.workspaceId)}`}
                hideLabel={`Hide attributes in ${workspaces.name(r.workspaceId)}`}
                role={r.role}
                hide={r.hideAttributes}
                onChange={(role: WorkspaceRole | null, hide) =>
                  role && update(i, { role, hideAttributes: hide })
                }
              />
              <Group justify="flex-end">
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => setRows(rows.filter((_, j) => j !== i))}
                >
                  Remove
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
        <Button
          variant="light"
          disabled={free.length === 0}
          onClick={() => {
            const next = free[0];
            if (next) setRows([...rows, { workspaceId: next.value, role: 'viewer', hideAttributes: false }]);
          }}
        >
          Add a workspace
        </Button>
        <ProblemAlert error={save.error} />
        <Button type="submit" loading={save.isPending}>
          Save roles
        </Button>
      </Stack>
    </form>
  );
}

/** Groups the identity provider pushed, what each gives, and an editor for it. */
export function ScimGroups() {
  const groups = useQuery({
    queryKey: ['scim-groups'],
    queryFn: () => unwrap(sdk.GET('/api/account/scim-groups')),
  });
  const vocabulary = useVocabulary();
  const workspaces = useWorkspaceNames();
  const [editing, setEditing] = useState<ScimGroup | null>(null);
  return (
    <Stack gap="sm">
      <Text fw={600}>Groups</Text>
      <QueryView
        query={groups}
        empty={(d) => d.items.length === 0}
        emptyState={
          <EmptyState title="No groups yet">
            Groups appear here when your identity provider pushes them. Then choose the roles each gives.
          </EmptyState>
        }
      >
        {(data) => (
          <Stack gap="xs" data-testid="scim-groups">
            {data.items.map((g) => (
              <Paper key={g.id} withBorder p="sm" radius="md" data-testid={`scim-group-${g.displayName}`}>
                <Group justify="space-between" gap="xs">
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {g.displayName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {g.memberCount === 1 ? '1 member' : `${g.memberCount} members`}
                    </Text>
                    <Group gap={4}>
                      {g.roles.length === 0 ? (
                        <Text size="xs" c="dimmed">
                          Gives no access yet
                        </Text>
                      ) : (
                        g.roles.map((r) => (
                          <Badge
                            key={r.workspaceId}
                            variant="light"
                            color="blue.9"
                            style={{ textTransform: 'none' }}
                          >
                            {workspaces.name(r.workspaceId)}: {vocabulary.roleLabel(r.role)}
                            {r.hideAttributes ? ', attributes hidden' : ''}
                          </Badge>
                        ))
                      )}
                    </Group>
                  </Stack>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setEditing(g)}
                    aria-label={`Edit roles of ${g.displayName}`}
                  >
                    Edit roles
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryView>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? `Roles of ${editing.displayName}` : ''}
        closeButtonProps={{ 'aria-label': 'Cancel' }}
      >
        {editing && <RolesEditor group={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
