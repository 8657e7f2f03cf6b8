import { Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { sdk, unwrap } from '../../lib/api';
import { usePageTitle } from '../../lib/feedback';
import { useMe, useSessionChanged } from '../../lib/hooks';
import { TotpSetup } from './TotpSetup';

/**
 * What a member sees, and all they see, while their account requires two-factor and they have
 * none: why, the set-up, and Log out. The server refuses everything else meanwhile.
 */
export function TwoFactorEnrolmentScreen() {
  usePageTitle('Set up two-factor authentication');
  const me = useMe().data!;
  const client = useQueryClient();
  const sessionChanged = useSessionChanged();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => unwrap(sdk.DELETE('/api/session')),
    onSettled: async () => {
      await sessionChanged();
      navigate('/login');
    },
  });
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper
        maw={560}
        w="100%"
        p="xl"
        radius="md"
        withBorder
        shadow="sm"
        component="main"
        // A long address breaks rather than widen the page on a phone.
        style={{ overflowWrap: 'anywhere' }}
      >
        <Stack>
          <div>
            <Text fw={700} c="indigo.7" size="sm" tt="uppercase" style={{ letterSpacing: 1 }}>
              Atrium
            </Text>
            <Title order={1} size="h2">
              Set up two-factor authentication
            </Title>
          </div>
          <Text size="sm">
            {me.account.name} requires two-factor authentication of everyone. Until you set it up, you cannot
            open anything else. Besides your password, signing in will ask for a code of an authenticator app
            on your phone.
          </Text>
          <Text size="sm" c="gray.7">
            Signed in as {me.member.email}.
          </Text>
          <TotpSetup onDone={() => client.invalidateQueries()} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => logout.mutate()} loading={logout.isPending}>
              Log out
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
