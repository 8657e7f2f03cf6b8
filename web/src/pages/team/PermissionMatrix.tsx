import { Card, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Fragment, useState } from 'react';
import type { Answer } from '../../lib/api';
import { useVocabulary } from '../../lib/hooks';
import { PermissionMark } from './PermissionMark';

export type Catalog = Answer<'/api/permissions', 'get'>;
type Row = Catalog['workspacePermissions'][number];
type Column = Catalog['columns'][number];

/** What a role column means, from the vocabulary: the role's description, or what hiding attributes does. */
function useColumnDescription() {
  const vocabulary = useVocabulary();
  return (column: Column) =>
    vocabulary.data?.workspaceRoles.find((r) => r.key === column.key)?.description ??
    vocabulary.data?.hideAttributes.description ??
    '';
}

/** The rows by product and category, in the catalogue's order. */
function groups(rows: Row[]) {
  const out: { title: string; rows: Row[] }[] = [];
  for (const row of rows) {
    const title = row.product === row.category ? row.category : `${row.product}: ${row.category}`;
    const last = out.at(-1);
    if (last?.title === title) last.rows.push(row);
    else out.push({ title, rows: [row] });
  }
  return out;
}

function RowLabel({ row, footnotes }: { row: Row; footnotes: Catalog['footnotes'] }) {
  return (
    <>
      <Text size="sm">{row.label}</Text>
      {row.footnotes.map((n) => (
        <Text key={n} size="xs" c="dimmed">
          {footnotes[String(n)]}
        </Text>
      ))}
    </>
  );
}

/**
 * The workspace roles' permissions, as the server enforces them. A desktop shows every role side by
 * side (the table scrolls inside its card if the window is narrow); a phone shows one role at a time.
 */
export function PermissionMatrix({ catalog }: { catalog: Catalog }) {
  const phone = useMediaQuery('(max-width: 48em)');
  const describe = useColumnDescription();
  const [columnKey, setColumnKey] = useState(catalog.columns[0]?.key ?? '');
  const byCategory = groups(catalog.workspacePermissions);
  const allowed = (row: Row, key: string) => (row.allowed as Record<string, boolean>)[key] === true;

  if (phone) {
    const column = catalog.columns.find((c) => c.key === columnKey) ?? catalog.columns[0];
    return (
      <Card withBorder radius="md" data-testid="matrix">
        <Title order={2} size="h4" mb="sm">
          Workspace roles
        </Title>
        <Select
          label="Role"
          allowDeselect={false}
          data={catalog.columns.map((c) => ({ value: c.key, label: c.label }))}
          value={column?.key ?? null}
          onChange={(v) => v && setColumnKey(v)}
          description={column ? describe(column) : undefined}
        />
        <Table mt="sm" striped>
          <Table.Tbody>
            {byCategory.map((g) => (
              <Fragment key={g.title}>
                <Table.Tr>
                  <Table.Th colSpan={2}>{g.title}</Table.Th>
                </Table.Tr>
                {g.rows.map((row) => (
                  <Table.Tr key={row.key}>
                    <Table.Td>
                      <RowLabel row={row} footnotes={catalog.footnotes} />
                    </Table.Td>
                    <Table.Td w={40} ta="center">
                      <PermissionMark yes={column ? allowed(row, column.key) : false} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    );
  }

  return (
    <Card withBorder radius="md" data-testid="matrix">
      <Title order={2} size="h4" mb="sm">
        Workspace roles
      </Title>
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Permission</Table.Th>
              {catalog.columns.map((c) => (
                <Table.Th key={c.key} ta="center" w={150} style={{ verticalAlign: 'top' }}>
                  <Text size="sm" fw={700}>
                    {c.label}
                  </Text>
                  <Text size="xs" c="dimmed" fw={400}>
                    {describe(c)}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {byCategory.map((g) => (
              <Fragment key={g.title}>
                <Table.Tr>
                  <Table.Th colSpan={catalog.columns.length + 1} scope="colgroup">
                    {g.title}
                  </Table.Th>
                </Table.Tr>
                {g.rows.map((row) => (
                  <Table.Tr key={row.key}>
                    <Table.Td>
                      <RowLabel row={row} footnotes={catalog.footnotes} />
                    </Table.Td>
                    {catalog.columns.map((c) => (
                      <Table.Td key={c.key} ta="center">
                        <PermissionMark yes={allowed(row, c.key)} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** Who holds each account permission, in words. */
export function AccountRules({ catalog }: { catalog: Catalog }) {
  return (
    <Card withBorder radius="md" data-testid="account-rules">
      <Title order={2} size="h4" mb="sm">
        Account
      </Title>
      <Stack gap="xs">
        {catalog.accountPermissions.map((p) => (
          <div key={p.key}>
            <Text size="sm" fw={500}>
              {p.label}
            </Text>
            <Text size="sm" c="dimmed">
              Who: {p.grantedTo}
            </Text>
          </div>
        ))}
      </Stack>
    </Card>
  );
}
