import { Button, Divider, Stack, Text } from '@mantine/core';
import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
} from '@simplewebauthn/browser';
import { useMutation } from '@tanstack/react-query';
import { type Body, sdk, unwrap } from '../lib/api';

type PasskeyAnswer = Body<'/api/session/passkey', 'post'>['response'];

import { useAfterSignIn } from '../lib/next';
import { ProblemAlert } from './ProblemAlert';

/** A plain sentence for what the browser's passkey prompt threw (cancelled, timed out, refused). */
export function passkeyErrorMessage(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError')
    return 'The passkey prompt was closed or timed out. Try again when you are ready.';
  if (name === 'InvalidStateError') return 'This device already holds one of your passkeys.';
  if (name === 'SecurityError') return 'Passkeys do not work on this address of the site.';
  return error instanceof Error ? error.message : String(error);
}

/** Errors of the browser's prompt become plain Errors with that sentence; the service's stay Problems. */
async function prompt<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && error.name !== 'Error') throw new Error(passkeyErrorMessage(error));
    throw error;
  }
}

/**
 * Asks the browser for a passkey's answer to a fresh sign-in challenge: what POST /api/session
 * takes as `passkey` (a second factor after the password) and POST /api/session/passkey alone.
 */
export async function passkeyAnswer(): Promise<PasskeyAnswer> {
  // The document types the options loosely (WebAuthn's own JSON); the browser library names them.
  const optionsJSON = (await unwrap(
    sdk.POST('/api/session/passkey-options'),
  )) as unknown as PublicKeyCredentialRequestOptionsJSON;
  const answer = await prompt(() => startAuthentication({ optionsJSON }));
  // The library's interfaces, as the plain objects the API's schema describes.
  return {
    ...answer,
    response: { ...answer.response },
    clientExtensionResults: { ...answer.clientExtensionResults },
  };
}

/** Whether this browser can use passkeys at all. */
export const passkeysSupported = (): boolean => browserSupportsWebAuthn();

/**
 * The log-in step answered with a passkey instead of a code: calls POST /api/session with the
 * email, the password and the passkey's answer, then opens the console. For the second step of
 * the log-in form (two-factor).
 */
export function usePasskeySecondFactor(credentials: { email: string; password: string }) {
  const signedIn = useAfterSignIn();
  return useMutation({
    mutationFn: async () =>
      unwrap(sdk.POST('/api/session', { body: { ...credentials, passkey: await passkeyAnswer() } })),
    onSuccess: signedIn,
  });
}

/** A button for the second step: "Use a passkey", with its own error. */
export function PasskeySecondFactorButton(props: { email: string; password: string }) {
  const answer = usePasskeySecondFactor(props);
  if (!passkeysSupported()) return null;
  return (
    <Stack gap="xs">
      <Button variant="default" loading={answer.isPending} onClick={() => answer.mutate()}>
        Use a passkey
      </Button>
      <ProblemAlert error={answer.error} />
    </Stack>
  );
}

/** "Sign in with a passkey" on the log-in page: no email, no password. */
export function PasskeySignIn() {
  const signedIn = useAfterSignIn();
  const signIn = useMutation({
    mutationFn: async () =>
      unwrap(sdk.POST('/api/session/passkey', { body: { response: await passkeyAnswer() } })),
    onSuccess: signedIn,
  });
  return (
    <Stack gap="xs" mt="md" data-testid="passkey-sign-in">
      <Divider
        labelPosition="center"
        label={
          <Text size="xs" c="gray.7">
            or
          </Text>
        }
      />
      {passkeysSupported() ? (
        <>
          <Button variant="default" loading={signIn.isPending} onClick={() => signIn.mutate()}>
            Sign in with a passkey
          </Button>
          <ProblemAlert error={signIn.error} />
        </>
      ) : (
        <Text size="sm" c="gray.7">
          This browser does not support passkeys: log in with your password.
        </Text>
      )}
    </Stack>
  );
}
