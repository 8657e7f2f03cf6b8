import { Badge, Box, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Guarded } from '../../components/Guarded';
import { ProblemAlert } from '../../components/ProblemAlert';
import { PageTitle } from '../../components/Shell';
import { EmptyState, QueryView } from '../../components/States';
import { sdk, unwrap } from '../../lib/api';
import { notifySuccess, usePageTitle } from '../../lib/feedback';
import { formatDate, usePermissions } from '../../lib/hooks';
import { IncomingTransfersNotice } from '../transfers/IncomingTransfersNotice';
import { MoveWorkspaceDialog } from '../transfers/MoveWorkspaceDialog';
import { OutgoingTransferBadge } from '../transfers/OutgoingTransferBadge';
import { PurgeProgress, useDeleteWorkspace } from './DeleteWorkspace';
import { useWorkspaces, type Workspace } from './queries';
import { WhoHasAccess } from './WhoHasAccess';
import { WorkspaceForm } from './WorkspaceForm';

type Dialog = { kind: 'new' } | { kind: 'edit' | 'access' | 'move'; workspace: Workspace };

const dialogTitle = (d: Dialog) =>
  d.kind === 'new'
    ? 'Add workspace'
    : d.kind === 'edit'
      ? `Edit ${d.workspace.name}`
      : d.kind === 'move'
        ? `Move ${d.workspace.name} to another account`
        : `Who has access to ${d.workspace.name}?`;

/** Manage all workspaces: add, switch, edit, see who has access, delete. */
export function WorkspacesPage() {
  usePageTitle('Workspaces');
  const client = useQueryClient();
  const { can, why } = usePermissions(null);
  const list = useWorkspaces();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // Kept while the dialog closes, so its title does not change under the closing animation.
  const [title, setTitle] = useState('Add workspace');
  const open = (d: Dialog) => {
    setTitle(dialogTitle(d));
    setDialog(d);
  };
  const remove = useDeleteWorkspace();
  const switchTo = useMutation({
    mutationFn: (w: Workspace) =>
      unwrap(sdk.PUT('/api/me/current-workspace', { body: { workspaceId: w.id } })).then(() => w),
    onSuccess: async (w) => {
      await client.invalidateQueries();
      notifySuccess(`Switched to ${w.name}.`);
    },
  });
  const addButton = (
    <Guarded allowed={can('workspaces.create')} why={why('workspaces.create')}>
      <Button onClick={() => open({ kind: 'new' })}>Add workspace</Button>
    </Guarded>
  );
  return (
    <Stack>
      <PageTitle title="Workspaces">{addButton}</PageTitle>
      {remove.purge && <PurgeProgress key={remove.purge.jobId} {...remove.purge} />}
      {can('workspaces.transfer') && <IncomingTransfersNotice />}
      <ProblemAlert error={remove.error ?? switchTo.error} />
      <QueryView
        query={list}
        empty={(d) => d.items.length === 0}
        emptyState={
          <EmptyState title="No workspace to show" action={addButton}>
            You have a role in no workspace. Ask an Account Admin for one, or add a workspace if you may.
          </EmptyState>
        }
      >
        {(data) => (
          <Stack gap="xs" data-testid="workspaces">
            {data.items.map((w) => (
              <Paper key={w.id} withBorder p="sm" radius="md" data-testid={`workspace-row-${w.name}`}>
                <Group justify="space-between" gap="xs">
                  <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                    <Box w={14} h={14} style={{ borderRadius: 3, background: w.color, flex: 'none' }} />
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {w.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        Created {formatDate(w.createdAt)}
                        {w.processingState === 'revalidating' && ' · revalidating people'}
                      </Text>
                    </Stack>
                    {w.current && <Badge variant="light">Current</Badge>}
                    <OutgoingTransferBadge workspaceId={w.id} enabled={can('workspaces.transfer')} />
                  </Group>
                  <Group gap={4}>
                    {!w.current && (
                      <Button size="xs" variant="subtle" onClick={() => switchTo.mutate(w)}>
                        Switch
                      </Button>
                    )}
                    <Button size="xs" variant="subtle" onClick={() => open({ kind: 'access', workspace: w })}>
                      Who has access
                    </Button>
                    <Guarded allowed={can('workspaces.edit')} why={why('workspaces.edit')}>
                      <Button size="xs" variant="subtle" onClick={() => open({ kind: 'edit', workspace: w })}>
                        Edit
                      </Button>
                    </Guarded>
                    <Guarded allowed={can('workspaces.transfer')} why={why('workspaces.transfer')}>
                      <Button size="xs" variant="subtle" onClick={() => open({ kind: 'move', workspace: w })}>
                        Move to another account
                      </Button>
                    </Guarded>
                    <Guarded allowed={can('workspaces.delete')} why={why('workspaces.delete')}>
                      <Button size="xs" variant="subtle" color="red" onClick={() => remove.ask(w)}>
                        Delete
                      </Button>
                    </Guarded>
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryView>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={title}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {dialog?.kind === 'move' ? (
          <MoveWorkspaceDialog workspace={dialog.workspace} onDone={() => setDialog(null)} />
        ) : dialog?.kind === 'access' ? (
          <WhoHasAccess
            workspace={dialog.workspace}
            onManage={
              can('workspaces.edit') ? () => open({ kind: 'edit', workspace: dialog.workspace }) : undefined
            }
          />
        ) : dialog ? (
          <WorkspaceForm
            key={dialog.kind === 'edit' ? dialog.workspace.id : 'new'}
            workspace={dialog.kind === 'edit' ? dialog.workspace : undefined}
            onDone={() => setDialog(null)}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
