import { Group, Paper, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/hooks';
import type { Item } from '../../lib/resource-items';
import type { ResourceKind } from '../../lib/resource-kinds';
import { Cell } from './cells';
import { titleOf } from './titles';

/** A kind's items as its served columns say: a table on a desktop, a card each on a phone. */
export function ItemList({
  kind,
  items,
  phone,
  actions,
}: {
  kind: ResourceKind;
  items: Item[];
  phone: boolean;
  actions: ((item: Item, name: string) => ReactNode) | null;
}) {
  const { audit, columns, title } = kind.list;
  const updated = (item: Item) => formatDateTime(typeof item.updatedAt === 'string' ? item.updatedAt : null);
  if (phone)
    return (
      <Stack gap="sm" data-testid="resources">
        {items.map((item) => {
          const name = titleOf(kind, item);
          return (
            <Paper key={item.id} withBorder p="sm" radius="md" data-testid={`row-${name}`}>
              <Text fw={600} size="sm" mb={6} style={{ overflowWrap: 'anywhere' }}>
                {name}
              </Text>
              <SimpleGrid cols={2} spacing={6} verticalSpacing={4}>
                {columns.map((c) => (
                  <Stack key={c.label} gap={0} style={{ minWidth: 0 }}>
                    <Text size="xs" c="gray.7">
                      {c.label}
                    </Text>
                    <Cell item={item} column={c} />
                  </Stack>
                ))}
                {audit.updatedAt && (
                  <Stack gap={0}>
                    <Text size="xs" c="gray.7">
                      Updated
                    </Text>
                    <Text size="sm">{updated(item)}</Text>
                  </Stack>
                )}
              </SimpleGrid>
              {actions && (
                <Group mt="xs" gap={4} style={{ flexWrap: 'wrap' }}>
                  {actions(item, name)}
                </Group>
              )}
            </Paper>
          );
        })}
      </Stack>
    );
  return (
    // Narrower than the columns and row actions need, it scrolls sideways.
    <Table.ScrollContainer minWidth={actions ? 820 : 560} type="native">
      <Table withTableBorder highlightOnHover bg="white" data-testid="resources">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{title.label}</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c.label}>{c.label}</Table.Th>
            ))}
            {audit.createdBy && <Table.Th>Created by</Table.Th>}
            {audit.updatedAt && <Table.Th>Updated</Table.Th>}
            {actions && (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const name = titleOf(kind, item);
            return (
              <Table.Tr key={item.id} data-testid={`row-${name}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {name}
                  </Text>
                </Table.Td>
                {columns.map((c) => (
                  <Table.Td key={c.label}>
                    <Cell item={item} column={c} />
                  </Table.Td>
                ))}
                {audit.createdBy && (
                  <Table.Td>
                    <Text size="sm">{String(item.createdBy ?? '—')}</Text>
                  </Table.Td>
                )}
                {audit.updatedAt && (
                  <Table.Td>
                    <Text size="sm">{updated(item)}</Text>
                  </Table.Td>
                )}
                {actions && <Table.Td>{actions(item, name)}</Table.Td>}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
