import { ActionIcon, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { type Answer, sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';

type Relationship = Answer<'/api/workspaces/{workspaceId}/relationships', 'get'>['items'][number];

/** "role: admin · seats: 3", or that there are none. */
export function attributesInWords(attributes: Record<string, unknown>): string {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return 'None';
  return entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' · ');
}

type Row = { key: number; name: string; value: string };

/** A relationship's attributes, as name and value pairs; a removed pair is removed on the server. */
export function AttributesDialog({
  workspaceId,
  relationship,
  title,
  onClose,
  onSaved,
}: {
  workspaceId: string;
  relationship: Relationship | null;
  title: string;
  onClose: () => void;
  onSaved: () => unknown;
}) {
  return (
    <Modal
      opened={relationship !== null}
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
    >
      {relationship && (
        <AttributesForm
          key={`${relationship.objectId}/${relationship.cioId}`}
          workspaceId={workspaceId}
          relationship={relationship}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  );
}

function AttributesForm({
  workspaceId,
  relationship,
  onClose,
  onSaved,
}: {
  workspaceId: string;
  relationship: Relationship;
  onClose: () => void;
  onSaved: () => unknown;
}) {
  const [rows, setRows] = useState<Row[]>(() =>
    Object.entries(relationship.attributes).map(([name, v], i) => ({
      key: i,
      name,
      value: typeof v === 'string' ? v : JSON.stringify(v),
    })),
  );
  const [next, setNext] = useState(rows.length);
  const save = useMutation({
    mutationFn: () => {
      const kept = rows.filter((r) => r.name.trim() !== '');
      const attributes: Record<string, unknown> = Object.fromEntries(
        kept.map((r) => [r.name.trim(), r.value]),
      );
      // Attributes no longer listed are removed (null removes one).
      for (const name of Object.keys(relationship.attributes))
        if (!(name in attributes)) attributes[name] = null;
      return unwrap(
        sdk.PATCH('/api/workspaces/{workspaceId}/relationships/{objectId}/{cioId}', {
          params: { path: { workspaceId, objectId: relationship.objectId, cioId: relationship.cioId } },
          body: { attributes },
        }),
      );
    },
    onSuccess: async () => {
      await onSaved();
      notifySuccess('The relationship’s attributes were saved');
      onClose();
    },
  });
  const set = (key: number, change: Partial<Row>) =>
    setRows(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            No attributes yet. Add one, such as the person’s role there.
          </Text>
        )}
        {rows.map((r, i) => (
          <Group key={r.key} align="flex-end" wrap="nowrap" gap="xs">
            <TextInput
              label={`Name of attribute ${i + 1}`}
              value={r.name}
              onChange={(e) => set(r.key, { name: e.currentTarget.value })}
              flex={1}
              miw={0}
            />
            <TextInput
              label={`Value of attribute ${i + 1}`}
              value={r.value}
              onChange={(e) => set(r.key, { value: e.currentTarget.value })}
              flex={1}
              miw={0}
            />
            <ActionIcon
              variant="subtle"
              color="red.9"
              size="lg"
              mb={4}
              aria-label={`Remove attribute ${i + 1}`}
              onClick={() => setRows(rows.filter((x) => x.key !== r.key))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              setRows([...rows, { key: next, name: '', value: '' }]);
              setNext(next + 1);
            }}
          >
            Add attribute
          </Button>
        </Group>
        <ProblemAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save attributes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
