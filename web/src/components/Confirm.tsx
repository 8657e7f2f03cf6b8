import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';

/**
 * One confirmation dialog for every destructive or far-reaching action. It says what will happen
 * ("Revoke key ‘prod’ (last used 2 hours ago)? Apps using it stop working at once."), and for the
 * actions the seeds ask it of, the person types a word (the workspace's name) before it goes ahead.
 *
 *   if (await confirmAction({ title: 'Revoke key ‘prod’?', message: '…', confirmLabel: 'Revoke key' })) …
 */
export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  /** The button's words: the action itself ("Revoke key"), never "OK". */
  confirmLabel: string;
  /** Red, for what cannot be undone (the default). */
  danger?: boolean;
  /** The exact text the person must type first, e.g. the name of what is deleted. */
  typed?: string;
}

type Pending = ConfirmOptions & { resolve: (confirmed: boolean) => void };
let show: ((pending: Pending) => void) | null = null;

/** Resolves true once the person confirms, false if they cancel. Needs <ConfirmHost /> mounted. */
export function confirmAction(options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    if (!show) throw new Error('<ConfirmHost /> is not mounted');
    show({ ...options, resolve });
  });
}

/** Mounted once, at the root: the dialog confirmAction opens. */
export function ConfirmHost() {
  const [pending, setPending] = useState<Pending | null>(null);
  const [typed, setTyped] = useState('');
  useEffect(() => {
    show = (p) => {
      setTyped('');
      setPending(p);
    };
    return () => {
      show = null;
    };
  }, []);
  const close = (confirmed: boolean) => {
    pending?.resolve(confirmed);
    setPending(null);
  };
  const ready = !pending?.typed || typed.trim() === pending.typed;
  return (
    <Modal
      opened={pending !== null}
      onClose={() => close(false)}
      title={pending?.title}
      zIndex={400}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
      // Titles and messages name people and addresses, which must wrap on a phone.
      styles={{ title: { overflowWrap: 'anywhere' }, body: { overflowWrap: 'anywhere' } }}
    >
      {pending && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (ready) close(true);
          }}
        >
          <Stack>
            {typeof pending.message === 'string' ? <Text size="sm">{pending.message}</Text> : pending.message}
            {pending.typed && (
              <TextInput
                label={`Type “${pending.typed}” to confirm`}
                value={typed}
                onChange={(e) => setTyped(e.currentTarget.value)}
                autoComplete="off"
                data-autofocus
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => close(false)}>
                Cancel
              </Button>
              <Button type="submit" color={pending.danger === false ? undefined : 'red'} disabled={!ready}>
                {pending.confirmLabel}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
