import { Badge, Button, Group, Select, Stack, Table, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { confirmAction } from '../../components/Confirm';
import { Guarded } from '../../components/Guarded';
import { ProblemAlert } from '../../components/ProblemAlert';
import { PageTitle, useCurrentWorkspace } from '../../components/Shell';
import { EmptyState, QueryView } from '../../components/States';
import { type Answer, sdk, unwrap } from '../../lib/api';
import { notifySuccess, usePageTitle } from '../../lib/feedback';
import { usePermissions } from '../../lib/hooks';
import { type Platform, Platforms, platformLabel, platforms, usePlatforms } from './AdPlatforms';
import { segmentOption, useSegments } from './data';

type Audience = Answer<
  '/api/workspaces/{workspaceId}/segments/{segmentId}/ad-audiences',
  'get'
>['items'][number];

/**
 * Ad Audiences: a segment's people kept in sync with an ad platform. A Workspace Admin connects the
 * platform's ad account; then a segment's audiences are added, paused, resumed and deleted.
 */
export function AdAudiencesPage() {
  usePageTitle('Ad Audiences');
  const { id: workspaceId } = useCurrentWorkspace();
  if (!workspaceId) return null;
  return (
    <>
      <PageTitle title="Ad Audiences" />
      <Stack gap="xl">
        <Platforms workspaceId={workspaceId} />
        <SegmentAudiences workspaceId={workspaceId} />
      </Stack>
    </>
  );
}

function SegmentAudiences({ workspaceId }: { workspaceId: string }) {
  const segments = useSegments(workspaceId);
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <section aria-labelledby="segment-audiences">
      <Title order={2} size="h4" mb="xs" id="segment-audiences">
        Audiences of a segment
      </Title>
      <QueryView
        query={segments}
        empty={(d) => d.items.length === 0}
        emptyState={
          <EmptyState title="No segment yet">
            An Ad Audience keeps a segment’s people in sync with an ad platform. Create a segment first.
          </EmptyState>
        }
      >
        {(data) => {
          const segment = data.items.find((s) => s.id === chosen) ?? data.items[0]!;
          return (
            <Stack>
              <Select
                label="Segment"
                data={data.items.map(segmentOption)}
                value={segment.id}
                onChange={setChosen}
                allowDeselect={false}
                searchable
                maw={480}
              />
              <AudienceList
                key={segment.id}
                workspaceId={workspaceId}
                segmentId={segment.id}
                segmentName={segment.name}
              />
            </Stack>
          );
        }}
      </QueryView>
    </section>
  );
}

