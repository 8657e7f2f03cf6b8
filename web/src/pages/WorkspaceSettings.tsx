import {
  Alert,
  Badge,
  Card,
  Checkbox,
  Group,
  Loader,
  Radio,
  Select,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ProblemAlert } from '../components/ProblemAlert';
import { PageTitle, useCurrentWorkspace } from '../components/Shell';
import { get, patch } from '../lib/api';
import { usePermissions } from '../lib/hooks';
import type { Settings, TeamMember } from '../lib/types';

type Change = Partial<Omit<Settings, 'testRecipientEmail' | 'processingState'>>;

/** General workspace settings: saved as you edit, with a visible "Saved". */
export function WorkspaceSettingsPage() {
  const { id, workspace } = useCurrentWorkspace();
  const client = useQueryClient();
  const { can, why, ready } = usePermissions(id);
  const allowed = can('workspace.settings.edit');
  const settings = useQuery({
    queryKey: ['settings', id],
    queryFn: () => get<Settings>(`/api/workspaces/${id}/settings`),
    enabled: Boolean(id) && can('workspace.settings.view'),
    // While identifiers are revalidated, look again until processing resumes.
    refetchInterval: (q) => (q.state.data?.processingState === 'revalidating' ? 1000 : false),
  });
  const team = useQuery({
    queryKey: ['team'],
    queryFn: () => get<{ items: TeamMember[] }>('/api/team-members'),
    enabled: allowed,
  });
  const [saved, setSaved] = useState<'idle' | 'saving' | 'saved'>('idle');
  const save = useMutation({
    mutationFn: (change: Change) => patch<Settings>(`/api/workspaces/${id}/settings`, change),
    // Shown at once; the server's answer (or a refusal) settles it.
    onMutate: (change) => {
      setSaved('saving');
      const before = client.getQueryData<Settings>(['settings', id]);
      if (before) client.setQueryData(['settings', id], { ...before, ...change });
      return { before };
    },
    onSuccess: (data) => {
      client.setQueryData(['settings', id], data);
      client.invalidateQueries({ queryKey: ['workspace', id] });
      client.invalidateQueries({ queryKey: ['setup-guide', id] });
      setSaved('saved');
    },
    onError: (_error, _change, context) => {
      if (context?.before) client.setQueryData(['settings', id], context.before);
      setSaved('idle');
    },
  });
  useEffect(() => {
    if (saved !== 'saved') return;
    const t = setTimeout(() => setSaved('idle'), 3000);
    return () => clearTimeout(t);
  }, [saved]);

  if (!id || !workspace) return <PageTitle title="General settings" />;
  if (ready && !can('workspace.settings.view')) {
    return (
      <>
        <PageTitle title="General settings" />
        <Alert color="gray" title="Only Workspace Admins and Account Admins see workspace settings">
          {why('workspace.settings.view')}
        </Alert>
      </>
    );
  }
  const s = settings.data;
  if (!s) return <Loader />;
  const members = (team.data?.items ?? []).filter((m) => m.status === 'active');
  return (
    <Stack>
      <PageTitle title={`General settings — ${workspace.name}`}>
        {saved === 'saving' && (
          <Badge variant="light" color="gray">
            Saving…
          </Badge>
        )}
        {saved === 'saved' && (
          <Badge variant="light" color="teal" data-testid="saved">
            Saved
          </Badge>
        )}
      </PageTitle>
      <ProblemAlert error={save.error} />
      <Card withBorder radius="md">
        <Title order={4} mb="xs">
          Identifiers
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          How you add and update people. You can always identify people by cio_id. Enabling email merges
          people who share an address.
        </Text>
        <Alert color="yellow" variant="light" mb="sm">
          Changing identifiers pauses processing of people and event data while the workspace is revalidated.
          Nothing sent meanwhile is dropped.
        </Alert>
        <Group>
          <Checkbox
            label="email"
            checked={s.identifiers.email}
            disabled={!allowed}
            onChange={(e) =>
              save.mutate({ identifiers: { ...s.identifiers, email: e.currentTarget.checked } })
            }
          />
          <Checkbox
            label="id"
            checked={s.identifiers.id}
            disabled={!allowed}
            onChange={(e) => save.mutate({ identifiers: { ...s.identifiers, id: e.currentTarget.checked } })}
          />
          {s.processingState === 'revalidating' && (
            <Group gap={6} data-testid="revalidating">
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                Revalidating — processing is paused
              </Text>
            </Group>
          )}
        </Group>
        <Switch
          mt="md"
          label="Allow updates to email using ID"
          description="Off: only a request that names the cio_id may change a person's email."
          checked={s.allowEmailUpdateById}
          disabled={!allowed}
          onChange={(e) => save.mutate({ allowEmailUpdateById: e.currentTarget.checked })}
        />
      </Card>
      <Card withBorder radius="md">
        <Title order={4} mb="xs">
          How do you want to send messages?
        </Title>
        <Radio.Group
          value={s.sendMode}
          onChange={(v) => save.mutate({ sendMode: v as Settings['sendMode'] })}
        >
          <Stack gap="xs">
            <Radio value="normal" label="Send messages normally" disabled={!allowed} />
            <Radio
              value="test"
              label="Send emails to a test address (other channels send normally)"
              disabled={!allowed}
            />
            <Radio value="never" label="Never send messages" disabled={!allowed} />
          </Stack>
        </Radio.Group>
        {s.sendMode === 'test' && (
          <Select
            mt="sm"
            w={360}
            label="Test recipient"
            description="The same for everyone in this workspace"
            disabled={!allowed}
            data={members.map((m) => ({ value: m.id, label: `${m.firstName} ${m.lastName} <${m.email}>` }))}
            value={s.testRecipientMemberId}
            allowDeselect={false}
            onChange={(v) => v && save.mutate({ testRecipientMemberId: v })}
            data-testid="test-recipient"
          />
        )}
      </Card>
      <Card withBorder radius="md">
        <Title order={4} mb="xs">
          Open tracking
        </Title>
        <Switch
          label="Track email opens"
          description="Off: no tracking pixel in any email of this workspace, whatever each message says; opens read zero."
          checked={s.openTracking}
          disabled={!allowed}
          onChange={(e) => save.mutate({ openTracking: e.currentTarget.checked })}
        />
      </Card>
    </Stack>
  );
}
