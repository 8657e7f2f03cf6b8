import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { count } from '../../lib/words';
import { useTransfers } from './queries';

/** On the Workspaces page: workspaces offered to this account, or moving here, and where to answer. */
export function IncomingTransfersNotice() {
  const list = useTransfers();
  const incoming = (list.data?.items ?? []).filter(
    (t) => t.direction === 'incoming' && (t.status === 'pending' || t.status === 'moving'),
  );
  if (incoming.length === 0) return null;
  const pending = incoming.filter((t) => t.status === 'pending').length;
  return (
    <Alert
      color="indigo"
      variant="light"
      title="Workspaces offered to your account"
      data-testid="incoming-transfers"
    >
      <Text size="sm">
        {pending > 0
          ? `${count(pending, 'workspace is', 'workspaces are')} waiting for your answer. `
          : 'A workspace is moving to your account. '}
        <Anchor component={Link} to="/transfers">
          See workspace transfers
        </Anchor>
      </Text>
    </Alert>
  );
}
