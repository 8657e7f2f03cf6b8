/**
 * Long work the API runs as a job (imports, exports, broadcast sends): started with a 202 and a
 * jobId, then read at GET /api/workspaces/{id}/jobs/{jobId} until it has succeeded or failed.
 */

import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { type Answer, sdk, unwrap } from './api';

/** A job as GET /api/workspaces/{id}/jobs/{jobId} answers it. */
type JobAnswer = Answer<'/api/workspaces/{workspaceId}/jobs/{jobId}', 'get'>;

export type JobState = JobAnswer['state'];

/**
 * A job, with what its kind reports as `result` (the document types it as any object, null until
 * the job's first report).
 */
export type Job<Result = Record<string, unknown>> = Omit<JobAnswer, 'result'> & { result: Result | null };

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
      (await unwrap(
        sdk.GET('/api/workspaces/{workspaceId}/jobs/{jobId}', {
          params: { path: { workspaceId, jobId: jobId! } },
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
