import { type Static, Type } from 'typebox';
import { NullableTimestamp, Timestamp } from '../http/schemas.js';
import type { JobRow } from './queue.js';

export const Job = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  workspaceId: Type.Union([Type.String(), Type.Null()]),
  state: Type.Enum(['queued', 'running', 'succeeded', 'failed']),
  progress: Type.Object({ done: Type.Integer(), total: Type.Union([Type.Integer(), Type.Null()]) }),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  finishedAt: NullableTimestamp,
  result: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
    description: 'What the job reports when done (an import: counts, and the rows refused by line)',
  }),
});
export type Job = Static<typeof Job>;

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    workspaceId:
      row.workspaceId ?? (typeof row.payload.workspaceId === 'string' ? row.payload.workspaceId : null),
    state: row.state,
    progress: { done: row.progressDone, total: row.progressTotal },
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    result: row.result,
  };
}
