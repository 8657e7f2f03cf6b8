import { Anchor, Badge } from '@mantine/core';
import { Link } from 'react-router';
import { useTransfers } from './queries';

/**
 * On a workspace's row: that it is offered to another account, or moving, with a link to the
 * transfers page. Nothing otherwise (and nothing for someone who cannot see transfers).
 */
export function OutgoingTransferBadge({ workspaceId, enabled }: { workspaceId: string; enabled: boolean }) {
  const list = useTransfers(enabled);
  const open = list.data?.items.find(
    (t) =>
      t.workspace.id === workspaceId &&
      t.direction === 'outgoing' &&
      (t.status === 'pending' || t.status === 'moving'),
  );
  if (!open) return null;
  return (
    <Anchor component={Link} to="/transfers" size="xs">
      <Badge
        variant="light"
        color={open.status === 'moving' ? 'indigo' : 'yellow'}
        style={{ cursor: 'pointer' }}
      >
        {open.status === 'moving' ? 'Moving to another account' : 'Offered to another account'}
      </Badge>
    </Anchor>
  );
}
