import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { confirmAction } from '../../../components/Confirm';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { sdk, unwrap } from '../../../lib/api';
import { notifySuccess } from '../../../lib/feedback';
import { type SsoSettings, ssoQueryKey, typeLabel } from './model';

/** The state of single sign-on in a sentence, with "Test connection" and "Turn off single sign-on". */
export function SsoStatus({ saved }: { saved: SsoSettings }) {
  const client = useQueryClient();
  const test = useMutation({
    mutationFn: () => unwrap(sdk.POST('/api/account/sso/test')),
    // The identity provider sends the browser back to this page with what it said (TestResult).
    onSuccess: ({ url }) => window.location.assign(url),
  });
  const turnOff = useMutation({
    mutationFn: () => unwrap(sdk.DELETE('/api/account/sso')),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ssoQueryKey });
      notifySuccess('Single sign-on is off: members sign in with their passwords.');
    },
  });
  const verified = saved.domains.filter((d) => d.verified).length;

  const n = saved.domains.length;
  const connection = `The ${saved.type ? typeLabel[saved.type] : ''} connection`;
  const removed =
    n === 0 ? `${connection} is` : `${connection} and its ${n === 1 ? 'domain' : `${n} domains`} are`;

  const askTurnOff = async () => {
    const confirmed = await confirmAction({
      title: 'Turn off single sign-on?',
      message: `Members sign in with a password again; those who never set one use “Forgot your password?” on the log-in page. ${removed} removed: to use single sign-on again, you set it up and verify the domains anew.`,
      confirmLabel: 'Turn off single sign-on',
    });
    if (confirmed) turnOff.mutate();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sso-title" data-testid="sso-status">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id="sso-title">
            Single sign-on
          </Title>
          {saved.type ? (
            <Badge color={saved.enforce ? 'indigo.7' : 'teal.9'} variant="filled" tt="none">
              {saved.enforce ? 'Required' : 'On'}
            </Badge>
          ) : (
            <Badge color="dark.5" variant="filled" tt="none">
              Off
            </Badge>
          )}
        </Group>
        {saved.type ? (
          <Text size="sm" data-testid="sso-summary">
            Set up with {typeLabel[saved.type]}.{' '}
            {saved.enforce
              ? 'Members must sign in through your identity provider.'
              : 'Members may sign in through your identity provider or with a password.'}{' '}
            {verified === 0
              ? 'No domain is verified yet.'
              : `${verified} verified ${verified === 1 ? 'domain' : 'domains'}.`}
          </Text>
        ) : (
          <Text size="sm" data-testid="sso-summary">
            Single sign-on is off: members sign in with a password. Set it up below to let your team sign in
            through your identity provider (Okta, Entra ID, Google Workspace, Keycloak…).
          </Text>
        )}
        {saved.type && (
          <>
            <Text size="sm" c="gray.7">
              Test the connection: you sign in through your identity provider and come back here; nothing else
              changes.
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={() => test.mutate()} loading={test.isPending}>
                Test connection
              </Button>
              <Button variant="outline" color="red.9" onClick={askTurnOff} loading={turnOff.isPending}>
                Turn off single sign-on
              </Button>
            </Group>
            <ProblemAlert error={test.error ?? turnOff.error} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
