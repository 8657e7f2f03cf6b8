import { Button, Group } from '@mantine/core';
import { Link } from 'react-router';
import { Guarded } from '../../components/Guarded';
import type { Item } from '../../lib/resource-items';
import { has, type ResourceKind, rowPageOf } from '../../lib/resource-kinds';
import { emailMessages } from './MessageDialogs';

export type RowAction = 'preview' | 'send' | 'send-test' | 'edit' | 'copy' | 'delete';

/** Whether the kind's rows have any action at all (else no actions column). */
export const hasRowActions = (kind: ResourceKind) =>
  rowPageOf(kind) !== undefined ||
  ['edit', 'delete', 'copy', 'download', 'preview', 'send', 'test-send'].some((r) =>
    kind.routes.includes(r as ResourceKind['routes'][number]),
  );

/** The actions of one row, each disabled with the reason in words when the member may not. */
export function RowActions({
  kind,
  item,
  name,
  can,
  why,
  hasOtherWorkspace,
  downloadHref,
  onAction,
}: {
  kind: ResourceKind;
  item: Item;
  name: string;
  can: (key: string) => boolean;
  why: (key: string) => string;
  hasOtherWorkspace: boolean;
  downloadHref: string;
  onAction: (action: RowAction) => void;
}) {
  /** An action the member may lack: disabled, with why (the permission's reason, or `unless`). */
  const guarded = (
    permission: string | undefined,
    label: string,
    action: RowAction,
    unless: string | null = null,
  ) => {
    if (!permission) return null;
    const allowed = can(permission);
    return (
      <Guarded allowed={allowed && !unless} why={allowed ? (unless ?? '') : why(permission)}>
        <Button
          size="xs"
          variant="subtle"
          color={action === 'delete' ? 'red' : undefined}
          onClick={() => onAction(action)}
        >
          {label}
        </Button>
      </Guarded>
    );
  };
  const page = rowPageOf(kind);
  return (
    <Group gap={4} wrap="wrap" justify="flex-end">
      {page?.permissions.every(can) && (
        <Button
          size="xs"
          variant="subtle"
          component={Link}
          to={page.to(item.id)}
          aria-label={`${page.label}: ${name}`}
          data-testid="row-page-link"
        >
          {page.label}
        </Button>
      )}
      {has(kind, 'preview') && (
        <Button size="xs" variant="subtle" onClick={() => onAction('preview')}>
          Preview
        </Button>
      )}
      {has(kind, 'send') &&
        guarded(
          kind.permissions.send,
          'Send',
          'send',
          // The API refuses a second send of a newsletter (an API-triggered one sends each time).
          item.type === 'newsletter' && item.state === 'sent' ? 'A newsletter is sent once' : null,
        )}
      {has(kind, 'test-send') &&
        guarded(
          kind.permissions.send,
          'Send test',
          'send-test',
          emailMessages(item).length === 0 ? 'It has no email message to test.' : null,
        )}
      {has(kind, 'download') && (
        <Button size="xs" variant="subtle" component="a" href={downloadHref} download={name}>
          Download
        </Button>
      )}
      {has(kind, 'edit') && guarded(kind.permissions.edit, 'Edit', 'edit')}
      {has(kind, 'copy') && (
        <Guarded allowed={hasOtherWorkspace} why="There is no other workspace of yours to copy it to.">
          <Button size="xs" variant="subtle" onClick={() => onAction('copy')}>
            Copy
          </Button>
        </Guarded>
      )}
      {has(kind, 'delete') && guarded(kind.permissions.delete, 'Delete', 'delete')}
    </Group>
  );
}
