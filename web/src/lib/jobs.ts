/**
 * Long work the API runs as a job (imports, exports, broadcast sends): started with a 202 and a
 * jobId, then read at GET /api/workspaces/{id}/jobs/{jobId} until it has succeeded or failed.
 */

import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { sdk, unwrap } from './api';

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed';

export interface Job<Result = Record<string, unknown>> {
  id: string;
  kind: string;
  state: JobState;
  progress: { done: number; total: number | null };
  attempts: number;
  /** Why the last attempt failed (a queued job with one is waiting to be retried). */
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** What the job reports, kept up to date as it goes; null until its first report. */
  result: Result | null;
}

/** A broadcast send's report: emails queued, suppressed by the send mode, people without an email. */
export interface SendResult {
  queued: number;
  suppressed: number;
  skipped: number;
}

/** How often a job that has not finished is read again. */
export const JOB_POLL_MS = 500;

export const finished = (state: JobState) => state === 'succeeded' || state === 'failed';

/** Whether a job read by useJob may still change: not finished, and not unreadable. */
export const inProgress = (query: { data?: Job<unknown>; error: unknown }) =>
  !query.error && !(query.data && finished(query.data.state));

/**
 * A job of the workspace, read every JOB_POLL_MS until it has finished (or cannot be read).
 * `onFinished` is called once per job, when it is first seen succeeded or failed.
 */
export function useJob<Result = Record<string, unknown>>(
  workspaceId: string,
  jobId: string | null,
  onFinished?: (job: Job<Result>) => void,
) {
  const query = useQuery({
    queryKey: ['job', workspaceId, jobId],
    queryFn: async () =>
      // The API types a job's result loosely (each kind reports its own); the caller names it.
      (await unwrap(
        sdk.GET('/api/workspaces/{workspaceId}/jobs/{jobId}', {
          params: { path: { workspaceId, jobId: jobId ?? '' } },
        }),
      )) as Job<Result>,
    enabled: jobId !== null,
    refetchInterval: (q) => {
      if (q.state.error) return false;
      const job = q.state.data;
      return job && finished(job.state) ? false : JOB_POLL_MS;
    },
    // A finished job does not change again.
    staleTime: (q) => (q.state.data && finished(q.state.data.state) ? Number.POSITIVE_INFINITY : 0),
  });
  const callback = useRef(onFinished);
  useEffect(() => {
    callback.current = onFinished;
  });
  const reported = useRef<string | null>(null);
  const job = query.data;
  useEffect(() => {
    if (!job || !finished(job.state) || reported.current === job.id) return;
    reported.current = job.id;
    callback.current?.(job);
  }, [job]);
  return query;
}
