import { Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConditionBuilder, type Conditions } from '../../components/ConditionBuilder';
import { Guarded } from '../../components/Guarded';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { PageTitle, useCurrentWorkspace } from '../../components/Shell';
import { EmptyState, QueryView } from '../../components/States';
import { sdk, unwrap } from '../../lib/api';
import { notifySuccess, usePageTitle } from '../../lib/feedback';
import { usePermissions } from '../../lib/hooks';
import { type Segment, segmentOption, useSegments } from './data';

/**
 * A data segment's conditions, edited with the condition builder. (The resource forms render the
 * same builder for every `conditions` property; this screen edits a segment's alone.)
 */
export function SegmentConditionsPage() {
  usePageTitle('Segment conditions');
  const { id: workspaceId } = useCurrentWorkspace();
  const segments = useSegments(workspaceId);
  const [chosen, setChosen] = useState<string | null>(null);
  if (!workspaceId) return null;
  return (
    <>
      <PageTitle title="Segment conditions" />
      <QueryView
        query={segments}
        empty={(d) => d.items.every((s) => s.type !== 'data')}
        emptyState={
          <EmptyState title="No data segment yet">
            A data segment holds the people who match its conditions. Create one under Segments, then choose
            its conditions here.
          </EmptyState>
        }
      >
        {(data) => {
          const dataSegments = data.items.filter((s) => s.type === 'data');
          const segment = dataSegments.find((s) => s.id === chosen) ?? dataSegments[0]!;
          return (
            <Stack>
              <Select
                label="Segment"
                data={dataSegments.map(segmentOption)}
                value={segment.id}
                onChange={setChosen}
                allowDeselect={false}
                searchable
                maw={480}
              />
              <ConditionsForm key={segment.id} workspaceId={workspaceId} segment={segment} />
            </Stack>
          );
        }}
      </QueryView>
    </>
  );
}

function ConditionsForm({ workspaceId, segment }: { workspaceId: string; segment: Segment }) {
  const client = useQueryClient();
  const { can, why } = usePermissions(workspaceId);
  const [conditions, setConditions] = useState<Conditions | undefined>(segment.conditions);
  const save = useMutation({
    mutationFn: (value: Conditions) =>
      unwrap(
        sdk.PATCH('/api/workspaces/{workspaceId}/segments/{id}', {
          params: { path: { workspaceId, id: segment.id } },
          // The builder's operators are the server's; the SDK's type names them one by one.
          body: { conditions: value as NonNullable<Segment['conditions']> },
        }),
      ),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['segment-options', workspaceId] });
      notifySuccess(`‘${saved.name}’ saved: it holds ${saved.count.toLocaleString('en-US')} people now`);
    },
  });
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(conditions ?? { match: 'all', rules: [] });
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            ‘{segment.name}’ holds the people who match these conditions, as they are now.
          </Text>
          <ConditionBuilder
            value={conditions}
            onChange={setConditions}
            workspaceId={workspaceId}
            label={`Who is in ‘${segment.name}’`}
            error={fieldError(save.error, '/conditions')}
          />
          <ProblemAlert error={save.error} fields={['/conditions']} />
          <Group justify="flex-end">
            <Guarded allowed={can('segments.edit')} why={why('segments.edit')}>
              <Button type="submit" loading={save.isPending}>
                Save conditions
              </Button>
            </Guarded>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
