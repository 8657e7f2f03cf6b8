import { Button, FileInput, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { JobCounts, JobProgress } from '../../components/JobProgress';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fileBody, sdk, unwrap } from '../../lib/api';
import { inProgress, useJob } from '../../lib/jobs';

type ImportMode = 'create' | 'update';
const importModes: { value: ImportMode; label: string }[] = [
  { value: 'create', label: 'Create: add new people' },
  { value: 'update', label: 'Update: change existing people' },
];

/** An import job's report, read from its result (the API types a job's result loosely). */
function reportOf(result: Record<string, unknown> | null) {
  const count = (key: string) => (typeof result?.[key] === 'number' ? (result[key] as number) : 0);
  const errors = Array.isArray(result?.errors)
    ? result.errors.flatMap((e: unknown) => {
        const { line, message } = (e ?? {}) as { line?: unknown; message?: unknown };
        return typeof line === 'number' && typeof message === 'string' ? [{ line, message }] : [];
      })
    : [];
  return { created: count('created'), updated: count('updated'), failed: count('failed'), errors };
}

/** A CSV file and a mode: POST …/people/import answers the job that applies it. */
function ImportForm({ workspaceId, onStarted }: { workspaceId: string; onStarted: (jobId: string) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('create');
  const start = useMutation({
    mutationFn: (f: File) =>
      unwrap(
        sdk.POST('/api/workspaces/{workspaceId}/people/import', {
          params: { path: { workspaceId }, query: { mode } },
          ...fileBody(f, 'text/csv'),
        }),
      ),
    onSuccess: ({ jobId }) => onStarted(jobId),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (file) start.mutate(file);
      }}
    >
      <Stack>
        <FileInput
          label="CSV file"
          description="A header row (email, id, cio_id and any attributes, e.g. first_name), then a person a line"
          placeholder="Choose a file"
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          clearable
          clearButtonProps={{ 'aria-label': 'Remove the file' }}
          data-testid="import-file"
        />
        <Select
          label="Mode"
          data={importModes}
          value={mode}
          onChange={(v) => setMode((v as ImportMode | null) ?? 'create')}
          allowDeselect={false}
          description="Update changes an email only on rows that name the cio_id"
        />
        <ProblemAlert error={start.error} />
        <Group justify="flex-end">
          <Button type="submit" disabled={!file} loading={start.isPending}>
            Import
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What an import did: its counts, and the lines it refused, each with why, in words. */
function ImportReport({ result }: { result: Record<string, unknown> | null }) {
  const report = reportOf(result);
  return (
    <Stack gap="xs">
      <JobCounts
        testId="import-counts"
        counts={[
          ['Created', report.created],
          ['Updated', report.updated],
          ['Refused', report.failed],
        ]}
      />
      {report.errors.length > 0 && (
        <>
          <Text size="sm" fw={500}>
            Rows not imported
          </Text>
          <List size="sm" spacing={4} data-testid="import-errors">
            {report.errors.map((e) => (
              <List.Item key={e.line}>
                Line {e.line.toLocaleString()}: {e.message}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {report.failed > report.errors.length && (
        <Text size="xs" c="dimmed">
          The first {report.errors.length.toLocaleString()} refused lines are listed.
        </Text>
      )}
    </Stack>
  );
}

/**
 * Import people from a CSV file: the form, then the job's progress and report. The last import
 * stays (with its progress) until the member starts another; the list is refreshed when it ends,
 * even if the dialog was closed meanwhile (so this stays mounted while the page is).
 */
export function ImportDialog({
  workspaceId,
  opened,
  onClose,
}: {
  workspaceId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const importing = useJob(workspaceId, jobId, () =>
    client.invalidateQueries({ queryKey: ['people', workspaceId] }),
  );
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onClose}
      title="Import people"
      size="lg"
    >
      {jobId ? (
        <Stack>
          <JobProgress
            label="Importing people"
            unit="rows"
            query={importing}
            partial={(job) =>
              job.result && (
                <Stack gap="xs" data-testid="import-partial">
                  <Text size="sm">
                    The rows counted below were applied before the import stopped and stay applied; the other
                    rows of the file were not. Import those again to finish.
                  </Text>
                  <ImportReport result={job.result} />
                </Stack>
              )
            }
          >
            {(job) => <ImportReport result={job.result} />}
          </JobProgress>
          <Group justify="flex-end">
            <Button variant="default" disabled={inProgress(importing)} onClick={() => setJobId(null)}>
              Import another file
            </Button>
          </Group>
        </Stack>
      ) : (
        <ImportForm workspaceId={workspaceId} onStarted={setJobId} />
      )}
    </Modal>
  );
}
