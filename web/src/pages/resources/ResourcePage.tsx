import { Alert, Button, Group, Select, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { confirmAction } from '../../components/Confirm';
import { Guarded } from '../../components/Guarded';
import { SendBroadcastDialog } from '../../components/SendBroadcastDialog';
import { PageTitle, useCurrentWorkspace } from '../../components/Shell';
import { ShowMore } from '../../components/ShowMore';
import { EmptyState, ErrorPanel, errorMessage, LoadingSkeleton } from '../../components/States';
import { notifySuccess, usePageTitle } from '../../lib/feedback';
import { useMe, usePermissions } from '../../lib/hooks';
import { deleteItem, type Item, listItems } from '../../lib/resource-items';
import { has, type ResourceKind, singularOf, useResourceKinds } from '../../lib/resource-kinds';
import { CopyDialog } from './CopyDialog';
import { ItemDialog } from './ItemDialog';
import { ItemList } from './ItemList';
import { PreviewDialog, TestSendDialog } from './MessageDialogs';
import { ObjectTypeNumbers } from './ObjectTypeNumbers';
import { hasRowActions, type RowAction, RowActions } from './RowActions';
import { titleOf } from './titles';
import { UploadDialog } from './UploadDialog';

/**
 * The page of every workspace resource the server serves (GET /api/resource-kinds), at
 * /resources/:path: its list a page at a time, and the actions its kind has (create and edit in a
 * form rendered from its schema, delete, copy, upload, preview, send), each guarded by its
 * permission in the current workspace.
 */

type Dialog = { type: 'create' } | { type: 'upload' } | { type: Exclude<RowAction, 'delete'>; item: Item };

function ResourceList({ kind, workspaceId }: { kind: ResourceKind; workspaceId: string }) {
  const { workspace } = useCurrentWorkspace();
  const me = useMe().data!;
  const client = useQueryClient();
  const { can, why, ready } = usePermissions(workspaceId);
  const [filter, setFilter] = useState<string | null>(null);
  // The last dialog stays while the modal closes, so its content does not vanish mid-transition.
  const [dialog, showDialog] = useState<Dialog | null>(null);
  const [opened, setOpened] = useState(false);
  const open = (next: Dialog) => {
    showDialog(next);
    setOpened(true);
  };
  const close = () => setOpened(false);
  const one = singularOf(kind);
  const plural = kind.label.plural;
  const mayView = can(kind.permissions.view);
  const create = kind.permissions.create;
  const mayCreate = create !== undefined && can(create);
  const base = `/api/workspaces/${workspaceId}/${kind.path}`;

  const list = useInfiniteQuery({
    queryKey: ['resources', workspaceId, kind.path, filter],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      listItems(workspaceId, kind, {
        limit: 50,
        ...(pageParam && { cursor: pageParam }),
        ...(kind.list.filter && filter && { [kind.list.filter.param]: filter }),
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: mayView,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const refresh = () => client.invalidateQueries({ queryKey: ['resources', workspaceId, kind.path] });

  const remove = useMutation({
    mutationFn: (item: Item) => deleteItem(workspaceId, kind, item.id),
    onSuccess: (_, item) => {
      refresh();
      notifySuccess(`Deleted ${one} “${titleOf(kind, item)}”`);
    },
  });
  const onAction = async (action: RowAction, item: Item) => {
    if (action !== 'delete') return open({ type: action, item });
    const name = titleOf(kind, item);
    const confirmed = await confirmAction({
      title: `Delete ${one} “${name}”?`,
      message: `“${name}” is deleted from ${workspace?.name ?? 'this workspace'} for everyone. This cannot be undone.`,
      confirmLabel: `Delete ${one}`,
    });
    if (confirmed) remove.mutate(item);
  };

  const createButton = has(kind, 'create') ? (
    <Guarded allowed={mayCreate} why={why(create ?? '')}>
      <Button onClick={() => open({ type: 'create' })} data-testid="create-button">
        Create {one}
      </Button>
    </Guarded>
  ) : has(kind, 'upload') ? (
    <Guarded allowed={mayCreate} why={why(create ?? '')}>
      <Button onClick={() => open({ type: 'upload' })} data-testid="upload-button">
        Upload {one}
      </Button>
    </Guarded>
  ) : null;

  // A phone gets a card per item: a table would run off the side.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const actions = hasRowActions(kind);
  let content: React.ReactNode;
  if (!ready) content = <LoadingSkeleton />;
  else if (!mayView) content = <Alert color="gray">{why(kind.permissions.view)}</Alert>;
  else if (list.isPending) content = <LoadingSkeleton />;
  else if (list.isError) content = <ErrorPanel error={list.error} onRetry={() => list.refetch()} />;
  else if (items.length === 0)
    content = (
      <EmptyState
        title={filter ? `No ${plural.toLowerCase()} in state “${filter}”` : `No ${plural.toLowerCase()} yet`}
        action={!filter && mayCreate ? createButton : undefined}
      >
        {kind.description}
      </EmptyState>
    );
  else
    content = (
      <ItemList
        kind={kind}
        items={items}
        phone={phone}
        actions={
          actions
            ? (item, name) => (
                <RowActions
                  kind={kind}
                  item={item}
                  name={name}
                  can={can}
                  why={why}
                  hasOtherWorkspace={me.workspaces.length > 1}
                  downloadHref={`${base}/${item.id}/content`}
                  onAction={(action) => onAction(action, item)}
                />
              )
            : null
        }
      />
    );

  return (
    <Stack>
      <PageTitle title={`${plural} — ${workspace?.name ?? ''}`}>{createButton}</PageTitle>
      {kind.list.filter && mayView && (
        <Group>
          <Select
            label={kind.list.filter.label}
            placeholder="All"
            data={kind.list.filter.values.map((v) => ({ value: v, label: v.replace(/_/g, ' ') }))}
            value={filter}
            onChange={setFilter}
            clearable
            w={220}
          />
        </Group>
      )}
      {remove.error && (
        <Alert color="red" title="It could not be deleted" withCloseButton onClose={() => remove.reset()}>
          {errorMessage(remove.error)}
        </Alert>
      )}
      {content}
      {kind.path === 'object-types' && mayView && items.length > 0 && (
        <ObjectTypeNumbers workspaceId={workspaceId} />
      )}
      {list.hasNextPage && (
        <Group>
          <ShowMore list={list}>Load more</ShowMore>
        </Group>
      )}
      <ItemDialog
        kind={kind}
        workspaceId={workspaceId}
        item={dialog?.type === 'edit' ? dialog.item : null}
        opened={opened && (dialog?.type === 'create' || dialog?.type === 'edit')}
        onClose={close}
        onSaved={(saved) => {
          close();
          if (!saved) return;
          refresh();
          notifySuccess(`${dialog?.type === 'edit' ? 'Saved' : 'Created'} ${one} “${titleOf(kind, saved)}”`);
        }}
      />
      {dialog?.type === 'copy' && (
        <CopyDialog
          kind={kind}
          workspaceId={workspaceId}
          item={dialog.item}
          opened={opened}
          onClose={close}
        />
      )}
      <UploadDialog
        kind={kind}
        workspaceId={workspaceId}
        opened={opened && dialog?.type === 'upload'}
        onClose={close}
        onDone={(name) => {
          close();
          refresh();
          notifySuccess(`Uploaded “${name}”`);
        }}
      />
      {dialog?.type === 'preview' && (
        <PreviewDialog
          workspaceId={workspaceId}
          message={{ id: dialog.item.id, name: titleOf(kind, dialog.item) }}
          opened={opened}
          onClose={close}
        />
      )}
      {dialog?.type === 'send-test' && (
        <TestSendDialog
          workspaceId={workspaceId}
          item={dialog.item}
          title={titleOf(kind, dialog.item)}
          opened={opened}
          onClose={close}
        />
      )}
      {dialog?.type === 'send' && (
        <SendBroadcastDialog
          workspaceId={workspaceId}
          broadcast={{ id: dialog.item.id, name: titleOf(kind, dialog.item) }}
          opened={opened}
          onClose={() => {
            close();
            refresh();
          }}
        />
      )}
    </Stack>
  );
}

/** /resources/:path: the page of the served kind at that path, in the current workspace. */
export function ResourcePage() {
  const { path } = useParams();
  const kinds = useResourceKinds();
  const { id } = useCurrentWorkspace();
  const kind = kinds.data?.items.find((k) => k.path === path);
  usePageTitle(kind?.label.plural ?? (kinds.isSuccess ? 'Page not found' : null));
  if (kinds.isPending) return <LoadingSkeleton />;
  if (kinds.isError) return <ErrorPanel error={kinds.error} onRetry={() => kinds.refetch()} />;
  if (!kind)
    return (
      <EmptyState
        title="There is no such page"
        action={
          <Button component={Link} to="/">
            Go to the dashboard
          </Button>
        }
      >
        The address may be mistyped, or the page may have moved.
      </EmptyState>
    );
  if (!id) return <PageTitle title={kind.label.plural} />;
  // Started afresh in another workspace or for another kind.
  return <ResourceList key={`${id}:${kind.path}`} kind={kind} workspaceId={id} />;
}
