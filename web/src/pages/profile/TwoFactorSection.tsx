import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { ErrorPanel, LoadingSkeleton } from '../../components/States';
import { sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';
import { formatDate } from '../../lib/hooks';
import { FILLED, RecoveryCodes, TotpSetup } from './TotpSetup';

const value = (e: FormEvent<HTMLFormElement>, name: string) =>
  String(new FormData(e.currentTarget).get(name) ?? '');

/** Password and a code, for turning two-factor off or replacing the recovery codes. */
function PasswordAndCode({
  submit,
  label,
  color,
  pending,
  error,
  onCancel,
}: {
  submit: (body: { currentPassword: string; code: string }) => void;
  label: string;
  color?: string;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
}) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit({ currentPassword: value(e, 'currentPassword'), code: value(e, 'code') });
      }}
    >
      <Stack>
        <PasswordInput
          name="currentPassword"
          label="Your current password"
          autoComplete="current-password"
          required
          error={fieldError(error, '/currentPassword')}
        />
        <TextInput
          name="code"
          label="A code of your authenticator app, or a recovery code"
          autoComplete="one-time-code"
          required
          error={fieldError(error, '/code')}
        />
        <ProblemAlert error={error} fields={['/currentPassword', '/code']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" color={color ?? FILLED} loading={pending}>
            {label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Two-factor authentication" of Your profile: its state; set it up, replace recovery codes, turn it off. */
export function TwoFactorSection() {
  const client = useQueryClient();
  const state = useQuery({
    queryKey: ['two-factor'],
    queryFn: () => unwrap(sdk.GET('/api/me/two-factor')),
  });
  const [mode, setMode] = useState<'idle' | 'setup' | 'off' | 'codes'>('idle');
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['two-factor'] }),
      client.invalidateQueries({ queryKey: ['me'] }),
    ]);
  const turnOff = useMutation({
    mutationFn: (body: { currentPassword: string; code: string }) =>
      unwrap(sdk.DELETE('/api/me/two-factor', { body })),
    onSuccess: async () => {
      notifySuccess('Two-factor authentication is off');
      setMode('idle');
      await refresh();
    },
  });
  const newCodes = useMutation({
    mutationFn: (body: { currentPassword: string; code: string }) =>
      unwrap(sdk.POST('/api/me/two-factor/recovery-codes', { body })),
    onSuccess: () => {
      notifySuccess('New recovery codes made: save them now');
      setMode('idle');
      client.invalidateQueries({ queryKey: ['two-factor'] });
    },
  });
  const data = state.data;
  return (
    <Paper
      withBorder
      p="lg"
      component="section"
      aria-labelledby="two-factor-title"
      data-testid="two-factor-section"
    >
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="two-factor-title">
            Two-factor authentication
          </Title>
          {data && (
            <Badge color={data.enabled ? 'teal.9' : 'gray.7'} variant="filled">
              {data.enabled ? 'On' : 'Off'}
            </Badge>
          )}
        </Group>
        {state.isPending && <LoadingSkeleton rows={2} label="Loading your two-factor settings" />}
        {state.error && !state.data && <ErrorPanel error={state.error} onRetry={() => state.refetch()} />}
        {data && !data.enabled && mode !== 'setup' && (
          <>
            <Text size="sm">
              Besides your password, signing in asks for a code of an authenticator app on your phone.
              {data.required && ' Your account requires it.'}
            </Text>
            <Group>
              <Button color={FILLED} onClick={() => setMode('setup')}>
                Set up an authenticator app
              </Button>
            </Group>
          </>
        )}
        {mode === 'setup' && (
          <TotpSetup
            onEnabled={() => client.invalidateQueries({ queryKey: ['two-factor'] })}
            onDone={async () => {
              setMode('idle');
              await refresh();
            }}
            onCancel={() => setMode('idle')}
          />
        )}
        {data?.enabled && mode !== 'setup' && (
          <>
            <Text size="sm">
              Authenticator app set up on {formatDate(data.totp?.confirmedAt)}. Recovery codes left:{' '}
              {data.recoveryCodesLeft} of 10.
            </Text>
            {newCodes.data && <RecoveryCodes codes={newCodes.data.recoveryCodes} />}
            {mode === 'codes' ? (
              <Stack gap="xs">
                <Text size="sm" fw={500}>
                  Your {data.recoveryCodesLeft} unused recovery codes stop working at once; 10 new ones are
                  shown here, once.
                </Text>
                <PasswordAndCode
                  label="Replace recovery codes"
                  submit={(body) => newCodes.mutate(body)}
                  pending={newCodes.isPending}
                  error={newCodes.error}
                  onCancel={() => setMode('idle')}
                />
              </Stack>
            ) : (
              <Group>
                <Button
                  variant="default"
                  onClick={() => {
                    newCodes.reset();
                    setMode('codes');
                  }}
                >
                  New recovery codes
                </Button>
                <Button
                  variant="light"
                  color="red"
                  onClick={() => {
                    turnOff.reset();
                    setMode('off');
                  }}
                >
                  Turn off two-factor
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
      <Modal opened={mode === 'off'} onClose={() => setMode('idle')} title="Turn off two-factor?">
        <Stack>
          <Text size="sm">
            Your authenticator app and your recovery codes stop working, and signing in asks only for your
            password.
            {data?.required &&
              ' Your account requires two-factor: until you set it up again, you can reach only your profile.'}
          </Text>
          <PasswordAndCode
            label="Turn off"
            color="red.8"
            submit={(body) => turnOff.mutate(body)}
            pending={turnOff.isPending}
            error={turnOff.error}
            onCancel={() => setMode('idle')}
          />
        </Stack>
      </Modal>
    </Paper>
  );
}
