import { Badge, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConditionBuilder, type Conditions } from '../../components/ConditionBuilder';
import { Guarded } from '../../components/Guarded';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { SendBroadcastDialog } from '../../components/SendBroadcastDialog';
import { PageTitle, useCurrentWorkspace } from '../../components/Shell';
import { EmptyState, QueryView } from '../../components/States';
import { type Answer, sdk, unwrap } from '../../lib/api';
import { notifySuccess, usePageTitle } from '../../lib/feedback';
import { usePermissions } from '../../lib/hooks';

type Broadcast = Answer<'/api/workspaces/{workspaceId}/broadcasts', 'get'>['items'][number];
type Audience = NonNullable<Broadcast['audience']>;

/**
 * A broadcast's audience conditions, edited with the condition builder, and its send, confirmed
 * with the recipient count and the workspace's send mode.
 */
export function BroadcastAudiencePage() {
  usePageTitle('Broadcast audience');
  const { id: workspaceId } = useCurrentWorkspace();
  const broadcasts = useQuery({
    queryKey: ['broadcast-options', workspaceId],
    enabled: workspaceId !== null,
    queryFn: () =>
      unwrap(
        sdk.GET('/api/workspaces/{workspaceId}/broadcasts', {
          params: { path: { workspaceId: workspaceId! }, query: { limit: 500 } },
        }),
      ),
  });
  const [chosen, setChosen] = useState<string | null>(null);
  if (!workspaceId) return null;
  return (
    <>
      <PageTitle title="Broadcast audience" />
      <QueryView
        query={broadcasts}
        empty={(d) => d.items.length === 0}
        emptyState={
          <EmptyState title="No broadcast yet">
            Create a broadcast under Broadcasts, then choose who it goes to and send it from here.
          </EmptyState>
        }
      >
        {(data) => {
          const broadcast = data.items.find((b) => b.id === chosen) ?? data.items[0]!;
          return (
            <Stack>
              <Select
                label="Broadcast"
                data={data.items.map((b) => ({ value: b.id, label: b.name }))}
                value={broadcast.id}
                onChange={setChosen}
                allowDeselect={false}
                searchable
                maw={480}
              />
              <AudienceForm key={broadcast.id} workspaceId={workspaceId} broadcast={broadcast} />
            </Stack>
          );
        }}
      </QueryView>
    </>
  );
}

function AudienceForm({ workspaceId, broadcast }: { workspaceId: string; broadcast: Broadcast }) {
  const client = useQueryClient();
  const { can, why } = usePermissions(workspaceId);
  const [conditions, setConditions] = useState<Conditions | undefined>(broadcast.audience?.conditions);
  const [sending, setSending] = useState(false);
  const save = useMutation({
    mutationFn: (value: Conditions) =>
      unwrap(
        sdk.PATCH('/api/workspaces/{workspaceId}/broadcasts/{id}', {
          params: { path: { workspaceId, id: broadcast.id } },
          body: {
            audience: {
              segmentIds: broadcast.audience?.segmentIds ?? [],
              // The builder's operators are the server's; the SDK's type names them one by one.
              conditions: value as NonNullable<Audience['conditions']>,
            },
          },
        }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['broadcast-options', workspaceId] });
      notifySuccess(`The audience of ‘${broadcast.name}’ was saved`);
    },
  });
  const sent = broadcast.type !== 'api_triggered' && broadcast.state === 'sent';
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(conditions ?? { match: 'all', rules: [] });
        }}
      >
        <Stack>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              People of the chosen segment who also match these conditions.
            </Text>
            <Badge variant="default">{sent ? 'Sent' : 'Draft'}</Badge>
          </Group>
          <ConditionBuilder
            value={conditions}
            onChange={setConditions}
            workspaceId={workspaceId}
            label="Audience conditions"
            error={fieldError(save.error, '/audience/conditions')}
          />
          <ProblemAlert error={save.error} fields={['/audience/conditions']} />
          <Group justify="flex-end">
            <Guarded allowed={can('broadcasts.conditions.edit')} why={why('broadcasts.conditions.edit')}>
              <Button type="submit" variant="default" loading={save.isPending}>
                Save audience
              </Button>
            </Guarded>
            <Guarded
              allowed={can('messages.send') && !sent}
              why={sent ? 'A newsletter is sent once.' : why('messages.send')}
            >
              <Button onClick={() => setSending(true)}>Send…</Button>
            </Guarded>
          </Group>
        </Stack>
      </form>
      <SendBroadcastDialog
        workspaceId={workspaceId}
        broadcast={{ id: broadcast.id, name: broadcast.name }}
        opened={sending}
        onClose={() => {
          setSending(false);
          void client.invalidateQueries({ queryKey: ['broadcast-options', workspaceId] });
        }}
      />
    </Paper>
  );
}
