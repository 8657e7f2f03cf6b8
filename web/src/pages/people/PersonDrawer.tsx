import {
  Badge,
  Button,
  Drawer,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { confirmAction } from '../../components/Confirm';
import { Guarded } from '../../components/Guarded';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ErrorPanel, LoadingSkeleton } from '../../components/States';
import { sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';
import { formatDateTime, usePermissions, useVocabulary } from '../../lib/hooks';
import { PersonActivity } from './PersonActivity';
import { PersonForm } from './PersonForm';
import { type Device, isHidden, labelOf, type PersonDetail, valueText } from './person';

/** A value, or "Hidden" with why (hide attributes) when this member may not see it. */
function Value({ value }: { value: unknown }) {
  const why = useVocabulary().data?.hideAttributes.description;
  if (!isHidden(value)) return <Text size="sm">{valueText(value)}</Text>;
  return (
    <Tooltip
      label={why ?? 'Attribute values are hidden from you.'}
      multiline
      w={300}
      withArrow
      events={{ hover: true, focus: true, touch: true }}
    >
      <Text size="sm" c="dimmed" fs="italic" tabIndex={0} data-testid="hidden-value">
        Hidden
      </Text>
    </Tooltip>
  );
}

/** Two columns: what, and its value. */
function FactTable({ label, rows, testId }: { label: string; rows: [string, unknown][]; testId: string }) {
  return (
    <Table withTableBorder data-testid={testId} aria-label={label} layout="fixed">
      <Table.Tbody>
        {rows.map(([key, value]) => (
          <Table.Tr key={key}>
            <Table.Th w="40%" scope="row" fw={500} style={{ overflowWrap: 'anywhere' }}>
              {key}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              <Value value={value} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The lists a person appears in (People, a segment's people), read again after they change. */
function invalidateLists(client: QueryClient, workspaceId: string) {
  client.invalidateQueries({ queryKey: ['people', workspaceId] });
  client.invalidateQueries({ queryKey: ['segment-members', workspaceId] });
}

const platformNames: Record<string, string> = { ios: 'iOS', android: 'Android' };

/** One device: its platform, when it was last used, its token (hidden from some members) and its attributes. */
function DeviceCard({ device }: { device: Device }) {
  const attributes = Object.entries(device.attributes).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Paper withBorder p="sm" radius="md" data-testid="person-device">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Badge variant="light">{platformNames[device.platform] ?? device.platform}</Badge>
          <Text size="sm" c="dimmed">
            {device.lastUsed ? `Last used ${formatDateTime(device.lastUsed)}` : 'Never used yet'}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={500} style={{ flexShrink: 0 }}>
            Token
          </Text>
          <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            <Value value={device.token} />
          </div>
        </Group>
        {attributes.length > 0 && (
          <FactTable label="Device attributes" testId="device-attributes" rows={attributes} />
        )}
      </Stack>
    </Paper>
  );
}

/** The person's push devices, added by the Track API, or a sentence saying there are none. */
function Devices({ devices }: { devices: Device[] }) {
  return (
    <Stack gap="xs" data-testid="person-devices">
      <Title order={3} size="h5">
        Devices
      </Title>
      {devices.length > 0 ? (
        // A hidden token is the same for every device: the times tell them apart.
        devices.map((d) => <DeviceCard key={`${d.token} ${d.createdAt} ${d.updatedAt}`} device={d} />)
      ) : (
        <Text size="sm" c="dimmed" data-testid="person-devices-empty">
          No devices yet. Devices appear here when your app registers this person's push token with the Track
          API.
        </Text>
      )}
    </Stack>
  );
}

/** One person: who they are, their attributes as a table, and edit and delete. */
function PersonDetails({
  workspaceId,
  person,
  onClosed,
}: {
  workspaceId: string;
  person: PersonDetail;
  onClosed: () => void;
}) {
  const client = useQueryClient();
  const { can, why } = usePermissions(workspaceId);
  const [editing, setEditing] = useState(false);
  const name = labelOf(person);
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        sdk.DELETE('/api/workspaces/{workspaceId}/people/{cioId}', {
          params: { path: { workspaceId, cioId: person.cioId } },
        }),
      ),
    onSuccess: () => {
      notifySuccess(`${name} deleted`);
      invalidateLists(client, workspaceId);
      onClosed();
    },
  });
  const askToDelete = async () => {
    const also = person.email && person.email !== name && !isHidden(person.email) ? ` (${person.email})` : '';
    const confirmed = await confirmAction({
      title: `Delete ${name}?`,
      message: `${name}${also} and their ${Object.keys(person.attributes).length} attributes are removed from this workspace. This cannot be undone.`,
      confirmLabel: 'Delete person',
    });
    if (confirmed) remove.mutate();
  };
  const attributes = Object.entries(person.attributes).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Stack>
      <FactTable
        label="Identifiers"
        testId="person-identifiers"
        rows={[
          ['Email', person.email],
          ['ID', person.id],
          ['Added', formatDateTime(person.createdAt)],
          ['Updated', formatDateTime(person.updatedAt)],
          ['cio_id', person.cioId],
        ]}
      />
      <Title order={3} size="h5">
        Attributes
      </Title>
      {attributes.length > 0 ? (
        <FactTable label="Attributes" testId="person-attributes" rows={attributes} />
      ) : (
        <Text size="sm" c="dimmed">
          No attributes yet. Edit this person, or send attributes with the Track API.
        </Text>
      )}
      <Devices devices={person.devices} />
      <PersonActivity workspaceId={workspaceId} cioId={person.cioId} />
      <ProblemAlert error={remove.error} />
      <Group justify="flex-end">
        <Guarded allowed={can('people.delete')} why={why('people.delete')}>
          <Button color="red" variant="light" onClick={askToDelete} loading={remove.isPending}>
            Delete
          </Button>
        </Guarded>
        <Guarded allowed={can('people.edit')} why={why('people.edit')}>
          <Button onClick={() => setEditing(true)}>Edit</Button>
        </Guarded>
      </Group>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={editing}
        onClose={() => setEditing(false)}
        title={`Edit ${name}`}
        size="lg"
      >
        <PersonForm
          workspaceId={workspaceId}
          person={person}
          onDone={(saved) => {
            setEditing(false);
            client.setQueryData(['person', workspaceId, person.cioId], { ...saved, devices: person.devices });
            invalidateLists(client, workspaceId);
          }}
        />
      </Modal>
    </Stack>
  );
}

/** The drawer of the person chosen in the list, read afresh. */
export function PersonDrawer({
  workspaceId,
  cioId,
  onClose,
}: {
  workspaceId: string;
  cioId: string | null;
  onClose: () => void;
}) {
  const query = useQuery({
    queryKey: ['person', workspaceId, cioId],
    queryFn: () =>
      unwrap(
        sdk.GET('/api/workspaces/{workspaceId}/people/{cioId}', {
          params: { path: { workspaceId, cioId: cioId ?? '' } },
        }),
      ),
    enabled: cioId !== null,
    retry: false,
  });
  return (
    <Drawer
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={cioId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={query.data ? labelOf(query.data) : 'Person'}
    >
      {query.isPending ? (
        <LoadingSkeleton label="Loading the person" />
      ) : query.isError ? (
        <ErrorPanel error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <PersonDetails workspaceId={workspaceId} person={query.data} onClosed={onClose} />
      )}
    </Drawer>
  );
}
