import { Alert, Badge, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Job, JobState } from '../lib/jobs';
import { ErrorPanel } from './States';

/** Before the job’s first read, it is shown as starting. */
const stateColor: Record<JobState | 'starting', string> = {
  starting: 'gray',
  queued: 'gray',
  running: 'indigo',
  succeeded: 'teal',
  failed: 'red',
};

/** The state in words, on the badge. */
const stateWords: Record<JobState | 'starting', string> = {
  starting: 'Starting',
  queued: 'Waiting to start',
  running: 'Running',
  succeeded: 'Done',
  failed: 'Failed',
};

/** How far a job has got, in percent; a running job that does not know its total shows a full stripe. */
function percent(job: Job<unknown>): number {
  if (job.state === 'succeeded') return 100;
  const { done, total } = job.progress;
  if (total === null) return job.state === 'running' ? 100 : 0;
  if (total === 0) return 0;
  return Math.min(100, Math.round((100 * done) / total));
}

/**
 * A job as it goes (read by lib/jobs.ts useJob): a bar with "done of total", its state, why it
 * failed (or why its last attempt did, while it waits to be retried), and once it has succeeded
 * whatever `children` makes of its result.
 */
export function JobProgress<Result>({
  label,
  query,
  unit,
  children,
  partial,
}: {
  /** What the job does, e.g. "Importing people". */
  label: string;
  query: UseQueryResult<Job<Result>>;
  /** What it counts, after the total ("people"). */
  unit?: string;
  children?: (job: Job<Result>) => ReactNode;
  /** What a job that failed had done before it stopped (an import keeps the rows it applied). */
  partial?: (job: Job<Result>) => ReactNode;
}) {
  const job = query.data;
  if (query.error)
    return (
      <ErrorPanel
        error={query.error}
        onRetry={() => query.refetch()}
        title="The job’s progress could not be read"
      />
    );
  const state = job?.state ?? 'starting';
  const active = state === 'starting' || state === 'queued' || state === 'running';
  const value = job ? percent(job) : 0;
  const { done, total } = job?.progress ?? { done: 0, total: null };
  return (
    <Stack gap={6} data-testid="job-progress" data-state={state}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {/* The light tint's text colour is the theme's (main.tsx), dark enough on its tint. */}
        <Badge color={stateColor[state]} variant="light" tt="none" data-testid="job-state">
          {stateWords[state]}
        </Badge>
      </Group>
      <Progress
        value={value}
        color={stateColor[state]}
        size="lg"
        striped={active}
        animated={state === 'running'}
        aria-label={label}
      />
      <Text size="xs" c="dimmed" data-testid="job-count">
        {done.toLocaleString()} of {total === null ? '?' : total.toLocaleString()}
        {unit ? ` ${unit}` : ''}
      </Text>
      {job?.state === 'failed' && (
        <Alert color="red" title="The job failed" data-testid="job-error">
          {job.lastError ?? 'No reason was recorded.'}
        </Alert>
      )}
      {job && active && job.lastError && (
        <Alert color="yellow" title={`Attempt ${job.attempts} failed; it will be retried`}>
          {job.lastError}
        </Alert>
      )}
      {job?.state === 'succeeded' && children?.(job)}
      {job?.state === 'failed' && partial?.(job)}
    </Stack>
  );
}

/** A row of named counts: what a job did (created, updated, refused; queued, suppressed…). */
export function JobCounts({ counts, testId }: { counts: [label: string, value: number][]; testId?: string }) {
  return (
    <SimpleGrid cols={counts.length} spacing="xs" data-testid={testId}>
      {counts.map(([label, value]) => (
        <Paper key={label} withBorder p="xs" data-testid={`count-${label.toLowerCase()}`}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text fw={700} size="lg">
            {value.toLocaleString()}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
