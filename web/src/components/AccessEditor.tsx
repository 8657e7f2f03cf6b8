import { Checkbox, Group, Select, Table, Text } from '@mantine/core';
import { roleLabels, type TeamMember, type WorkspaceRole } from '../lib/types';

export interface AccessChoice {
  role: WorkspaceRole | null;
  hideAttributes: boolean;
}

const roleOptions = [
  { value: 'none', label: 'No access' },
  { value: 'workspace_admin', label: 'Workspace Admin' },
  { value: 'author', label: 'Author' },
  { value: 'viewer', label: 'Viewer' },
];

/** "Who should have access to this workspace?": a role per member; Account Admins are fixed. */
export function AccessEditor({
  members,
  value,
  onChange,
}: {
  members: TeamMember[];
  value: Record<string, AccessChoice>;
  onChange: (next: Record<string, AccessChoice>) => void;
}) {
  return (
    <Table verticalSpacing={6}>
      <Table.Tbody>
        {members.map((m) => {
          const admin = m.accountRole === 'account_admin';
          const choice = value[m.id] ?? { role: null, hideAttributes: false };
          return (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Text size="sm">
                  {m.firstName} {m.lastName}
                </Text>
                <Text size="xs" c="dimmed">
                  {m.email}
                </Text>
              </Table.Td>
              <Table.Td w={330}>
                {admin ? (
                  <Text size="sm" c="dimmed">
                    Workspace Admin (Account Admin)
                  </Text>
                ) : (
                  <Group gap="xs" wrap="nowrap">
                    <Select
                      size="xs"
                      w={170}
                      aria-label={`Role of ${m.email}`}
                      data={roleOptions}
                      value={choice.role ?? 'none'}
                      allowDeselect={false}
                      onChange={(v) =>
                        onChange({
                          ...value,
                          [m.id]: {
                            role: v === 'none' || !v ? null : (v as WorkspaceRole),
                            hideAttributes: v === 'author' || v === 'viewer' ? choice.hideAttributes : false,
                          },
                        })
                      }
                    />
                    {(choice.role === 'author' || choice.role === 'viewer') && (
                      <Checkbox
                        size="xs"
                        label="Hide attributes"
                        checked={choice.hideAttributes}
                        onChange={(e) =>
                          onChange({
                            ...value,
                            [m.id]: { ...choice, hideAttributes: e.currentTarget.checked },
                          })
                        }
                      />
                    )}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

export const roleName = (role: WorkspaceRole | null) => (role ? roleLabels[role] : 'No access');
