import { Anchor, Button, Group, Modal, Paper, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert';
import { del, get, patch } from '../lib/api';
import { useMe } from '../lib/hooks';
import type { TeamMember } from '../lib/types';

/**
 * The account's "Require two-factor for everyone", for Account Admins, on the Team page (the
 * console has no account settings screen). Turning it on needs two-factor of one's own.
 */
export function RequireTwoFactorSetting() {
  const me = useMe().data!;
  const client = useQueryClient();
  const account = useQuery({
    queryKey: ['account'],
    queryFn: () => get<{ requireTwoFactor: boolean }>('/api/account'),
  });
  const change = useMutation({
    mutationFn: (requireTwoFactor: boolean) => patch('/api/account', { requireTwoFactor }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['account'] }),
  });
  const on = account.data?.requireTwoFactor ?? false;
  const ownMissing = !me.twoFactor.enabled && !on;
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
            <Anchor component={Link} to="/profile" size="xs">
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

/** Asks before resetting a member's two-factor, saying what it does. */
export function ResetTwoFactorModal({ member, onClose }: { member: TeamMember | null; onClose: () => void }) {
  const client = useQueryClient();
  const reset = useMutation({
    mutationFn: (m: TeamMember) => del(`/api/team-members/${m.id}/two-factor`),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['team'] });
      onClose();
    },
  });
  const close = () => {
    reset.reset();
    onClose();
  };
  return (
    <Modal opened={member !== null} onClose={close} title="Reset two-factor">
      {member && (
        <Stack>
          <Text size="sm">
            {member.firstName} {member.lastName} ({member.email}) is signed out everywhere, and their
            authenticator app and recovery codes stop working. They sign in again with their password alone
            and, if the account requires two-factor, must set it up again.
          </Text>
          <ProblemAlert error={reset.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={reset.isPending} onClick={() => reset.mutate(member)}>
              Reset two-factor
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
