import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type PublicKeyCredentialCreationOptionsJSON, startRegistration } from '@simplewebauthn/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { passkeyErrorMessage, passkeysSupported } from '../../components/PasskeySignIn';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { EmptyState, ErrorPanel, LoadingSkeleton } from '../../components/States';
import { type Answer, sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';
import { formatDateTime } from '../../lib/hooks';

type Passkey = Answer<'/api/me/passkeys', 'get'>['items'][number];

const queryKey = ['me', 'passkeys'];
const closeLabel = { 'aria-label': 'Close' };

/** The authenticator's answer, made before the name is asked (the prompt comes from the click). */
async function createCredential() {
  // The document types the options loosely (WebAuthn's own JSON); the browser library names them.
  const optionsJSON = (await unwrap(
    sdk.POST('/api/me/passkeys/registration-options'),
  )) as unknown as PublicKeyCredentialCreationOptionsJSON;
  try {
    const made = await startRegistration({ optionsJSON });
    // The library's interfaces, as the plain objects the API's schema describes.
    return {
      ...made,
      response: { ...made.response },
      clientExtensionResults: { ...made.clientExtensionResults },
    };
  } catch (error) {
    throw new Error(passkeyErrorMessage(error));
  }
}

/** Your passkeys: add (the browser's prompt, then a name), rename, delete. */
export function PasskeysSection() {
  const client = useQueryClient();
  const supported = passkeysSupported();
  const list = useQuery({ queryKey, queryFn: () => unwrap(sdk.GET('/api/me/passkeys')) });
  const refresh = () => client.invalidateQueries({ queryKey });

  const [answer, setAnswer] = useState<Awaited<ReturnType<typeof createCredential>> | null>(null);
  const [renaming, setRenaming] = useState<Passkey | null>(null);
  const [deleting, setDeleting] = useState<Passkey | null>(null);

  const start = useMutation({
    mutationFn: createCredential,
    onSuccess: (made) => {
      save.reset();
      setAnswer(made);
    },
  });
  const save = useMutation({
    mutationFn: (name: string) => unwrap(sdk.POST('/api/me/passkeys', { body: { name, response: answer! } })),
    onSuccess: (saved) => {
      notifySuccess(`Passkey “${saved.name}” added`);
      setAnswer(null);
      refresh();
    },
  });
  const rename = useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      unwrap(
        sdk.PATCH('/api/me/passkeys/{passkeyId}', { params: { path: { passkeyId: id } }, body: { name } }),
      ),
    onSuccess: (_, { name }) => {
      notifySuccess(`Passkey renamed to “${name}”`);
      setRenaming(null);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (passkey: Passkey) =>
      unwrap(sdk.DELETE('/api/me/passkeys/{passkeyId}', { params: { path: { passkeyId: passkey.id } } })),
    onSuccess: (_, passkey) => {
      notifySuccess(`Passkey “${passkey.name}” deleted`);
      setDeleting(null);
      refresh();
    },
  });

  const items = list.data?.items ?? [];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="passkeys-title" data-testid="passkeys">
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="passkeys-title">
            Passkeys
          </Title>
          {supported && (
            <Button color="indigo.7" onClick={() => start.mutate()} loading={start.isPending}>
              Add a passkey
            </Button>
          )}
        </Group>
        <Text size="sm" c="gray.7">
          Sign in with your fingerprint, face, screen lock or a security key instead of typing your password.
          A passkey also counts as a second step after your password.
        </Text>
        {!supported && (
          <Alert color="gray">This browser does not support passkeys. Use another browser to add one.</Alert>
        )}
        <ProblemAlert error={start.error} />
        {list.isPending && <LoadingSkeleton rows={2} label="Loading your passkeys" />}
        {list.error && !list.data && <ErrorPanel error={list.error} onRetry={() => list.refetch()} />}
        {list.isSuccess && items.length === 0 && (
          <div data-testid="no-passkeys">
            <EmptyState title="You have no passkeys yet">
              {supported
                ? 'Add one to sign in with this device’s screen lock or a security key.'
                : 'Open Atrium in a browser that supports passkeys to add one.'}
            </EmptyState>
          </div>
        )}
        {items.map((p) => (
          <Paper key={p.id} withBorder p="sm" data-testid="passkey">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2}>
                <Text fw={500}>{p.name}</Text>
                <Text size="xs" c="gray.7">
                  Added {formatDateTime(p.createdAt)} ·{' '}
                  {p.lastUsedAt ? `last used ${formatDateTime(p.lastUsedAt)}` : 'never used'}
                </Text>
              </Stack>
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    rename.reset();
                    setRenaming(p);
                  }}
                  aria-label={`Rename ${p.name}`}
                >
                  Rename
                </Button>
                <Button
                  size="xs"
                  color="red.9"
                  variant="outline"
                  onClick={() => {
                    remove.reset();
                    setDeleting(p);
                  }}
                  aria-label={`Delete ${p.name}`}
                >
                  Delete
                </Button>
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>

      <Modal
        closeButtonProps={closeLabel}
        opened={answer !== null}
        onClose={() => setAnswer(null)}
        title="Name your passkey"
      >
        <NameForm
          hint="Where it lives, to tell your passkeys apart: “Work laptop”, “Phone”."
          submit="Save passkey"
          mutation={save}
          onName={(name) => save.mutate(name)}
        />
      </Modal>

      <Modal
        closeButtonProps={closeLabel}
        opened={renaming !== null}
        onClose={() => setRenaming(null)}
        title="Rename passkey"
      >
        {renaming && (
          <NameForm
            defaultValue={renaming.name}
            submit="Rename"
            mutation={rename}
            onName={(name) => rename.mutate({ id: renaming.id, name })}
          />
        )}
      </Modal>

      <Modal
        closeButtonProps={closeLabel}
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete this passkey?"
      >
        {deleting && (
          <Stack>
            <Text size="sm">
              “{deleting.name}” will no longer sign you in. The passkey stays on your device until you remove
              it there too.
            </Text>
            <ProblemAlert error={remove.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>
                Keep it
              </Button>
              <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(deleting)}>
                Delete passkey
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}

/** A passkey's name, given when it is added and changed later. */
function NameForm(props: {
  defaultValue?: string;
  hint?: string;
  submit: string;
  mutation: { error: Error | null; isPending: boolean };
  onName: (name: string) => void;
}) {
  const { mutation } = props;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        props.onName(String(new FormData(e.currentTarget).get('name') ?? ''));
      }}
    >
      <Stack>
        <TextInput
          name="name"
          label="Name"
          description={props.hint}
          defaultValue={props.defaultValue}
          required
          maxLength={100}
          data-autofocus
          error={fieldError(mutation.error, '/name')}
        />
        <ProblemAlert error={mutation.error} fields={['/name']} />
        <Button type="submit" color="indigo.7" loading={mutation.isPending}>
          {props.submit}
        </Button>
      </Stack>
    </form>
  );
}
