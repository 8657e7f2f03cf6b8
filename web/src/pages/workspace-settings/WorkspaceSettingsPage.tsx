import { Alert, Card, Stack } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ProblemAlert } from '../../components/ProblemAlert';
import { PageTitle, useCurrentWorkspace } from '../../components/Shell';
import { ErrorPanel, LoadingSkeleton } from '../../components/States';
import { sdk, unwrap } from '../../lib/api';
import { notifySuccess, usePageTitle } from '../../lib/feedback';
import { usePermissions } from '../../lib/hooks';
import { IdentifierSettings } from './Identifiers';
import { OpenTrackingSetting, SendingSettings } from './Sending';
import type { Settings, SettingsChange } from './types';

/** What a saved change did, in a sentence. */
function savedMessage(change: SettingsChange, after: Settings): string {
  if (change.identifiers) return 'Identifiers changed: Atrium is revalidating people.';
  if (change.sendMode === 'normal') return 'Messages now send normally.';
  if (change.sendMode === 'test')
    return after.testRecipientEmail
      ? `Emails now go to the test address ${after.testRecipientEmail}.`
      : 'Emails now go to a test address: choose who receives them.';
  if (change.sendMode === 'never') return 'No message leaves this workspace any more.';
  if (change.testRecipientMemberId) return `Test emails now go to ${after.testRecipientEmail}.`;
  if (change.openTracking !== undefined) return `Open tracking is ${change.openTracking ? 'on' : 'off'}.`;
  if (change.allowEmailUpdateById !== undefined)
    return change.allowEmailUpdateById
      ? 'A request naming a person’s id may now change their email.'
      : 'Only a request naming a person’s cio_id may now change their email.';
  return 'Settings saved.';
}

/** General workspace settings: saved as you edit; identifiers after a confirmation. */
export function WorkspaceSettingsPage() {
  const { id, workspace } = useCurrentWorkspace();
  const title = workspace ? `General settings — ${workspace.name}` : 'General settings';
  usePageTitle(title);
  const client = useQueryClient();
  const { can, why, ready } = usePermissions(id);
  const allowed = can('workspace.settings.edit');
  const workspaceId = id ?? '';
  const key = ['settings', workspaceId];
  const settings = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(sdk.GET('/api/workspaces/{workspaceId}/settings', { params: { path: { workspaceId } } })),
    enabled: Boolean(id) && can('workspace.settings.view'),
    // While identifiers are revalidated, look again until processing resumes.
    refetchInterval: (q) => (q.state.data?.processingState === 'revalidating' ? 1000 : false),
  });
  const save = useMutation({
    mutationFn: (change: SettingsChange) =>
      unwrap(
        sdk.PATCH('/api/workspaces/{workspaceId}/settings', {
          params: { path: { workspaceId } },
          body: change,
        }),
      ),
    // Shown at once; the server's answer (or a refusal) settles it.
    onMutate: (change) => {
      const before = client.getQueryData<Settings>(key);
      if (before) client.setQueryData(key, { ...before, ...change });
      return { before };
    },
    onSuccess: (data, change) => {
      client.setQueryData(key, data);
      client.invalidateQueries({ queryKey: ['workspace', id] });
      client.invalidateQueries({ queryKey: ['workspaces'] });
      client.invalidateQueries({ queryKey: ['setup-guide', id] });
      notifySuccess(savedMessage(change, data));
    },
    onError: (_error, _change, context) => {
      if (context?.before) client.setQueryData(key, context.before);
    },
  });

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
  return (
    <Stack>
      <PageTitle title={title} />
      {settings.error ? (
        <ErrorPanel error={settings.error} onRetry={() => settings.refetch()} />
      ) : !s ? (
        <LoadingSkeleton rows={8} label="Loading the settings" />
      ) : (
        <>
          {ready && !allowed && (
            <Alert color="gray" variant="light">
              {why('workspace.settings.edit')}
            </Alert>
          )}
          <ProblemAlert error={save.error} />
          <Card withBorder radius="md">
            <IdentifierSettings settings={s} allowed={allowed} onSave={(c) => save.mutate(c)} />
          </Card>
          <Card withBorder radius="md">
            <SendingSettings settings={s} allowed={allowed} onSave={(c) => save.mutate(c)} />
          </Card>
          <Card withBorder radius="md">
            <OpenTrackingSetting settings={s} allowed={allowed} onSave={(c) => save.mutate(c)} />
          </Card>
        </>
      )}
    </Stack>
  );
}
