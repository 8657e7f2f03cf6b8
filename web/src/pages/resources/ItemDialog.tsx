import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { SchemaForm } from '../../components/schema-form/SchemaForm';
import { cleaned, type Fields, initialValue, type JsonSchema } from '../../components/schema-form/schema';
import { createItem, editItem, type Item } from '../../lib/resource-items';
import { type ResourceKind, singularOf } from '../../lib/resource-kinds';
import { titleOf } from './titles';

/** The body an edit starts from: the item's values of the fields an edit may change. */
function editable(kind: ResourceKind, item: Item): Fields {
  return Object.fromEntries(kind.editableFields.filter((f) => f in item).map((f) => [f, item[f]]));
}

/** The fields of `next` that differ from `before` (an edit replaces only what it names). */
function changed(before: Fields, next: Fields): Fields {
  return Object.fromEntries(
    Object.entries(next).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])),
  );
}

/** Create a new item of the kind, or edit one, in the form rendered from the kind's schema. */
export function ItemDialog({
  kind,
  workspaceId,
  item,
  opened,
  onClose,
  onSaved,
}: {
  kind: ResourceKind;
  workspaceId: string;
  /** The item to edit; none to create one. */
  item: Item | null;
  opened: boolean;
  onClose: () => void;
  onSaved: (saved: Item | null) => void;
}) {
  const one = singularOf(kind);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onClose}
      title={item ? `Edit ${one} “${titleOf(kind, item)}”` : `Create ${one}`}
      size="xl"
    >
      {opened && kind.schema !== null && (
        <ItemForm
          key={item?.id ?? 'new'}
          kind={kind}
          workspaceId={workspaceId}
          item={item}
          onSaved={onSaved}
        />
      )}
    </Modal>
  );
}

function ItemForm({
  kind,
  workspaceId,
  item,
  onSaved,
}: {
  kind: ResourceKind;
  workspaceId: string;
  item: Item | null;
  onSaved: (saved: Item | null) => void;
}) {
  const schema = kind.schema as JsonSchema;
  const [initial] = useState<Fields>(() => (item ? editable(kind, item) : (initialValue(schema) as Fields)));
  const [value, setValue] = useState<Fields>(initial);
  const save = useMutation({
    mutationFn: (body: Fields) =>
      item ? editItem(workspaceId, kind, item.id, body) : createItem(workspaceId, kind, body),
    onSuccess: onSaved,
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const body = cleaned(schema, value) as Fields;
        if (!item) return save.mutate(body);
        const changes = changed(initial, body);
        // Nothing changed: nothing to save.
        if (Object.keys(changes).length === 0) return onSaved(null);
        save.mutate(changes);
      }}
    >
      <Stack>
        <SchemaForm
          schema={schema}
          value={value}
          onChange={setValue}
          error={save.error}
          workspaceId={workspaceId}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {item ? 'Save' : 'Create'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
