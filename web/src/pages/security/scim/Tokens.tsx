import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { confirmAction } from '../../../components/Confirm';
import { CopyValue } from '../../../components/CopyValue';
import { fieldError, ProblemAlert } from '../../../components/ProblemAlert';
import { EmptyState, QueryView } from '../../../components/States';
import { type Answer, sdk, unwrap } from '../../../lib/api';
import { notifySuccess } from '../../../lib/feedback';
import { formatDate, formatRelative } from '../../../lib/hooks';

type ScimToken = Answer<'/api/account/scim-tokens', 'get'>['items'][number];
type CreatedToken = Answer<'/api/account/scim-tokens', 'post'>;

const lastUsed = (t: ScimToken) =>
  t.lastUsedAt ? `last used ${formatRelative(t.lastUsedAt)}` : 'never used';

function CreateTokenForm({ onCreated }: { onCreated: (t: CreatedToken) => void }) {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => unwrap(sdk.POST('/api/account/scim-tokens', { body: { name: name.trim() } })),
    onSuccess: (token) => {
      client.invalidateQueries({ queryKey: ['scim-tokens'] });
      onCreated(token);
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
        <TextInput
          label="Name"
          description="Say which identity provider uses it, so you know what stops if you revoke it."
          placeholder="Okta"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(create.error, '/name')}
          data-autofocus
          required
        />
        <ProblemAlert error={create.error} fields={['/name']} />
        <Button type="submit" loading={create.isPending}>
          Create token
        </Button>
      </Stack>
    </form>
  );
}

/** The new token, shown this once, with a copy button. */
function CreatedTokenAlert({ created, onClose }: { created: CreatedToken; onClose: () => void }) {
  return (
    <Alert
      color="teal"
      variant="light"
      title="Copy your token now: it is shown this once"
      withCloseButton
      closeButtonLabel="I have copied it"
      onClose={onClose}
      data-testid="created-scim-token"
    >
      <Stack gap="xs">
        <Text size="sm">
          Paste it into your identity provider as the API token (Bearer). We keep only a fingerprint of it: if
          you lose it, create another and revoke this one.
        </Text>
        <CopyValue label="Token" value={created.token} testId="scim-secret" />
      </Stack>
    </Alert>
  );
}

/** SCIM tokens: create (shown once), list, revoke after saying what stops. */
export function ScimTokens() {
  const client = useQueryClient();
  const tokens = useQuery({
    queryKey: ['scim-tokens'],
    queryFn: () => unwrap(sdk.GET('/api/account/scim-tokens')),
  });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const revoke = useMutation({
    mutationFn: (t: ScimToken) =>
      unwrap(sdk.DELETE('/api/account/scim-tokens/{id}', { params: { path: { id: t.id } } })),
    onSuccess: (_, t) => {
      client.invalidateQueries({ queryKey: ['scim-tokens'] });
      notifySuccess(`Token ${t.name} revoked.`);
    },
  });
  const askRevoke = async (t: ScimToken) => {
    const ok = await confirmAction({
      title: `Revoke token ${t.name}?`,
      confirmLabel: 'Revoke token',
      message: `Revoke the SCIM token ‘${t.name}’ (${lastUsed(t)})? The identity provider using it can no longer add, change or remove team members until you give it a new token.`,
    });
    if (ok) revoke.mutate(t);
  };
  const createButton = <Button onClick={() => setCreating(true)}>Create token</Button>;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={600}>Tokens</Text>
        {createButton}
      </Group>
      {created && <CreatedTokenAlert created={created} onClose={() => setCreated(null)} />}
      <ProblemAlert error={revoke.error} />
      <QueryView
        query={tokens}
        empty={(d) => d.items.length === 0}
        emptyState={
          <EmptyState title="No tokens yet">
            Create a token for your identity provider to add and remove team members for you.
          </EmptyState>
        }
      >
        {(data) => (
          <Stack gap="xs" data-testid="scim-tokens">
            {data.items.map((t) => (
              <Paper key={t.id} withBorder p="sm" radius="md">
                <Group justify="space-between" gap="xs">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {t.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      Created {formatDate(t.createdAt)} by {t.createdBy} · {lastUsed(t)}
                    </Text>
                  </Stack>
                  <Button
                    size="xs"
                    color="red"
                    variant="subtle"
                    onClick={() => askRevoke(t)}
                    aria-label={`Revoke ${t.name}`}
                  >
                    Revoke
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryView>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title="Create SCIM token"
        closeButtonProps={{ 'aria-label': 'Cancel' }}
      >
        <CreateTokenForm
          onCreated={(t) => {
            setCreating(false);
            setCreated(t);
          }}
        />
      </Modal>
    </Stack>
  );
}
