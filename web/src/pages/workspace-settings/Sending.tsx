import { Radio, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { fullName } from '../../lib/words';
import { useTeam } from '../workspaces/queries';
import type { Settings, SettingsChange } from './types';

type SendMode = Settings['sendMode'];

/** The three send modes, each with what it does (the seeds' "How do you want to send messages?"). */
const modes: { value: SendMode; label: string; description: string }[] = [
  {
    value: 'normal',
    label: 'Send messages normally',
    description: 'Every message goes to the people it is addressed to.',
  },
  {
    value: 'test',
    label: 'Send emails to a test address',
    description:
      'Every email goes to the test recipient below instead of its real recipients; other channels send normally. No delivery, open or click metrics are recorded.',
  },
  {
    value: 'never',
    label: 'Never send messages',
    description: 'No message of any kind leaves this workspace, from any campaign, broadcast or API call.',
  },
];

export function SendingSettings({
  settings,
  allowed,
  onSave,
}: {
  settings: Settings;
  allowed: boolean;
  onSave: (change: SettingsChange) => void;
}) {
  const team = useTeam(allowed);
  const members = (team.data?.items ?? []).filter((m) => m.status === 'active');
  return (
    <Stack gap="sm">
      <Radio.Group
        value={settings.sendMode}
        onChange={(v) => onSave({ sendMode: v as SendMode })}
        label={
          <Title order={2} size="h4" component="span">
            How do you want to send messages?
          </Title>
        }
      >
        <Stack gap="sm" mt="xs">
          {modes.map((m) => (
            <Radio
              key={m.value}
              value={m.value}
              label={m.label}
              description={m.description}
              disabled={!allowed}
            />
          ))}
        </Stack>
      </Radio.Group>
      {settings.sendMode === 'test' && (
        <Select
          maw={420}
          label="Test recipient"
          description="Receives every email of this workspace while it sends to a test address; the same for everyone."
          placeholder={settings.testRecipientMemberId ? undefined : 'Choose a team member'}
          disabled={!allowed}
          data={members.map((m) => ({ value: m.id, label: `${fullName(m)} (${m.email})` }))}
          value={settings.testRecipientMemberId}
          allowDeselect={false}
          onChange={(v) => v && onSave({ testRecipientMemberId: v })}
          data-testid="test-recipient"
        />
      )}
      {settings.sendMode === 'test' && !settings.testRecipientMemberId && (
        <Text size="sm" c="red.8">
          Nobody receives test emails: choose a test recipient, or sends in test mode are refused.
        </Text>
      )}
    </Stack>
  );
}

export function OpenTrackingSetting({
  settings,
  allowed,
  onSave,
}: {
  settings: Settings;
  allowed: boolean;
  onSave: (change: SettingsChange) => void;
}) {
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Open tracking
      </Title>
      <Switch
        label="Track email opens"
        description="Off: no tracking pixel in any email of this workspace, whatever each message says; opens then read zero."
        checked={settings.openTracking}
        disabled={!allowed}
        onChange={(e) => onSave({ openTracking: e.currentTarget.checked })}
      />
    </Stack>
  );
}
