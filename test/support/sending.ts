import { expect } from 'vitest';
import type { Client } from './client.js';
import { unique } from './row-probes.js';
import type { TestService } from './service.js';
import { setUpTrack } from './track-v1.js';

// Broadcasts sent for real (normal send mode) to people of a Track API workspace, for the tests
// of what their deliveries record: metrics, unsubscribes, the deliveries' lists.

/**
 * Broadcasts of a workspace: `normal` (the default) first sets it to send for real, as a new
 * workspace sends in test mode, whose deliveries record no metrics.
 */
export async function broadcasting(
  service: TestService,
  admin: Client,
  workspaceId: string,
  mode: 'normal' | 'test' = 'normal',
) {
  const at = (rest: string) => `/api/workspaces/${workspaceId}/${rest}`;
  if (mode === 'normal') {
    const settings = await admin.patch(at('settings'), {
      sendMode: 'normal',
      senderAddress: 'news@acme.test',
    });
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
  }
  /** A broadcast of these email messages (a name, subject and body each): its id and its messages' ids. */
  const newBroadcast = async (
    messages: { name: string; subject: string; body: string }[],
    name = unique('News'),
  ) => {
    const made = await admin.post(at('broadcasts'), {
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
    const started = await admin.post(at(`broadcasts/${broadcastId}/send`), { people });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    await service.worker.runUntilIdle();
    const job = (await admin.get(started.headers.get('location')!)).body;
    expect(job.state).toBe('succeeded');
    return job.result;
  };
  return { at, newBroadcast, send };
}

/** A new workspace with a Track API key that sends for real, with its broadcasts. */
export async function setUpSending(service: TestService) {
  const t = await setUpTrack(service);
  return { ...t, ...(await broadcasting(service, t.admin, t.workspace.id)) };
}
