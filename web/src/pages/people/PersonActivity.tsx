import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { ShowMore } from '../../components/ShowMore';
import { ErrorPanel, LoadingSkeleton } from '../../components/States';
import { type Answer, sdk, unwrap } from '../../lib/api';
import { formatDateTime } from '../../lib/hooks';
import { isHidden, valueText } from './person';

const PAGE = 20;

type PersonEvent = Answer<'/api/workspaces/{workspaceId}/people/{cioId}/events', 'get'>['items'][number];

const typeNames: Record<PersonEvent['type'], string> = {
  event: 'Event',
  page: 'Page view',
  screen: 'Screen view',
};

/** A value as words; "Hidden" where hide attributes keeps it from this member. */
const shown = (value: unknown) => (isHidden(value) ? 'Hidden' : valueText(value));

/** One event: what, when, and its data as "key: value" lines. */
function EventCard({ event }: { event: PersonEvent }) {
  const data = Object.entries(event.data).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Paper withBorder p="sm" radius="md" data-testid="person-event">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
            <Badge variant="light">{typeNames[event.type]}</Badge>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {shown(event.name)}
            </Text>
          </Group>
          <Text size="sm" c="dimmed" component="time" dateTime={event.timestamp}>
            {formatDateTime(event.timestamp)}
          </Text>
        </Group>
        {data.length > 0 && (
          <Stack gap={2} data-testid="person-event-data">
            {data.map(([key, value]) => (
              <Text key={key} size="sm" style={{ overflowWrap: 'anywhere' }}>
                <Text span fw={500}>
                  {key}:
                </Text>{' '}
                <Text
                  span
                  c={isHidden(value) ? 'dimmed' : undefined}
                  fs={isHidden(value) ? 'italic' : undefined}
                >
                  {shown(value)}
                </Text>
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** The person's activity: events, page and screen views sent with the Track API, newest first. */
export function PersonActivity({ workspaceId, cioId }: { workspaceId: string; cioId: string }) {
  const events = useInfiniteQuery({
    queryKey: ['person-events', workspaceId, cioId],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(
        sdk.GET('/api/workspaces/{workspaceId}/people/{cioId}/events', {
          params: {
            path: { workspaceId, cioId },
            query: { limit: PAGE, ...(pageParam && { cursor: pageParam }) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: false,
  });
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="xs" data-testid="person-activity">
      <Title order={3} size="h5">
        Activity
      </Title>
      {events.isPending ? (
        <LoadingSkeleton rows={2} label="Loading the activity" />
      ) : events.isError ? (
        <ErrorPanel error={events.error} onRetry={() => events.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="person-activity-empty">
          No activity yet. Events and page views appear here when your app sends them with the Track API.
        </Text>
      ) : (
        items.map((e) => <EventCard key={e.id} event={e} />)
      )}
      {events.hasNextPage && (
        <Group justify="flex-end">
          <ShowMore list={events} testId="person-activity-load-more">
            Show {PAGE} more
          </ShowMore>
        </Group>
      )}
    </Stack>
  );
}
