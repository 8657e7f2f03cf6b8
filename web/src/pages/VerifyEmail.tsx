import { Alert, Anchor, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { AuthCard } from '../components/AuthCard';
import { Problem, sdk, unwrap } from '../lib/api';
import { usePageTitle } from '../lib/feedback';

/** Plain words for why a link did not work. */
function failure(error: unknown): { title: string; text: string } {
  if (error instanceof Problem && error.status === 404) {
    return { title: 'This link does not work', text: 'Check that you opened the whole link from the email.' };
  }
  if (error instanceof Problem && error.status === 410) {
    const used = /already been used/.test(error.detail);
    const replaced = /replaced/.test(error.detail);
    return {
      title: used
        ? 'This link was already used'
        : replaced
          ? 'A newer link replaced this one'
          : 'This link has expired',
      text: used
        ? 'Your address may already be confirmed: open the console to see.'
        : 'Open the console and ask for a new link; it is valid for 24 hours.',
    };
  }
  if (error instanceof Problem && error.status === 409) {
    return {
      title: 'That address is no longer free',
      text: 'Another Atrium account took this address meanwhile, so your email stays as it was.',
    };
  }
  if (error instanceof Problem && error.status === 429) {
    return { title: 'Too many attempts', text: 'Wait a few minutes, then open the link again.' };
  }
  return { title: 'Something went wrong', text: 'Try opening the link again in a moment.' };
}

/** /verify-email/:token: confirms the address as soon as the page opens. */
export function VerifyEmailPage() {
  usePageTitle('Confirm your email address');
  const { token = '' } = useParams();
  const client = useQueryClient();
  const confirm = useMutation({
    mutationFn: () => unwrap(sdk.POST('/api/email-verifications/{token}', { params: { path: { token } } })),
    // The signed-in member (if this is their browser) now has a confirmed or new address.
    onSuccess: () => client.invalidateQueries({ queryKey: ['me'] }),
  });
  // Once per page, even when React runs effects twice in development: the link is single-use.
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    confirm.mutate();
  }, [confirm]);

  const toConsole = (
    <Anchor component={Link} to="/">
      Go to the console
    </Anchor>
  );
  if (confirm.isSuccess) {
    return (
      <AuthCard title="Your email address is confirmed">
        <Stack>
          <Alert color="green">Thank you: this address is now confirmed for your Atrium account.</Alert>
          {toConsole}
        </Stack>
      </AuthCard>
    );
  }
  if (confirm.isError) {
    const { title, text } = failure(confirm.error);
    return (
      <AuthCard title={title}>
        <Stack>
          <Text size="sm">{text}</Text>
          {toConsole}
        </Stack>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Confirming your email address…">
      <Loader aria-label="Confirming" />
    </AuthCard>
  );
}
