import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { JSX } from 'react';
import { useState } from 'react';
import { sdk, unwrap } from '../lib/api';
import { type SendResult, useJob } from '../lib/jobs';
import { JobCounts, JobProgress } from './JobProgress';
import { ProblemAlert } from './ProblemAlert';

/**
 * PLACEHOLDER: engineer E's send confirmation (recipient count, send mode) replaces this file at
 * merge. Until then it sends the broadcast to a chosen segment as a job and shows its progress.
 */
export function SendBroadcastDialog(props: {
  workspaceId: string;
  broadcast: { id: string; name: string };
  opened: boolean;
  onClose: () => void;
}): JSX.Element {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={`Send ${props.broadcast.name}`}
      size="lg"
    >
      {props.opened && <SendForm key={props.broadcast.id} {...props} />}
    </Modal>
  );
}

function SendForm({
  workspaceId,
  broadcast,
}: {
  workspaceId: string;
  broadcast: { id: string; name: string };
}) {
  const segments = useQuery({
    queryKey: ['segment-options', workspaceId],
    queryFn: () =>
      unwrap(
        sdk.GET('/api/workspaces/{workspaceId}/segments', {
          params: { path: { workspaceId }, query: { limit: 500 } },
        }),
      ),
  });
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        sdk.POST('/api/workspaces/{workspaceId}/broadcasts/{id}/send', {
          params: { path: { workspaceId, id: broadcast.id } },
          body: { segmentId: id },
        }),
      ),
  });
  const job = useJob<SendResult>(workspaceId, send.data?.jobId ?? null);
  if (send.data) {
    const { recipients } = send.data;
    return (
      <Stack>
        <Text size="sm">
          Sending <b>{broadcast.name}</b> to {recipients.toLocaleString()}{' '}
          {recipients === 1 ? 'person' : 'people'}.
        </Text>
        <JobProgress label="Sending" unit="people" query={job}>
          {(done) => (
            <JobCounts
              testId="send-counts"
              counts={[
                ['Queued', done.result?.queued ?? 0],
                ['Suppressed', done.result?.suppressed ?? 0],
                ['Skipped', done.result?.skipped ?? 0],
              ]}
            />
          )}
        </JobProgress>
      </Stack>
    );
  }
  const options = (segments.data?.items ?? []).map((s) => {
    const count = typeof s.count === 'number' ? s.count : null;
    return {
      value: s.id,
      label: `${s.name} (${count === null ? '?' : count.toLocaleString()} ${count === 1 ? 'person' : 'people'})`,
    };
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (segmentId) send.mutate(segmentId);
      }}
    >
      <Stack>
        <Select
          label="Segment"
          placeholder={segments.isPending ? 'Loading segments…' : 'Choose a segment'}
          data={options}
          value={segmentId}
          onChange={setSegmentId}
          allowDeselect={false}
          searchable
        />
        <ProblemAlert error={segments.error ?? send.error} />
        <Group justify="flex-end">
          <Button type="submit" disabled={!segmentId} loading={send.isPending}>
            Send
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
