import { Button, Code, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Guarded } from '../components/Guarded';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { PageTitle, useCurrentWorkspace } from '../components/Shell';
import { get, post } from '../lib/api';
import { formatDateTime, usePermissions } from '../lib/hooks';

interface Person {
  cioId: string;
  id: string | null;
  email: string | null;
  attributes: Record<string, unknown>;
  createdAt: string;
}

function AddPerson({ workspaceId, onDone }: { workspaceId: string; onDone: () => void }) {
  const [id, setId] = useState('');
  const [email, setEmail] = useState('');
  const [attributes, setAttributes] = useState('{}');
  const add = useMutation({
    mutationFn: () =>
      post(`/api/workspaces/${workspaceId}/people`, {
        ...(id && { id }),
        ...(email && { email }),
        attributes: JSON.parse(attributes || '{}'),
      }),
    onSuccess: onDone,
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <Stack>
        <TextInput
          label="id"
          value={id}
          onChange={(e) => setId(e.currentTarget.value)}
          error={fieldError(add.error, '/id')}
        />
        <TextInput
          label="Email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldError(add.error, '/email')}
        />
        <TextInput
          label="Attributes (JSON)"
          value={attributes}
          onChange={(e) => setAttributes(e.currentTarget.value)}
          error={fieldError(add.error, '/attributes')}
        />
        <ProblemAlert error={add.error} fields={['/id', '/email', '/attributes']} />
        <Button type="submit" loading={add.isPending}>
          Add person
        </Button>
      </Stack>
    </form>
  );
}

/** People of the current workspace; members with hidden attributes see masked values only. */
export function PeoplePage() {
  const { id, workspace } = useCurrentWorkspace();
  const client = useQueryClient();
  const { can, why } = usePermissions(id);
  const [email, setEmail] = useState('');
  const [filter, setFilter] = useState('');
  const [adding, setAdding] = useState(false);
  const people = useQuery({
    queryKey: ['people', id, filter],
    queryFn: () =>
      get<{ items: Person[]; nextCursor: string | null }>(
        `/api/workspaces/${id}/people?limit=100${filter ? `&email=${encodeURIComponent(filter)}` : ''}`,
      ),
    enabled: Boolean(id),
    retry: false,
  });
  if (!id) return <PageTitle title="People" />;
  return (
    <Stack>
      <PageTitle title={`People — ${workspace?.name ?? ''}`}>
        <Guarded allowed={can('people.create')} why={why('people.create')}>
          <Button onClick={() => setAdding(true)}>Add person</Button>
        </Guarded>
      </PageTitle>
      <Group>
        <TextInput
          placeholder="Find by email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          w={300}
        />
        <Button variant="light" onClick={() => setFilter(email.trim())}>
          Find
        </Button>
      </Group>
      <ProblemAlert error={people.error} />
      <Table withTableBorder bg="white" data-testid="people">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>cio_id</Table.Th>
            <Table.Th>id</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Attributes</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(people.data?.items ?? []).map((p) => (
            <Table.Tr key={p.cioId}>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {p.cioId}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.id ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.email ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Code>{JSON.stringify(p.attributes)}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(p.createdAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {people.data?.items.length === 0 && (
        <Text c="dimmed">No people yet. Add some, or send them with the Track API.</Text>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add person">
        <AddPerson
          workspaceId={id}
          onDone={() => {
            setAdding(false);
            client.invalidateQueries({ queryKey: ['people', id] });
          }}
        />
      </Modal>
    </Stack>
  );
}
