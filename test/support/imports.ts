import { expect } from 'vitest';
import type { Client } from './client.js';
import type { TestService } from './service.js';

// The people CSV import as the console sends it, for the tests of what it writes.

/** Uploads a CSV to POST …/people/import?mode=…: the answer, 202 with the job's address when taken. */
export const uploadCsv = (client: Client, workspaceId: string, mode: string, csv: string) =>
  client.post(`/api/workspaces/${workspaceId}/people/import?mode=${mode}`, undefined, {
    raw: csv,
    headers: { 'content-type': 'text/csv' },
  });

/** Uploads, runs the job, and answers the job as GET …/jobs/{id} shows it. */
export async function importCsv(
  service: TestService,
  client: Client,
  workspaceId: string,
  mode: string,
  csv: string,
) {
  const started = await uploadCsv(client, workspaceId, mode, csv);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  await service.worker.runUntilIdle();
  return (await client.get(started.headers.get('location')!)).body;
}
