import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { JobProgress } from '../../components/JobProgress';
import { ProblemAlert } from '../../components/ProblemAlert';
import { sdk, unwrap } from '../../lib/api';
import { inProgress, useJob } from '../../lib/jobs';

type ExportFormat = 'csv' | 'ndjson';
const exportFormats: { value: ExportFormat; label: string }[] = [
  { value: 'csv', label: 'CSV (opens in a spreadsheet)' },
  { value: 'ndjson', label: 'NDJSON (a JSON object a line)' },
];

/** Export every person of the workspace as a job with progress, then a link to the file. */
export function ExportDialog({
  workspaceId,
  opened,
  onClose,
}: {
  workspaceId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [started, setStarted] = useState<{ jobId: string; format: ExportFormat } | null>(null);
  const exporting = useJob(workspaceId, started?.jobId ?? null);
  const start = useMutation({
    mutationFn: () =>
      unwrap(
        sdk.POST('/api/workspaces/{workspaceId}/people/exports', {
          params: { path: { workspaceId } },
          body: { format },
        }),
      ),
    onSuccess: ({ jobId }) => setStarted({ jobId, format }),
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onClose}
      title="Export people"
    >
      {started ? (
        <Stack>
          <JobProgress label="Exporting people" unit="people" query={exporting}>
            {() => (
              <Button
                component="a"
                href={`/api/workspaces/${workspaceId}/people/exports/${started.jobId}`}
                download={`people.${started.format}`}
                data-testid="export-download"
              >
                Download people.{started.format}
              </Button>
            )}
          </JobProgress>
          <Group justify="flex-end">
            <Button variant="default" disabled={inProgress(exporting)} onClick={() => setStarted(null)}>
              New export
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate();
          }}
        >
          <Stack>
            <Text size="sm">Every person of this workspace, with their email, ID and attributes.</Text>
            <Select
              label="Format"
              data={exportFormats}
              value={format}
              onChange={(v) => setFormat((v as ExportFormat | null) ?? 'csv')}
              allowDeselect={false}
            />
            <ProblemAlert error={start.error} />
            <Group justify="flex-end">
              <Button type="submit" loading={start.isPending}>
                Export
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
