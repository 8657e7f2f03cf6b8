import { Select, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageTitle, useCurrentWorkspace } from '../../components/Shell';
import { ListFooter } from '../../components/ShowMore';
import { EmptyState, ErrorPanel, LoadingSkeleton, QueryView } from '../../components/States';
import { type Answer, Problem, sdk, unwrap } from '../../lib/api';
import { usePageTitle } from '../../lib/feedback';
import { formatDateTime } from '../../lib/hooks';
import { people } from '../../lib/words';
import { PersonDrawer } from '../people/PersonDrawer';
import { PersonName } from '../people/PersonName';
import { shownValue as shown } from '../people/person';
import { type Segment, segmentOption, useSegments } from './data';

const PAGE = 50;

type Member = Answer<'/api/workspaces/{workspaceId}/segments/{id}/members', 'get'>['items'][number];

/** A segment's people: choose the segment, see who is in it. */
export function SegmentPeoplePage() {
  usePageTitle('People in a segment');
  const { id: workspaceId } = useCurrentWorkspace();
  const segments = useSegments(workspaceId);
  const [params, setParams] = useSearchParams();
  if (!workspaceId) return null;
  return (
    <>
      <PageTitle title="People in a segment" />
      <QueryView
        query={segments}
        empty={(d) => d.items.length === 0}
        emptyState={
          <EmptyState title="No segment yet">
            Create a segment under Segments; its people are listed here.
          </EmptyState>
        }
      >
        {(data) => {
          const segment = data.items.find((s) => s.id === params.get('segment')) ?? data.items[0]!;
          return (
            <Stack>
              <Select
                label="Segment"
                data={data.items.map(segmentOption)}
                value={segment.id}
                onChange={(id) => id && setParams({ segment: id }, { replace: true })}
                allowDeselect={false}
                searchable
                maw={480}
              />
              <Members key={segment.id} workspaceId={workspaceId} segment={segment} />
            </Stack>
          );
        }}
      </QueryView>
    </>
  );
}

/** "People in this segment": a manual segment's newest-added first, a data segment's as they match now. */
function Members({ workspaceId, segment }: { workspaceId: string; segment: Segment }) {
  const manual = segment.type === 'manual';
  const [open, setOpen] = useState<string | null>(null);
  const members = useInfiniteQuery({
    queryKey: ['segment-members', workspaceId, segment.id],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(
        sdk.GET('/api/workspaces/{workspaceId}/segments/{id}/members', {
          params: {
            path: { workspaceId, id: segment.id },
            query: { limit: PAGE, ...(pageParam && { cursor: pageParam }) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: false,
  });
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  if (members.isPending) return <LoadingSkeleton label="Loading the segment’s people" />;
  if (members.error instanceof Problem && members.error.code === 'attributes_hidden')
    return (
      <EmptyState title="You can’t see who is in this segment">
        It chooses its people by attribute values that are hidden from you, so its list would reveal them. You
        can see who is in a manual segment, and the count of every segment under Segments.
      </EmptyState>
    );
  if (members.isError) return <ErrorPanel error={members.error} onRetry={() => members.refetch()} />;
  if (items.length === 0)
    return (
      <EmptyState title="Nobody in this segment yet">
        {manual
          ? 'People join a manual segment when you import them under Segment import, or when your app adds them with the Track API.'
          : 'Nobody matches this segment’s conditions now. People join it as soon as they match.'}
      </EmptyState>
    );
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {manual ? 'Newest added first.' : 'The people who match this segment’s conditions now, newest first.'}
      </Text>
      <Table
        withTableBorder
        bg="var(--mantine-color-body)"
        data-testid="segment-members"
        aria-label={`People in ${segment.name}`}
        style={{ overflowWrap: 'anywhere' }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            {manual && <Table.Th visibleFrom="sm">Added</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p: Member) => (
            <Table.Tr key={p.cioId} data-testid="segment-member">
              <Table.Td>
                <PersonName person={p} onOpen={setOpen} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{shown(p.email)}</Text>
              </Table.Td>
              {manual && (
                <Table.Td visibleFrom="sm">
                  <Text size="sm">{formatDateTime(p.addedAt)}</Text>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ListFooter
        list={members}
        shown={people(items.length)}
        more={`Show ${PAGE} more`}
        testId="segment-members"
      />
      <PersonDrawer workspaceId={workspaceId} cioId={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
