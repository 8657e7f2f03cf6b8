import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { AuthCard } from '../../components/AuthCard';
import { Problem, sdk, unwrap } from '../../lib/api';
import { usePageTitle } from '../../lib/feedback';

/** Plain words for why a support link did not work. */
function failure(error: unknown): string {
  if (error instanceof Problem && error.status === 404)
    return 'This link does not work: check that you copied all of it.';
  if (error instanceof Problem && error.status === 410) return `${error.detail} Ask for a new link.`;
  if (error instanceof Problem && error.status === 429)
    return 'Too many attempts: wait a few minutes, then try again.';
  return 'Something went wrong. Try again in a moment.';
}

/**
 * /support/sign-in#<token>: the operator's one-time link. The token is in the fragment, which the
 * browser never sends, so no request log holds it; the session starts on the click.
 */
export function SupportSignInPage() {
  usePageTitle('Support sign-in');
  const token = useLocation().hash.slice(1);
  const signIn = useMutation({
    mutationFn: () => unwrap(sdk.POST('/api/support/sign-in', { body: { token } })),
    // A fresh page load: nothing cached from another session survives.
    onSuccess: () => window.location.assign('/'),
  });
  return (
    <AuthCard title="Support sign-in" subtitle="Open the account that granted support access.">
      <Stack>
        {!token ? (
          <Alert color="red" title="This link is incomplete">
            Open the whole link you were given.
          </Alert>
        ) : (
          <>
            <Text size="sm">
              The link works once and for 10 minutes. You will hold exactly the access the account granted,
              until the grant ends or is revoked; the account’s admins are told by email.
            </Text>
            {signIn.isError && (
              <Alert color="red" title="You were not signed in" role="alert">
                {failure(signIn.error)}
              </Alert>
            )}
            <Button onClick={() => signIn.mutate()} loading={signIn.isPending}>
              Sign in as support
            </Button>
          </>
        )}
      </Stack>
    </AuthCard>
  );
}
