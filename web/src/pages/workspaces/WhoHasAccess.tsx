import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { QueryView } from '../../components/States';
import { useVocabulary } from '../../lib/hooks';
import { type AccessEntry, useAccess, type Workspace } from './queries';

/**
 * "Who has access to this workspace?": each team member with a role in it, in words. Account Admins
 * are there by their account role, which no one can take away here.
 */
export function WhoHasAccess({
  workspace,
  onManage,
}: {
  workspace: Workspace;
  /** Opens the access editor, for those who may change it. */
  onManage?: () => void;
}) {
  const access = useAccess(workspace.id);
  return (
    <Stack>
      <QueryView query={access} skeletonRows={3}>
        {(data) => <AccessTable entries={data.items} />}
      </QueryView>
      {onManage && (
        <Group justify="flex-end">
          <Button variant="light" onClick={onManage}>
            Manage access
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function AccessTable({ entries }: { entries: AccessEntry[] }) {
  const { roleLabel } = useVocabulary();
  return (
    <Table verticalSpacing="xs" data-testid="who-has-access">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Team member</Table.Th>
          <Table.Th>Role in this workspace</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((a) => (
          <Table.Tr key={a.memberId} data-testid={`access-${a.email}`}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {a.firstName} {a.lastName}
              </Text>
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                {a.email}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{roleLabel(a.role)}</Text>
              {a.viaAccountRole && (
                <Text size="xs" c="dimmed">
                  Account Admin — always Workspace Admin
                </Text>
              )}
              {a.hideAttributes && (
                <Badge size="sm" variant="light" color="gray" tt="none">
                  Attributes hidden
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
