import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type JSX, useState } from 'react';
import { type Answer, sdk, unwrap } from '../lib/api';
import { usePermissions } from '../lib/hooks';
import { useJob } from '../lib/jobs';
import { people } from '../lib/words';
import { Guarded } from './Guarded';
import { JobCounts, JobProgress } from './JobProgress';
import { ProblemAlert } from './ProblemAlert';
import { ErrorPanel, LoadingSkeleton } from './States';

type Workspace = Answer<'/api/workspaces/{workspaceId}', 'get'>;

/**
 * What a send will do, before it is sent, in the workspace's send mode: "Send ‘Spring sale’ to
 * 1,234 people? This workspace sends to a test address: every email goes to ada@example.com."
 */
export function sendSentence(name: string, count: number, workspace: Workspace): string {
  const ask = `Send ‘${name}’ to ${people(count)}?`;
  if (workspace.sendMode === 'never')
    return `${ask} This workspace is set to never send: nothing will be delivered.`;
  if (workspace.sendMode === 'test')
    return workspace.testRecipientEmail
      ? `${ask} This workspace sends to a test address: every email goes to ${workspace.testRecipientEmail}.`
      : `${ask} This workspace sends to a test address, but has no test recipient: the send will be refused until a Workspace Admin chooses one in the settings.`;
  return `${ask} Emails go to ${people(count)} now. This can’t be undone.`;
}

/**
 * Sends a broadcast to a segment after saying how many people it reaches and how the workspace
 * sends (normally, to a test address, or never), then shows the send's progress.
 */
export function SendBroadcastDialog(props: {
  workspaceId: string;
  broadcast: { id: string; name: string };
  opened: boolean;
  onClose: () => void;
}): JSX.Element {
  const { workspaceId, broadcast, opened, onClose } = props;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`Send ‘${broadcast.name}’`}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
    >
      {/* Mounted while open only: each opening asks afresh for the counts and the send mode. */}
      {opened && <SendForm workspaceId={workspaceId} broadcast={broadcast} onClose={onClose} />}
    </Modal>
  );
}

function SendForm({
  workspaceId,
  broadcast,
  onClose,
}: {
  workspaceId: string;
  broadcast: { id: string; name: string };
  onClose: () => void;
}) {
  const client = useQueryClient();
  const { can, why } = usePermissions(workspaceId);
  const path = { workspaceId, id: broadcast.id };
  const stored = useQuery({
    queryKey: ['broadcast', workspaceId, broadcast.id],
    queryFn: () => unwrap(sdk.GET('/api/workspaces/{workspaceId}/broadcasts/{id}', { params: { path } })),
  });
  const segments = useQuery({
    queryKey: ['segment-options', workspaceId],
    queryFn: () =>
      unwrap(
        sdk.GET('/api/workspaces/{workspaceId}/segments', {
          params: { path: { workspaceId }, query: { limit: 500 } },
        }),
      ),
    staleTime: 0,
  });
  const workspace = useQuery({
    queryKey: ['workspace', workspaceId],
    queryFn: () => unwrap(sdk.GET('/api/workspaces/{workspaceId}', { params: { path: { workspaceId } } })),
    staleTime: 0,
  });
  const [picked, setPicked] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (segmentId: string) =>
      unwrap(
        sdk.POST('/api/workspaces/{workspaceId}/broadcasts/{id}/send', {
          params: { path },
          body: { segmentId },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['broadcast', workspaceId] }),
  });
  const job = useJob(workspaceId, send.data?.jobId ?? null);
  // The send's report: emails queued, held back by the send mode, people without an address.
  const count = (result: Record<string, unknown> | null, key: string) =>
    typeof result?.[key] === 'number' ? result[key] : 0;

  if (send.data) {
    return (
      <Stack data-testid="send-progress">
        <Text size="sm">
          Sending ‘{broadcast.name}’ to {people(send.data.recipients)}.
        </Text>
        <JobProgress label="Sending" unit="people" query={job}>
          {(done) => (
            <JobCounts
              testId="send-counts"
              counts={[
                ['Queued', count(done.result, 'queued')],
                ['Suppressed', count(done.result, 'suppressed')],
                ['Skipped', count(done.result, 'skipped')],
              ]}
            />
          )}
        </JobProgress>
        <Text size="xs" c="dimmed">
          Suppressed: held back by the workspace’s send mode. Skipped: people without an email address.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
        </Group>
      </Stack>
    );
  }

  const failed = [stored, segments, workspace].find((q) => q.error);
  if (failed)
    return (
      <ErrorPanel
        error={failed.error}
        onRetry={() => Promise.all([stored.refetch(), segments.refetch(), workspace.refetch()])}
      />
    );
  if (!stored.data || !segments.data || !workspace.data) return <LoadingSkeleton rows={3} />;

  const items = segments.data.items;
  const saved = stored.data.audience?.segmentIds.find((id) => items.some((s) => s.id === id)) ?? null;
  const segmentId = picked ?? saved;
  const segment = items.find((s) => s.id === segmentId);
  const blocked = workspace.data.sendMode === 'test' && !workspace.data.testRecipientEmail;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (segment && can('messages.send')) send.mutate(segment.id);
      }}
    >
      <Stack>
        {items.length === 0 ? (
          <Text size="sm">
            This workspace has no segment yet. Create a segment of the people to reach, then send.
          </Text>
        ) : (
          <Select
            label="Send to the people of"
            placeholder="Choose a segment"
            data={items.map((s) => ({ value: s.id, label: `${s.name} (${people(s.count)})` }))}
            value={segmentId}
            onChange={setPicked}
            allowDeselect={false}
            searchable
            nothingFoundMessage="No segment of that name"
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {segment && (
          <Alert
            color={workspace.data.sendMode === 'normal' ? 'red' : 'yellow'}
            variant="light"
            data-testid="send-summary"
          >
            <Text size="sm">{sendSentence(broadcast.name, segment.count, workspace.data)}</Text>
          </Alert>
        )}
        <ProblemAlert error={send.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Guarded allowed={can('messages.send')} why={why('messages.send')}>
            <Button
              type="submit"
              color={workspace.data.sendMode === 'normal' ? 'red.9' : undefined}
              disabled={!segment || blocked}
              loading={send.isPending}
            >
              {segment ? `Send to ${people(segment.count)}` : 'Send'}
            </Button>
          </Guarded>
        </Group>
      </Stack>
    </form>
  );
}
