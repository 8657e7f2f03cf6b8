import { Anchor, Paper, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';
import { useMe } from '../../lib/hooks';

/**
 * The account's "Require two-factor for everyone", for Account Admins, on the Team page (the
 * console has no account settings screen for it). Turning it on needs two-factor of one's own.
 */
export function RequireTwoFactorSetting() {
  const me = useMe().data;
  const client = useQueryClient();
  const account = useQuery({ queryKey: ['account'], queryFn: () => unwrap(sdk.GET('/api/account')) });
  const change = useMutation({
    mutationFn: (requireTwoFactor: boolean) =>
      unwrap(sdk.PATCH('/api/account', { body: { requireTwoFactor } })),
    onSuccess: async (_, on) => {
      notifySuccess(on ? 'Everyone now needs two-factor to sign in.' : 'Two-factor is no longer required.');
      await client.invalidateQueries({ queryKey: ['account'] });
    },
  });
  const on = account.data?.requireTwoFactor ?? false;
  const ownMissing = !me?.twoFactor.enabled && !on;
  return (
    <Paper withBorder p="md" mb="md" data-testid="require-two-factor">
      <Stack gap="xs">
        <Switch
          label="Require two-factor for everyone"
          description="Members without two-factor can then open only their profile, until they set it up."
          checked={on}
          disabled={account.isPending || change.isPending || ownMissing}
          onChange={(e) => change.mutate(e.currentTarget.checked)}
        />
        {ownMissing && (
          <Text size="xs" c="dimmed">
            Set up two-factor for yourself first, in{' '}
            <Anchor component={Link} to="/profile" size="xs" underline="always">
              your profile
            </Anchor>
            .
          </Text>
        )}
        <ProblemAlert error={account.error ?? change.error} />
      </Stack>
    </Paper>
  );
}
