import { Button, Collapse, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { Answer } from '../../lib/api';
import { formatDateTime, formatRelative } from '../../lib/hooks';

export type Entry = Answer<'/api/account/activity', 'get'>['items'][number];

/** Before and after, a row per field, in the server's words. */
function ChangesTable({ changes }: { changes: Entry['changes'] }) {
  return (
    <Table withTableBorder fz="sm" data-testid="activity-changes" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">What</Table.Th>
          <Table.Th>Before</Table.Th>
          <Table.Th>After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.field}>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.field}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.before ?? '—'}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.after ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One entry: its sentence, who and when (exact time on hover), the address for admins, details. */
export function ActivityEntry({ entry, showIp }: { entry: Entry; showIp: boolean }) {
  const [open, setOpen] = useState(false);
  const detailsId = `details-${entry.id}`;
  return (
    <Paper withBorder p="sm" radius="md" component="li" data-testid="activity-entry">
      <Stack gap={4}>
        <Text size="sm" fw={500} data-testid="activity-summary">
          {entry.summary}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Text size="xs" c="dimmed">
            {entry.actor.name}
          </Text>
          <Text size="xs" c="dimmed" aria-hidden>
            ·
          </Text>
          <Tooltip
            label={formatDateTime(entry.createdAt)}
            withArrow
            events={{ hover: true, focus: true, touch: true }}
          >
            <Text size="xs" c="dimmed" component="time" dateTime={entry.createdAt} tabIndex={0}>
              {formatRelative(entry.createdAt)}
            </Text>
          </Tooltip>
          {showIp && entry.actor.ipAddress && (
            <Text size="xs" c="dimmed">
              · from {entry.actor.ipAddress}
            </Text>
          )}
          {entry.changes.length > 0 && (
            <Button
              variant="default"
              size="compact-xs"
              aria-expanded={open}
              aria-controls={detailsId}
              onClick={() => setOpen((o) => !o)}
            >
              {open ? 'Hide details' : 'Details'}
            </Button>
          )}
        </Group>
        <Collapse expanded={open} id={detailsId}>
          {open && <ChangesTable changes={entry.changes} />}
        </Collapse>
      </Stack>
    </Paper>
  );
}
