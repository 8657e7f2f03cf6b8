import { Alert, Button, Code, Group, Modal, Paper, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { confirmAction } from '../../components/Confirm';
import { Guarded } from '../../components/Guarded';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { PageTitle, useCurrentWorkspace } from '../../components/Shell';
import { EmptyState, QueryView } from '../../components/States';
import { type Answer, sdk, unwrap } from '../../lib/api';
import { notifySuccess, usePageTitle } from '../../lib/feedback';
import { formatDate, formatRelative, usePermissions } from '../../lib/hooks';
import { type CreatedApiKey, CreatedKey } from './CreatedKey';

type ApiKey = Answer<'/api/workspaces/{workspaceId}/api-keys', 'get'>['items'][number];
type Kind = ApiKey['kind'];

const kinds: { value: Kind; label: string; description: string }[] = [
  {
    value: 'track',
    label: 'Track API key',
    description: 'For websites and apps that send people and events: a site ID and a key.',
  },
  {
    value: 'app',
    label: 'App API key',
    description: 'For your backend, calling the app API with a Bearer key.',
  },
];
const kindLabel = (kind: Kind) => kinds.find((k) => k.value === kind)?.label ?? kind;
const lastUsed = (k: ApiKey) => (k.lastUsedAt ? `last used ${formatRelative(k.lastUsedAt)}` : 'never used');

function CreateKeyForm({
  workspaceId,
  onCreated,
}: {
  workspaceId: string;
  onCreated: (k: CreatedApiKey) => void;
}) {
  const client = useQueryClient();
  const [kind, setKind] = useState<Kind>('track');
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        sdk.POST('/api/workspaces/{workspaceId}/api-keys', {
          params: { path: { workspaceId } },
          body: { kind, ...(name.trim() && { name: name.trim() }) },
        }),
      ),
    onSuccess: (key) => {
      client.invalidateQueries({ queryKey: ['api-keys', workspaceId] });
      client.invalidateQueries({ queryKey: ['setup-guide', workspaceId] });
      onCreated(key);
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <Stack>
        <Radio.Group value={kind} onChange={(v) => setKind(v as Kind)} label="Kind of key">
          <Stack gap="xs" mt="xs">
            {kinds.map((k) => (
              <Radio key={k.value} value={k.value} label={k.label} description={k.description} />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          label="Name"
          description="Says where the key is used, so you know what stops if you revoke it."
          placeholder={kind === 'track' ? 'Website' : 'Backend'}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(create.error, '/name')}
          data-autofocus
        />
        <ProblemAlert error={create.error} fields={['/name']} />
        <Button type="submit" loading={create.isPending}>
          Create
        </Button>
      </Stack>
    </form>
  );
}

function KeyRow({ apiKey, onRevoke }: { apiKey: ApiKey; onRevoke: () => void }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={`api-key-${apiKey.name}`}>
      <Group justify="space-between" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {apiKey.name}
            </Text>
            <Text size="xs" c="dimmed">
              {kindLabel(apiKey.kind)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            <Code>{apiKey.hint}</Code> · created {formatDate(apiKey.createdAt)} by {apiKey.createdBy} ·{' '}
            {lastUsed(apiKey)}
          </Text>
        </Stack>
        <Button
          size="xs"
          color="red"
          variant="subtle"
          onClick={onRevoke}
          aria-label={`Revoke ${apiKey.name}`}
        >
          Revoke
        </Button>
      </Group>
    </Paper>
  );
}

/** The workspace's API keys: create (the secret shown once), and revoke after saying what stops. */
export function ApiKeysPage() {
  const { id, workspace } = useCurrentWorkspace();
  usePageTitle(workspace ? `API keys — ${workspace.name}` : 'API keys');
  const client = useQueryClient();
  const { can, why, ready } = usePermissions(id);
  const allowed = can('api_credentials.manage');
  const workspaceId = id ?? '';
  const keys = useQuery({
    queryKey: ['api-keys', workspaceId],
    queryFn: () =>
      unwrap(sdk.GET('/api/workspaces/{workspaceId}/api-keys', { params: { path: { workspaceId } } })),
    enabled: Boolean(id) && allowed,
  });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const revoke = useMutation({
    mutationFn: (k: ApiKey) =>
      unwrap(
        sdk.DELETE('/api/workspaces/{workspaceId}/api-keys/{keyId}', {
          params: { path: { workspaceId, keyId: k.id } },
        }),
      ),
    onSuccess: (_, k) => {
      client.invalidateQueries({ queryKey: ['api-keys', workspaceId] });
      notifySuccess(`Key ${k.name} revoked.`);
    },
  });
  const askRevoke = async (k: ApiKey) => {
    const ok = await confirmAction({
      title: `Revoke key ${k.name}?`,
      confirmLabel: 'Revoke key',
      message: `Revoke key ‘${k.name}’ (${lastUsed(k)})? Apps using it stop working at once, and it cannot be turned back on.`,
    });
    if (ok) revoke.mutate(k);
  };
  const createButton = (
    <Guarded allowed={allowed} why={why('api_credentials.manage')}>
      <Button onClick={() => setCreating(true)}>Create API key</Button>
    </Guarded>
  );
  return (
    <Stack>
      <PageTitle title={workspace ? `API keys — ${workspace.name}` : 'API keys'}>{createButton}</PageTitle>
      {ready && !allowed && <Alert color="gray">{why('api_credentials.manage')}</Alert>}
      {created && <CreatedKey created={created} onClose={() => setCreated(null)} />}
      <ProblemAlert error={revoke.error} />
      {allowed && (
        <QueryView
          query={keys}
          empty={(d) => d.items.length === 0}
          emptyState={
            <EmptyState title="No API keys yet" action={createButton}>
              Create a key to send people and events from your website or app, or to call the app API from
              your backend.
            </EmptyState>
          }
        >
          {(data) => (
            <Stack gap="xs" data-testid="api-keys">
              {data.items.map((k) => (
                <KeyRow key={k.id} apiKey={k} onRevoke={() => askRevoke(k)} />
              ))}
            </Stack>
          )}
        </QueryView>
      )}
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title="Create API key"
        closeButtonProps={{ 'aria-label': 'Cancel' }}
      >
        {id && (
          <CreateKeyForm
            workspaceId={id}
            onCreated={(k) => {
              setCreating(false);
              setCreated(k);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