function AudienceList({
  workspaceId,
  segmentId,
  segmentName,
}: {
  workspaceId: string;
  segmentId: string;
  segmentName: string;
}) {
  const client = useQueryClient();
  const { can, why } = usePermissions(workspaceId);
  const connected = usePlatforms(workspaceId);
  const key = ['ad-audiences', workspaceId, segmentId];
  const audiences = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(
        sdk.GET('/api/workspaces/{workspaceId}/segments/{segmentId}/ad-audiences', {
          params: { path: { workspaceId, segmentId } },
        }),
      ),
  });
  const [platform, setPlatform] = useState<Platform | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const add = useMutation({
    mutationFn: (p: Platform) =>
      unwrap(
        sdk.POST('/api/workspaces/{workspaceId}/segments/{segmentId}/ad-audiences', {
          params: { path: { workspaceId, segmentId } },
          body: { platform: p },
        }),
      ),
    onSuccess: async (a) => {
      await refresh();
      setPlatform(null);
      notifySuccess(`‘${segmentName}’ now syncs to ${platformLabel(a.platform)}`);
    },
  });
  const act = useMutation({
    mutationFn: async ({
      audience,
      action,
    }: {
      audience: Audience;
      action: 'pause' | 'resume' | 'delete';
    }) => {
      const params = { path: { workspaceId, segmentId, id: audience.id } };
      if (action === 'delete')
        await unwrap(
          sdk.DELETE('/api/workspaces/{workspaceId}/segments/{segmentId}/ad-audiences/{id}', { params }),
        );
      else if (action === 'pause')
        await unwrap(
          sdk.POST('/api/workspaces/{workspaceId}/segments/{segmentId}/ad-audiences/{id}/pause', { params }),
        );
      else
        await unwrap(
          sdk.POST('/api/workspaces/{workspaceId}/segments/{segmentId}/ad-audiences/{id}/resume', { params }),
        );
      return { audience, action };
    },
    onSuccess: async ({ audience, action }) => {
      await refresh();
      const where = platformLabel(audience.platform);
      notifySuccess(
        action === 'delete'
          ? `The ${where} audience of ‘${segmentName}’ was deleted`
          : action === 'pause'
            ? `Syncing ‘${segmentName}’ to ${where} is paused`
            : `Syncing ‘${segmentName}’ to ${where} resumed`,
      );
    },
  });
  const remove = async (audience: Audience) => {
    const where = platformLabel(audience.platform);
    if (
      await confirmAction({
        title: `Delete the ${where} audience of ‘${segmentName}’?`,
        message: `Atrium stops syncing ‘${segmentName}’ to ${where}, and the audience is deleted here. Add it again to start over.`,
        confirmLabel: 'Delete audience',
      })
    )
      act.mutate({ audience, action: 'delete' });
  };
  const connectedKeys = new Set(connected.data?.items.map((c) => c.platform) ?? []);
  const choices = platforms.filter(
    (p) => connectedKeys.has(p.key) && !audiences.data?.items.some((a) => a.platform === p.key),
  );
  return (
    <Stack>
      <QueryView
        query={audiences}
        empty={(d) => d.items.length === 0}
        emptyState={
          <EmptyState title={`‘${segmentName}’ has no Ad Audience`}>
            {connectedKeys.size === 0
              ? 'Connect an ad platform above, then add an audience to keep this segment’s people in sync with it.'
              : 'Add an audience below to keep this segment’s people in sync with an ad platform.'}
          </EmptyState>
        }
      >
        {(data) => (
          <Table.ScrollContainer minWidth={0}>
            <Table data-testid="ad-audiences" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Platform</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((a) => (
                  <Table.Tr key={a.id} data-testid={`audience-${a.platform}`}>
                    <Table.Td>{platformLabel(a.platform)}</Table.Td>
                    <Table.Td>
                      <Badge variant="default">{a.state === 'active' ? 'Syncing' : 'Paused'}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="wrap">
                        {a.state === 'active' ? (
                          <Guarded
                            allowed={can('segments.ad_audience.pause')}
                            why={why('segments.ad_audience.pause')}
                          >
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => act.mutate({ audience: a, action: 'pause' })}
                            >
                              Pause
                            </Button>
                          </Guarded>
                        ) : (
                          <Guarded
                            allowed={can('segments.ad_audience.resume')}
                            why={why('segments.ad_audience.resume')}
                          >
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => act.mutate({ audience: a, action: 'resume' })}
                            >
                              Resume
                            </Button>
                          </Guarded>
                        )}
                        <Guarded
                          allowed={can('segments.ad_audience.delete')}
                          why={why('segments.ad_audience.delete')}
                        >
                          <Button size="xs" variant="default" c="red.9" onClick={() => remove(a)}>
                            Delete
                          </Button>
                        </Guarded>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      <ProblemAlert error={act.error} />
      {choices.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (platform) add.mutate(platform);
          }}
        >
          <Group align="flex-end" wrap="wrap">
            <Select
              label="Add an audience on"
              placeholder="Choose a platform"
              data={choices.map((p) => ({ value: p.key, label: p.label }))}
              value={platform}
              onChange={(v) => setPlatform(choices.find((p) => p.key === v)?.key ?? null)}
            />
            <Guarded allowed={can('segments.ad_audience.create')} why={why('segments.ad_audience.create')}>
              <Button type="submit" disabled={!platform} loading={add.isPending}>
                Add audience
              </Button>
            </Guarded>
          </Group>
          <ProblemAlert error={add.error} />
        </form>
      )}
    </Stack>
  );
}
