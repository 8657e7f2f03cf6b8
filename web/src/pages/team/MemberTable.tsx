import { Card, Checkbox, Group, Stack, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { Sort, SortKey } from './listing';
import {
  LastLogin,
  type MemberActions,
  MemberMenu,
  MemberName,
  MemberRole,
  MemberStatus,
  MemberWorkspaces,
  TwoFactor,
} from './MemberRow';
import { fullName, type TeamMember } from './model';

interface Props {
  members: TeamMember[];
  manages: boolean;
  selfId: string;
  selected: string[];
  onSelect: (ids: string[]) => void;
  sort: Sort;
  onSort: (sort: Sort) => void;
  actions: MemberActions;
}

/** One page of the team: a table on a desktop, a card per member on a phone. */
export function MemberTable(props: Props) {
  const phone = useMediaQuery('(max-width: 48em)');
  return phone ? <MemberCards {...props} /> : <MemberRows {...props} />;
}

function SelectBox({
  member,
  selected,
  onSelect,
}: Pick<Props, 'selected' | 'onSelect'> & { member: TeamMember }) {
  return (
    <Checkbox
      aria-label={`Select ${fullName(member)}`}
      checked={selected.includes(member.id)}
      onChange={(e) =>
        onSelect(
          e.currentTarget.checked ? [...selected, member.id] : selected.filter((id) => id !== member.id),
        )
      }
    />
  );
}

function SortHeader({
  label,
  by,
  sort,
  onSort,
}: { label: string; by: SortKey } & Pick<Props, 'sort' | 'onSort'>) {
  const active = sort.key === by;
  return (
    <Table.Th aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton
        fw={700}
        fz="sm"
        onClick={() => onSort({ key: by, descending: active && !sort.descending })}
        aria-label={`Sort by ${label.toLowerCase()}`}
      >
        {label} {active ? (sort.descending ? '↓' : '↑') : ''}
      </UnstyledButton>
    </Table.Th>
  );
}

function MemberRows({ members, manages, selfId, selected, onSelect, sort, onSort, actions }: Props) {
  const pageIds = members.map((m) => m.id);
  const allChecked = pageIds.length > 0 && pageIds.every((id) => selected.includes(id));
  return (
    <Table withTableBorder highlightOnHover bg="var(--mantine-color-body)" data-testid="team-table">
      <Table.Thead>
        <Table.Tr>
          {manages && (
            <Table.Th w={36}>
              <Checkbox
                aria-label="Select everyone on this page"
                checked={allChecked}
                indeterminate={!allChecked && pageIds.some((id) => selected.includes(id))}
                onChange={(e) =>
                  onSelect(
                    e.currentTarget.checked
                      ? [...new Set([...selected, ...pageIds])]
                      : selected.filter((id) => !pageIds.includes(id)),
                  )
                }
              />
            </Table.Th>
          )}
          <SortHeader label="Name" by="name" sort={sort} onSort={onSort} />
          <SortHeader label="Role" by="role" sort={sort} onSort={onSort} />
          <Table.Th>Workspaces</Table.Th>
          <SortHeader label="Status" by="status" sort={sort} onSort={onSort} />
          <Table.Th>Two-factor</Table.Th>
          <SortHeader label="Last login" by="lastLogin" sort={sort} onSort={onSort} />
          <Table.Th>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {members.map((m) => (
          <Table.Tr key={m.id} data-testid={`member-${m.email}`}>
            {manages && (
              <Table.Td>
                <SelectBox member={m} selected={selected} onSelect={onSelect} />
              </Table.Td>
            )}
            <Table.Td>
              <MemberName member={m} />
            </Table.Td>
            <Table.Td>
              <MemberRole member={m} />
            </Table.Td>
            <Table.Td>
              <MemberWorkspaces member={m} />
            </Table.Td>
            <Table.Td>
              <MemberStatus member={m} />
            </Table.Td>
            <Table.Td>
              <TwoFactor member={m} />
            </Table.Td>
            <Table.Td>
              <LastLogin member={m} />
            </Table.Td>
            <Table.Td>
              <MemberMenu member={m} manages={manages} self={m.id === selfId} actions={actions} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function MemberCards({ members, manages, selfId, selected, onSelect, actions }: Props) {
  return (
    <Stack gap="sm" data-testid="team-table">
      {members.map((m) => (
        <Card key={m.id} withBorder padding="sm" data-testid={`member-${m.email}`}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Group align="flex-start" wrap="nowrap" gap="sm" style={{ minWidth: 0 }}>
              {manages && <SelectBox member={m} selected={selected} onSelect={onSelect} />}
              <div style={{ minWidth: 0 }}>
                <MemberName member={m} />
              </div>
            </Group>
            <MemberMenu member={m} manages={manages} self={m.id === selfId} actions={actions} />
          </Group>
          <Stack gap={6} mt="xs">
            <Field label="Role">
              <MemberRole member={m} />
            </Field>
            <Field label="Workspaces">
              <MemberWorkspaces member={m} />
            </Field>
            <Field label="Status">
              <MemberStatus member={m} />
            </Field>
            <Field label="Two-factor">
              <TwoFactor member={m} />
            </Field>
            <Field label="Last login">
              <LastLogin member={m} />
            </Field>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Text size="xs" c="dimmed" w={90} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <div style={{ minWidth: 0 }}>{children}</div>
    </Group>
  );
}
