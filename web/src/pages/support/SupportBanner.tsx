import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime, useMe, usePermissions } from '../../lib/hooks';

/**
 * On every signed-in page: to the support agent, who they are and until when; to the account's
 * members, that support is signed in and until when (with the way to stop it, for who may).
 */
export function SupportBanner() {
  const me = useMe().data!;
  const { can } = usePermissions(null);
  if (me.support) {
    return (
      <Alert color="orange" mb="md" data-testid="support-self-banner">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          You are signed in as support ({me.support.agent}) until {formatDateTime(me.support.expiresAt)}. You
          see only what the account granted; what you change is in its activity log.
        </Text>
      </Alert>
    );
  }
  if (!me.supportSignedInUntil) return null;
  return (
    <Alert color="orange" mb="md" data-testid="support-banner">
      <Text size="sm">
        Support is signed in until {formatDateTime(me.supportSignedInUntil)}.{' '}
        {can('support_access.manage') && (
          <Anchor component={Link} to="/account/support-access" size="sm" c="dark.9" fw={600} td="underline">
            See or revoke support access
          </Anchor>
        )}
      </Text>
    </Alert>
  );
}
