import { Alert, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { confirmAction } from '../../components/Confirm';
import { Problem, sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';
import { count } from '../../lib/words';
import { accessQuery, type Workspace } from './queries';

/**
 * Deleting a workspace: a confirmation that says what goes and asks for the workspace's name typed
 * exactly (the seeds' rule), then the purge's progress. The workspace is gone at once; its rows
 * are removed by a job (GET /api/account/jobs/{jobId}, named by the answer's Location).
 */
export function useDeleteWorkspace() {
  const client = useQueryClient();
  const [purge, setPurge] = useState<{ jobId: string; name: string } | null>(null);
  const remove = useMutation({
    mutationFn: async (workspace: Workspace) => {
      const { response, error } = await sdk.DELETE('/api/workspaces/{workspaceId}', {
        params: { path: { workspaceId: workspace.id } },
        body: { confirmName: workspace.name },
      });
      if (!response.ok) throw new Problem(response.status, error);
      return response.headers.get('location')?.split('/').pop() ?? null;
    },
    onSuccess: async (jobId, workspace) => {
      if (jobId) setPurge({ jobId, name: workspace.name });
      await client.invalidateQueries();
      notifySuccess(`Workspace ${workspace.name} deleted.`);
    },
  });
  const ask = async (workspace: Workspace) => {
    remove.reset();
    const access = await client.fetchQuery(accessQuery(workspace.id)).catch(() => null);
    const confirmed = await confirmAction({
      title: `Delete workspace ${workspace.name}?`,
      confirmLabel: 'Delete workspace',
      typed: workspace.name,
      message: (
        <Stack gap="xs">
          <Text size="sm">
            This permanently deletes everything in <b>{workspace.name}</b>: its people and their events,
            objects, segments, campaigns, broadcasts and other content, deliveries and metrics, and its
            activity log.
          </Text>
          <Text size="sm">
            Its API keys are revoked at once, so apps using them stop working
            {access
              ? `, and ${count(access.items.length, 'team member loses', 'team members lose')} access to it`
              : ''}
            .
          </Text>
          <Text size="sm" fw={600}>
            It cannot be undone. Export its people first if you need them.
          </Text>
        </Stack>
      ),
    });
    if (confirmed) remove.mutate(workspace);
  };
  return { ask, error: remove.error, pending: remove.isPending, purge };
}

/** How far the purge of a deleted workspace's data has got. */
export function PurgeProgress({ jobId, name }: { jobId: string; name: string }) {
  const job = useQuery({
    queryKey: ['account-job', jobId],
    queryFn: () => unwrap(sdk.GET('/api/account/jobs/{jobId}', { params: { path: { jobId } } })),
    refetchInterval: (q) => (q.state.data?.finishedAt || q.state.error ? false : 500),
  });
  const data = job.data;
  const done = data?.state === 'succeeded';
  const failed = data?.state === 'failed';
  const { done: count, total } = data?.progress ?? { done: 0, total: null };
  const value = done ? 100 : total ? Math.min(100, Math.round((100 * count) / total)) : 0;
  return (
    <Alert
      color={failed ? 'red' : done ? 'teal' : 'indigo'}
      variant="light"
      title={done ? `All of ${name}’s data is removed` : `Removing ${name}’s data`}
      data-testid="purge-progress"
      data-state={data?.state ?? 'starting'}
    >
      <Stack gap={6}>
        <Text size="sm">
          {failed
            ? 'Removing the data stopped; Atrium tries again on its own. The workspace stays deleted.'
            : done
              ? 'Nothing of it is left.'
              : 'The workspace is already gone for everyone; its rows are being removed in the background.'}
        </Text>
        <Progress value={value} animated={!done && !failed} aria-label={`Removing ${name}’s data`} />
      </Stack>
    </Alert>
  );
}
