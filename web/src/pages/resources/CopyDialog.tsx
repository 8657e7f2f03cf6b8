import { Alert, Button, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';
import { useMe } from '../../lib/hooks';
import { copyItem, type Item } from '../../lib/resource-items';
import { type ResourceKind, singularOf, useResourceKinds } from '../../lib/resource-kinds';
import { titleOf } from './titles';

type Copied = Awaited<ReturnType<typeof copyItem>>;
type Missing = Copied['missingReferences'][number];

/** "message 1’s body", "the trigger": where in the copy a reference was, in words. */
function whereInWords(path: string): string {
  const parts = path.split('/').filter(Boolean);
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (next !== undefined && /^\d+$/.test(next)) {
      words.push(`${part.replace(/s$/, '')} ${Number(next) + 1}`);
      i++;
    } else
      words.push(
        part
          .replace(/Id$|Ids$/, '')
          .replace(/([a-z])([A-Z])/g, '$1 $2')
          .toLowerCase(),
      );
  }
  return words.length === 0
    ? 'it'
    : words.length === 1
      ? `its ${words[0]}`
      : `${words.slice(0, -1).join(', ')}’s ${words.at(-1)}`;
}

/** Copy an item to another of the member's workspaces; those where they may not create it are disabled. */
export function CopyDialog({
  kind,
  workspaceId,
  item,
  opened,
  onClose,
}: {
  kind: ResourceKind;
  workspaceId: string;
  item: Item;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onClose}
      title={`Copy ${singularOf(kind)} “${titleOf(kind, item)}”`}
      size="lg"
    >
      {opened && (
        <CopyForm key={item.id} kind={kind} workspaceId={workspaceId} item={item} onClose={onClose} />
      )}
    </Modal>
  );
}

function CopyForm({
  kind,
  workspaceId,
  item,
  onClose,
}: {
  kind: ResourceKind;
  workspaceId: string;
  item: Item;
  onClose: () => void;
}) {
  const me = useMe().data!;
  const kinds = useResourceKinds().data?.items ?? [];
  const targets = me.workspaces.filter((w) => w.id !== workspaceId);
  const create = kind.permissions.create ?? '';
  // The same queries (and cache) as usePermissions, one per other workspace.
  const permissions = useQueries({
    queries: targets.map((w) => ({
      queryKey: ['permissions', me.member.id, w.id],
      queryFn: () =>
        unwrap(
          sdk.GET('/api/team-members/{memberId}/permissions', {
            params: { path: { memberId: me.member.id }, query: { workspaceId: w.id } },
          }),
        ),
      staleTime: 30_000,
    })),
  });
  const [target, setTarget] = useState<string | null>(null);
  const targetName = targets.find((w) => w.id === target)?.name ?? 'the workspace';
  const copy = useMutation({
    mutationFn: (targetWorkspaceId: string) => copyItem(workspaceId, kind, item.id, targetWorkspaceId),
    onSuccess: (result) => {
      notifySuccess(`Copied “${titleOf(kind, result.item)}” to ${targetName}`);
      if (result.missingReferences.length === 0) onClose();
    },
  });
  const data = targets.map((w, i) => {
    const allowed = permissions[i]?.data?.permissions.find((p) => p.key === create)?.allowed;
    return {
      value: w.id,
      label:
        allowed === false ? `${w.name} (you can’t create ${kind.label.plural.toLowerCase()} there)` : w.name,
      disabled: allowed === false,
    };
  });
  const missingText = (r: Missing) => {
    const other = kinds.find((k) => k.path === r.kind);
    const what = `The ${other ? singularOf(other) : 'item'} “${r.name ?? 'without a name'}”`;
    return r.by === 'id'
      ? `${what} is not in ${targetName}: ${whereInWords(r.path)} was left empty in the copy.`
      : `${what} is not in ${targetName}: ${whereInWords(r.path)} still names it; create it there for it to work.`;
  };

  if (copy.data)
    return (
      <Stack>
        <Alert
          color="yellow"
          title={`Copied, but ${copy.data.missingReferences.length === 1 ? 'one thing it uses is' : `${copy.data.missingReferences.length} things it uses are`} not in ${targetName}`}
          data-testid="missing-references"
        >
          <List size="sm" spacing={4}>
            {copy.data.missingReferences.map((r) => (
              <List.Item key={`${r.path}:${r.value}`}>{missingText(r)}</List.Item>
            ))}
          </List>
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (target) copy.mutate(target);
      }}
    >
      <Stack>
        <Text size="sm">
          A copy of <b>{titleOf(kind, item)}</b> is created in the workspace you choose. The layouts,
          segments, webhooks and snippets it uses are matched there by name; any that are missing are listed
          once it is copied.
        </Text>
        <Select
          label="Target workspace"
          placeholder="Choose a workspace"
          data={data}
          value={target}
          onChange={setTarget}
          allowDeselect={false}
        />
        <ProblemAlert error={copy.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={!target} loading={copy.isPending}>
            Copy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
