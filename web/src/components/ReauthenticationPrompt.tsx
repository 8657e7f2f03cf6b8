import { Anchor, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Problem, sdk, setReauthenticationHandler, unwrap } from '../lib/api';
import { useMe } from '../lib/hooks';
import { passkeyAnswer, passkeysSupported } from './PasskeySignIn';
import { ProblemAlert } from './ProblemAlert';

/** A code of the authenticator app is six digits; anything else typed is a recovery code. */
const codeBody = (code: string) =>
  /^\d{6}$/.test(code.trim()) ? { totp: code.trim() } : { recoveryCode: code };

/**
 * Mounted once in the shell: when a sensitive action answers "confirm it's you" (10 minutes after
 * the last log-in), asks here for the password, or a two-factor code, or a passkey, and api.ts
 * sends the action again once it is given.
 */
export function ReauthenticationPrompt() {
  const twoFactor = useMe().data?.twoFactor.enabled ?? false;
  const [opened, setOpened] = useState(false);
  const [password, setPassword] = useState('');
  const [withCode, setWithCode] = useState(false);
  const settle = useRef<((confirmed: boolean) => void) | null>(null);
  const confirm = useMutation({
    mutationFn: async (how: 'typed' | 'passkey') =>
      unwrap(
        sdk.POST('/api/me/reauthenticate', {
          body:
            how === 'passkey'
              ? { passkey: await passkeyAnswer() }
              : withCode
                ? codeBody(password)
                : { password },
        }),
      ),
    onSuccess: () => finish(true),
  });

  const finish = (confirmed: boolean) => {
    setOpened(false);
    setPassword('');
    setWithCode(false);
    confirm.reset();
    settle.current?.(confirmed);
    settle.current = null;
  };

  useEffect(() => {
    setReauthenticationHandler(
      () =>
        new Promise<boolean>((resolve) => {
          settle.current = resolve;
          setOpened(true);
        }),
    );
    return () => setReauthenticationHandler(null);
  }, []);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    confirm.mutate('typed');
  };
  return (
    // Above any dialog on screen: the action waiting for it often comes from one.
    <Modal
      opened={opened}
      onClose={() => finish(false)}
      title="Confirm it’s you"
      zIndex={1000}
      closeButtonProps={{ 'aria-label': 'Cancel' }}
      data-testid="reauth-prompt"
    >
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">
            This is a sensitive action.{' '}
            {withCode
              ? 'Enter a code of your authenticator app, or a recovery code'
              : 'Enter your password again'}{' '}
            to continue; it then goes ahead on its own.
          </Text>
          {withCode ? (
            <TextInput
              key="code"
              label="Two-factor code"
              autoComplete="one-time-code"
              required
              data-autofocus
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
          ) : (
            <PasswordInput
              key="password"
              label="Your password"
              autoComplete="current-password"
              required
              data-autofocus
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={
                confirm.error instanceof Problem && confirm.error.code === 'current_password_wrong'
                  ? 'That is not your password.'
                  : undefined
              }
            />
          )}
          {(twoFactor || passkeysSupported()) && (
            <Group gap="md">
              {twoFactor && (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  c="indigo.8"
                  onClick={() => {
                    confirm.reset();
                    setPassword('');
                    setWithCode(!withCode);
                  }}
                >
                  {withCode ? 'Use your password instead' : 'Use a two-factor code instead'}
                </Anchor>
              )}
              {passkeysSupported() && (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  c="indigo.8"
                  onClick={() => confirm.mutate('passkey')}
                >
                  Use a passkey
                </Anchor>
              )}
            </Group>
          )}
          <ProblemAlert error={confirm.error} fields={['/password']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => finish(false)}>
              Cancel
            </Button>
            <Button type="submit" color="indigo.7" loading={confirm.isPending}>
              Confirm
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
