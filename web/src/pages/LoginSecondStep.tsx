import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { AuthCard } from '../components/AuthCard';
import { PasskeySecondFactorButton } from '../components/PasskeySignIn';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { type Body, Problem, sdk, unwrap } from '../lib/api';
import { usePageTitle } from '../lib/feedback';
import { FILLED } from './profile/TotpSetup';

/** The first step's email and password, sent again with the second factor. */
export type Credentials = Pick<Body<'/api/session', 'post'>, 'email' | 'password'>;

/**
 * When the log-in's answer asks for a second factor (the password was right), the kinds the member
 * has ('totp', 'recovery_code', 'passkey'); else null.
 */
export function secondFactorMethods(error: unknown): string[] | null {
  if (!(error instanceof Problem) || error.code !== 'two_factor_required') return null;
  const methods = error.body.methods;
  return Array.isArray(methods) ? methods.filter((m): m is string => typeof m === 'string') : [];
}

/**
 * The log-in's second step: a code of the authenticator app or a recovery code, or one of the
 * member's passkeys, whichever they have. Sent with the email and password of the first step,
 * which the server checks again.
 */
export function LoginSecondStep({
  credentials,
  methods,
  onSignedIn,
  onBack,
}: {
  credentials: Credentials;
  methods: string[];
  onSignedIn: () => void;
  onBack: () => void;
}) {
  usePageTitle('Two-factor authentication');
  const codes = methods.includes('totp');
  const [recovery, setRecovery] = useState(false);
  const login = useMutation({
    mutationFn: (code: string) =>
      unwrap(
        sdk.POST('/api/session', {
          body: { ...credentials, ...(recovery ? { recoveryCode: code } : { totp: code }) },
        }),
      ),
    onSuccess: onSignedIn,
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    login.mutate(String(new FormData(e.currentTarget).get('code') ?? ''));
  };
  const field = recovery ? '/recoveryCode' : '/totp';
  const back = (
    <Anchor component="button" type="button" size="sm" c={FILLED} onClick={onBack}>
      Back
    </Anchor>
  );
  return (
    // Text a shade darker than the shared card's "dimmed" (WCAG AA contrast, as axe-core checks).
    <AuthCard title="Two-factor authentication">
      {methods.includes('passkey') && (
        <Stack gap="xs" mb="md">
          <Text size="sm" c="gray.7">
            Confirm it is you with one of your passkeys{codes ? ', or with a code below' : ''}.
          </Text>
          <PasskeySecondFactorButton {...credentials} />
          {!codes && <Group justify="flex-end">{back}</Group>}
        </Stack>
      )}
      {codes && (
        <>
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
                {back}
              </Group>
            </Stack>
          </form>
        </>
      )}
      <Text size="xs" c="gray.7" mt="md">
        Lost your phone, your passkeys and your recovery codes? An Account Admin can reset your two-factor.
      </Text>
    </AuthCard>
  );
}
