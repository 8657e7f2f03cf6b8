import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { AuthCard } from '../components/AuthCard';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { Problem, post } from '../lib/api';
import { FILLED } from './profile/TotpSetup';

export interface Credentials {
  email: string;
  password: string;
}

/** The log-in's answer that asks for a second factor (the password was right). */
export const needsSecondFactor = (error: unknown): boolean =>
  error instanceof Problem && error.code === 'two_factor_required';

/**
 * The log-in's second step: a code of the authenticator app, or a recovery code instead. Sent
 * with the email and password of the first step, which the server checks again.
 */
export function LoginSecondStep({
  credentials,
  onSignedIn,
  onBack,
}: {
  credentials: Credentials;
  onSignedIn: () => void;
  onBack: () => void;
}) {
  const [recovery, setRecovery] = useState(false);
  const login = useMutation({
    mutationFn: (code: string) =>
      post('/api/session', { ...credentials, ...(recovery ? { recoveryCode: code } : { totp: code }) }),
    onSuccess: onSignedIn,
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    login.mutate(String(new FormData(e.currentTarget).get('code') ?? ''));
  };
  const field = recovery ? '/recoveryCode' : '/totp';
  return (
    // Text a shade darker than the shared card's "dimmed" (WCAG AA contrast, as axe-core checks).
    <AuthCard title="Two-factor authentication">
      <Text size="sm" c="gray.7">
        {recovery
          ? 'Enter one of your recovery codes. Each works once.'
          : 'Enter the 6-digit code your authenticator app shows.'}
      </Text>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            key={field}
            name="code"
            label={recovery ? 'Recovery code' : 'Authentication code'}
            inputMode={recovery ? 'text' : 'numeric'}
            autoComplete="one-time-code"
            required
            data-autofocus
            error={fieldError(login.error, field)}
          />
          <ProblemAlert error={login.error} fields={[field]} />
          <Button type="submit" color={FILLED} loading={login.isPending}>
            Verify
          </Button>
          <Group justify="space-between">
            <Anchor
              component="button"
              type="button"
              size="sm"
              c={FILLED}
              onClick={() => {
                login.reset();
                setRecovery(!recovery);
              }}
            >
              {recovery ? 'Use your authenticator app instead' : 'Use a recovery code instead'}
            </Anchor>
            <Anchor component="button" type="button" size="sm" c={FILLED} onClick={onBack}>
              Back
            </Anchor>
          </Group>
          <Text size="xs" c="gray.7">
            Lost your phone and your recovery codes? An Account Admin can reset your two-factor.
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
