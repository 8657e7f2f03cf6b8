import { expect } from 'vitest';
import { unique } from './row-probes.js';
import type { TestService } from './service.js';
import { setUpTrack } from './track-v1.js';

// Broadcasts sent for real (normal send mode) to people of a Track API workspace, for the tests
// of what their deliveries record: metrics, unsubscribes, the deliveries' lists.

/** A new workspace with a Track API key that sends for real: a new one sends in test mode, whose deliveries record no metrics. */
export async function setUpSending(service: TestService) {
  const t = await setUpTrack(service);
  const settings = await t.admin.patch(`/api/workspaces/${t.workspace.id}/settings`, {
    sendMode: 'normal',
    senderAddress: 'news@acme.test',
  });
  expect(settings.status, JSON.stringify(settings.body)).toBe(200);
  const at = (rest: string) => `/api/workspaces/${t.workspace.id}/${rest}`;
  /** A broadcast of these email messages (a name, subject and body each): its id and its messages' ids. */
  const newBroadcast = async (
    messages: { name: string; subject: string; body: string }[],
    name = unique('News'),
  ) => {
    const made = await t.admin.post(at('broadcasts'), {
      name,
      messages: messages.map((m) => ({ ...m, channel: 'email' })),
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return {
      id: made.body.id as string,
      messageIds: (made.body.messages as { id: string }[]).map((m) => m.id),
    };
  };
  /** Sends the broadcast to people (cio_ids) and lets the worker run: answers the finished job's report. */
  const send = async (broadcastId: string, people: string[]) => {
    const started = await t.admin.post(at(`broadcasts/${broadcastId}/send`), { people });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    await service.worker.runUntilIdle();
    const job = (await t.admin.get(started.headers.get('location')!)).body;
    expect(job.state).toBe('succeeded');
    return job.result;
  };
  return { ...t, at, newBroadcast, send };
}
