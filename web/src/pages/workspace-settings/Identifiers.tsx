import { Alert, Button, Checkbox, Group, List, Progress, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { confirmAction } from '../../components/Confirm';
import type { Settings, SettingsChange } from './types';

type Identifiers = Settings['identifiers'];

/** What a change of identifiers does, in words (the seeds' "Change configuration" step). */
function consequences(before: Identifiers, after: Identifiers): string[] {
  const lines: string[] = [];
  if (after.email && !before.email)
    lines.push(
      'People who share an email address are merged into one person, keeping their data and activity.',
    );
  if (!after.email && before.email)
    lines.push(
      'People can no longer be added or updated by their email address; it stays an attribute you can target.',
    );
  if (after.id && !before.id) lines.push('People can be added and updated by their id.');
  if (!after.id && before.id)
    lines.push('People can no longer be added or updated by their id; it stays an attribute you can target.');
  lines.push(
    'Atrium then revalidates the workspace: processing of people and event data pauses until it is done. Nothing sent meanwhile is dropped; it is queued and applied afterwards, in order.',
  );
  return lines;
}

/** Identifiers: changed only after a confirmation that says what the change does. */
export function IdentifierSettings({
  settings,
  allowed,
  onSave,
}: {
  settings: Settings;
  allowed: boolean;
  onSave: (change: SettingsChange) => void;
}) {
  const [draft, setDraft] = useState(settings.identifiers);
  useEffect(() => setDraft(settings.identifiers), [settings.identifiers]);
  const changed = draft.email !== settings.identifiers.email || draft.id !== settings.identifiers.id;
  const none = !draft.email && !draft.id;
  const revalidating = settings.processingState === 'revalidating';
  const confirm = async () => {
    const ok = await confirmAction({
      title: 'Change how people are identified?',
      confirmLabel: 'Change configuration',
      danger: false,
      message: (
        <Stack gap="xs">
          <Text size="sm">
            Identify people by {[draft.email && 'email', draft.id && 'id'].filter(Boolean).join(' and ')} (and
            always by cio_id). This change:
          </Text>
          <List size="sm" spacing={4}>
            {consequences(settings.identifiers, draft).map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Stack>
      ),
    });
    if (ok) onSave({ identifiers: draft });
  };
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Identifiers
      </Title>
      <Text size="sm" c="dimmed">
        How you add and update people. You can always identify people by their cio_id, which never changes.
      </Text>
      <Group>
        <Checkbox
          label="Email"
          checked={draft.email}
          disabled={!allowed || revalidating}
          onChange={(e) => setDraft({ ...draft, email: e.currentTarget.checked })}
        />
        <Checkbox
          label="ID"
          checked={draft.id}
          disabled={!allowed || revalidating}
          onChange={(e) => setDraft({ ...draft, id: e.currentTarget.checked })}
        />
      </Group>
      {none && (
        <Text size="sm" c="red.8">
          Keep at least one of email and ID.
        </Text>
      )}
      {changed && (
        <Group gap="xs">
          <Button size="xs" onClick={confirm} disabled={none}>
            Change configuration…
          </Button>
          <Button size="xs" variant="default" onClick={() => setDraft(settings.identifiers)}>
            Cancel
          </Button>
        </Group>
      )}
      {revalidating && (
        <Alert color="indigo" variant="light" data-testid="revalidating" title="Revalidating people">
          <Stack gap={6}>
            <Text size="sm">
              Processing of people and event data is paused while Atrium applies the new identifiers. Nothing
              is dropped: what arrives meanwhile is applied afterwards, in order.
            </Text>
            <Progress value={100} animated aria-label="Revalidating people" />
          </Stack>
        </Alert>
      )}
      <Switch
        mt="xs"
        label="Allow updates to email using ID"
        description="On: any request that names a person’s id may change their email. Off: only a request that names their cio_id may."
        checked={settings.allowEmailUpdateById}
        disabled={!allowed}
        onChange={(e) => onSave({ allowEmailUpdateById: e.currentTarget.checked })}
      />
    </Stack>
  );
}
