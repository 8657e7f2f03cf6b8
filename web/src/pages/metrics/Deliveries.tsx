import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { ListFooter } from '../../components/ShowMore';
import { EmptyState, ErrorPanel, LoadingSkeleton } from '../../components/States';
import { type Answer, sdk, unwrap } from '../../lib/api';
import { formatDateTime } from '../../lib/hooks';
import { count } from '../../lib/words';
import { isHidden } from '../people/person';

/** The deliveries of one message or broadcast, a page at a time as the API pages them. */

const PAGE = 50;

type Delivery = Answer<'/api/workspaces/{workspaceId}/deliveries', 'get'>['items'][number];

/** Which deliveries: those of one message, or of every message of a broadcast (its source). */
export type DeliveriesOf = { messageId: string } | { sourceId: string };

const stateWords: Record<Delivery['state'], string> = {
  draft: 'Draft',
  queued: 'Waiting to be sent',
  sent: 'Sent',
  failed: 'Could not be sent',
  suppressed: 'Not sent',
  captured: 'In the outbox',
};

const reportedWords: Record<Delivery['reported'][number], string> = {
  delivered: 'Delivered',
  converted: 'Converted',
  bounced: 'Bounced',
  deferred: 'Deferred',
  dropped: 'Dropped',
  spammed: 'Marked as spam',
};

const trouble = new Set<string>(['failed', 'suppressed', 'bounced', 'dropped', 'spammed', 'deferred']);

/** Who it went to: their address, "Hidden" when the member's role hides it. */
const recipientOf = (d: Delivery) =>
  d.recipient === null ? 'No address' : isHidden(d.recipient) ? 'Hidden' : d.recipient;

/** Its state, what was reported of it, and whether it was a test, as badges. */
function Outcome({ delivery }: { delivery: Delivery }) {
  const badges = [
    { key: delivery.state, label: stateWords[delivery.state] },
    ...delivery.reported.map((r) => ({ key: r, label: reportedWords[r] })),
  ];
  return (
    <Group gap={4}>
      {badges.map((b) => (
        <Badge key={b.key} variant="light" tt="none" color={trouble.has(b.key) ? 'orange' : 'teal'}>
          {b.label}
        </Badge>
      ))}
      {!delivery.metrics && (
        <Badge variant="light" tt="none" color="gray">
          Test
        </Badge>
      )}
    </Group>
  );
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

function DeliveryCard({ delivery }: { delivery: Delivery }) {
  const facts = [
    { label: 'When', value: formatDateTime(delivery.createdAt) },
    { label: 'Opens', value: String(delivery.opens) },
    { label: 'Clicks', value: String(delivery.clicks) },
    { label: 'Unsubscribed', value: yesNo(delivery.unsubscribed) },
  ];
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="delivery">
      <Text fw={600} size="sm" mb={6} style={{ overflowWrap: 'anywhere' }}>
        {recipientOf(delivery)}
      </Text>
      <Outcome delivery={delivery} />
      {delivery.reason && (
        <Text size="xs" c="dimmed" mt={4} style={{ overflowWrap: 'anywhere' }}>
          {delivery.reason}
        </Text>
      )}
      <SimpleGrid cols={2} spacing={6} verticalSpacing={4} mt="xs">
        {facts.map((f) => (
          <Stack key={f.label} gap={0}>
            <Text size="xs" c="dimmed">
              {f.label}
            </Text>
            <Text size="sm">{f.value}</Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function DeliveryTable({ deliveries, caption }: { deliveries: Delivery[]; caption: string }) {
  return (
    <Table
      withTableBorder
      bg="var(--mantine-color-body)"
      aria-label={caption}
      data-testid="deliveries"
      style={{ overflowWrap: 'anywhere' }}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Recipient</Table.Th>
          <Table.Th>When</Table.Th>
          <Table.Th>What became of it</Table.Th>
          <Table.Th ta="right">Opens</Table.Th>
          <Table.Th ta="right">Clicks</Table.Th>
          <Table.Th>Unsubscribed</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {deliveries.map((d) => (
          <Table.Tr key={d.id} data-testid="delivery">
            <Table.Td>
              <Text size="sm" fw={500}>
                {recipientOf(d)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDateTime(d.createdAt)}</Text>
            </Table.Td>
            <Table.Td>
              <Outcome delivery={d} />
              {d.reason && (
                <Text size="xs" c="dimmed" mt={4}>
                  {d.reason}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">
              <Text size="sm">{d.opens}</Text>
            </Table.Td>
            <Table.Td ta="right">
              <Text size="sm">{d.clicks}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{yesNo(d.unsubscribed)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function Deliveries({
  workspaceId,
  of,
  name,
}: {
  workspaceId: string;
  of: DeliveriesOf;
  name: string;
}) {
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const list = useInfiniteQuery({
    queryKey: ['deliveries', workspaceId, of],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(
        sdk.GET('/api/workspaces/{workspaceId}/deliveries', {
          params: {
            path: { workspaceId },
            query: { ...of, limit: PAGE, ...(pageParam && { cursor: pageParam }) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  let content: React.ReactNode;
  if (list.isPending) content = <LoadingSkeleton label="Loading the deliveries" />;
  else if (list.isError) content = <ErrorPanel error={list.error} onRetry={() => list.refetch()} />;
  else if (items.length === 0)
    content = (
      <EmptyState title="No deliveries yet">
        Each person it is sent to gets a delivery, listed here with what became of it.
      </EmptyState>
    );
  else
    content = (
      <Stack>
        {phone ? (
          <Stack
            gap="sm"
            component="ul"
            aria-label={`Deliveries of ${name}`}
            data-testid="deliveries"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {items.map((d) => (
              <DeliveryCard key={d.id} delivery={d} />
            ))}
          </Stack>
        ) : (
          <DeliveryTable deliveries={items} caption={`Deliveries of ${name}`} />
        )}
        <ListFooter
          list={list}
          shown={`${count(items.length, 'delivery', 'deliveries')}, oldest first`}
          more={`Show ${PAGE} more`}
          testId="deliveries"
        />
      </Stack>
    );
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Deliveries
      </Title>
      {content}
    </Stack>
  );
}
