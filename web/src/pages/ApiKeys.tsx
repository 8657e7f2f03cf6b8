import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Guarded } from '../components/Guarded';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { PageTitle, useCurrentWorkspace } from '../components/Shell';
import { del, get, post } from '../lib/api';
import { formatDateTime, usePermissions } from '../lib/hooks';

interface ApiKey {
  id: string;
  kind: 'track' | 'app';
  name: string;
  siteId: string | null;
  hint: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  apiKey?: string;
  key?: string;
}

function Secret({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Code style={{ wordBreak: 'break-all' }} data-testid="secret">
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

export function ApiKeysPage() {
  const { id, workspace } = useCurrentWorkspace();
  const client = useQueryClient();
  const { can, why, ready } = usePermissions(id);
  const allowed = can('api_credentials.manage');
  const keys = useQuery({
    queryKey: ['api-keys', id],
    queryFn: () => get<{ items: ApiKey[] }>(`/api/workspaces/${id}/api-keys`),
    enabled: Boolean(id) && allowed,
  });
  const [creating, setCreating] = useState(false);
  const [kind, setKind] = useState<'track' | 'app'>('track');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<ApiKey | null>(null);
  const create = useMutation({
    mutationFn: () =>
      post<ApiKey>(`/api/workspaces/${id}/api-keys`, { kind, ...(name.trim() && { name: name.trim() }) }),
    onSuccess: (key) => {
      setCreated(key);
      setCreating(false);
      setName('');
      client.invalidateQueries({ queryKey: ['api-keys', id] });
      client.invalidateQueries({ queryKey: ['setup-guide', id] });
    },
  });
  const revoke = useMutation({
    mutationFn: (keyId: string) => del(`/api/workspaces/${id}/api-keys/${keyId}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['api-keys', id] }),
  });
  return (
    <Stack>
      <PageTitle title={`API keys — ${workspace?.name ?? ''}`}>
        <Guarded allowed={allowed} why={why('api_credentials.manage')}>
          <Button onClick={() => setCreating(true)}>Create API key</Button>
        </Guarded>
      </PageTitle>
      {ready && !allowed && <Alert color="gray">{why('api_credentials.manage')}</Alert>}
      {created && (
        <Alert
          color="teal"
          title="Copy your key now: it is shown this once"
          withCloseButton
          onClose={() => setCreated(null)}
        >
          <Stack gap="xs">
            {created.siteId && <Secret label="Site ID" value={created.siteId} />}
            {created.apiKey && <Secret label="API key" value={created.apiKey} />}
            {created.key && <Secret label="App API key (Bearer)" value={created.key} />}
          </Stack>
        </Alert>
      )}
      <ProblemAlert error={revoke.error} />
      {allowed && (
        <Table withTableBorder bg="white">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(keys.data?.items ?? []).map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>
                  <Text size="sm">{k.name}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{k.kind === 'track' ? 'Track API' : 'App API'}</Text>
                </Table.Td>
                <Table.Td>
                  <Code>{k.hint}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {formatDateTime(k.createdAt)} by {k.createdBy}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(k.lastUsedAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Button size="xs" color="red" variant="subtle" onClick={() => revoke.mutate(k.id)}>
                    Revoke
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title="Create API key">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Stack>
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v as 'track' | 'app')}
              data={[
                { value: 'track', label: 'Track API (site id + key)' },
                { value: 'app', label: 'App API (Bearer)' },
              ]}
            />
            <TextInput
              label="Name"
              placeholder={kind === 'track' ? 'Website' : 'Backend'}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError(create.error, '/name')}
            />
            <ProblemAlert error={create.error} fields={['/name']} />
            <Button type="submit" loading={create.isPending}>
              Create
            </Button>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
