import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryView } from '../../components/States';
import { sdk, unwrap } from '../../lib/api';

/**
 * On the Object types page: the number each type goes by in the Track API. Customer.io's clients
 * name an object type by its number (object_type_id), given in the order types were created and
 * kept for good (src/features/track/object-types.ts). Its query sits under the page's list key, so
 * creating or deleting a type refreshes it.
 */
export function ObjectTypeNumbers({ workspaceId }: { workspaceId: string }) {
  const numbers = useQuery({
    queryKey: ['resources', workspaceId, 'object-types', 'track-numbers'],
    queryFn: () =>
      unwrap(
        sdk.GET('/api/workspaces/{workspaceId}/object-type-numbers', { params: { path: { workspaceId } } }),
      ),
  });
  return (
    <Paper withBorder p="md" data-testid="object-type-numbers">
      <Stack gap="xs">
        <Title order={2} size="h4">
          Numbers for the Track API
        </Title>
        <Text size="sm" c="dimmed">
          Code written for Customer.io names an object type by its number. Types are numbered in the order
          they were created and keep their number, even when others are deleted.
        </Text>
        <QueryView query={numbers} skeletonRows={2}>
          {({ items }) => (
            <Table layout="fixed" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={120}>Number</Table.Th>
                  <Table.Th>Object type</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((t) => (
                  <Table.Tr key={t.typeId}>
                    <Table.Td>{t.number}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{t.name}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryView>
      </Stack>
    </Paper>
  );
}
