import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Problem, post, REAUTHENTICATE_PATH, setReauthenticationHandler } from '../lib/api';
import { ProblemAlert } from './ProblemAlert';

/**
 * Mounted once in the shell: when a sensitive action answers "confirm it's you" (10 minutes after
 * the last log-in), asks for the password here, and api.ts sends the action again once it is given.
 */
export function ReauthenticationPrompt() {
  const [opened, setOpened] = useState(false);
  const [password, setPassword] = useState('');
  const settle = useRef<((confirmed: boolean) => void) | null>(null);
  const confirm = useMutation({
    mutationFn: () => post(REAUTHENTICATE_PATH, { password }),
    onSuccess: () => finish(true),
  });

  const finish = (confirmed: boolean) => {
    setOpened(false);
    setPassword('');
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
    confirm.mutate();
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
            This is a sensitive action. Enter your password again to continue; it then goes ahead on its own.
          </Text>
          <PasswordInput
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
