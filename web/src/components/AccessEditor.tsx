import { Checkbox, Group, Select, Table, Text } from '@mantine/core';
import type { Answer } from '../lib/api';
import { useVocabulary } from '../lib/hooks';

type TeamMember = Answer<'/api/team-members/{memberId}', 'get'>;
type WorkspaceRole = TeamMember['workspaces'][number]['role'];

export interface AccessChoice {
  role: WorkspaceRole | null;
  hideAttributes: boolean;
}

/** "Who should have access to this workspace?": a role per member; Account Admins are fixed. */
export function AccessEditor({
  members,
  value,
  onChange,
}: {
  members: Pick<TeamMember, 'id' | 'firstName' | 'lastName' | 'email' | 'accountRole'>[];
  value: Record<string, AccessChoice>;
  onChange: (next: Record<string, AccessChoice>) => void;
}) {
  const vocabulary = useVocabulary();
  const roles = vocabulary.data?.workspaceRoles ?? [];
  const options = [
    { value: 'none', label: 'No access' },
    ...roles.map((r) => ({ value: r.key, label: r.label })),
  ];
  return (
    <Table verticalSpacing={6}>
      <Table.Tbody>
        {members.map((m) => {
          const everywhere = vocabulary.everyWorkspaceAs(m.accountRole);
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
                {everywhere ? (
                  <Text size="sm" c="dimmed">
                    {vocabulary.roleLabel(everywhere)} ({vocabulary.roleLabel(m.accountRole)})
                  </Text>
                ) : (
                  <Group gap="xs" wrap="nowrap">
                    <Select
                      size="xs"
                      w={170}
                      aria-label={`Role of ${m.email}`}
                      data={options}
                      value={choice.role ?? 'none'}
                      allowDeselect={false}
                      onChange={(v) => {
                        const role = roles.find((r) => r.key === v)?.key ?? null;
                        onChange({
                          ...value,
                          [m.id]: {
                            role,
                            hideAttributes: vocabulary.hidesAttributes(role) ? choice.hideAttributes : false,
                          },
                        });
                      }}
                    />
                    {vocabulary.hidesAttributes(choice.role) && (
                      <Checkbox
                        size="xs"
                        label={vocabulary.data?.hideAttributes.label ?? 'Hide attributes'}
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
