import { expect } from 'vitest';
import { type Client, expectProblem, type Reply } from './client.js';
import type { TestService } from './service.js';

// The v1 Track API as Customer.io's clients call it, for the tests of the v1 routes.

export const path = (identifier: string) => `/api/v1/customers/${encodeURIComponent(identifier)}`;

/** A new Track API key of this workspace, and the v1 calls of Customer.io's clients with it. */
export async function trackClient(service: TestService, admin: Client, workspaceId: string) {
  const key = (await admin.post(`/api/workspaces/${workspaceId}/api-keys`, { kind: 'track' })).body;
  const headers = { authorization: `Basic ${Buffer.from(`${key.siteId}:${key.apiKey}`).toString('base64')}` };
  const c = service.client();
  const track = {
    identify: (id: string, body: Record<string, unknown> = {}) => c.put(path(id), body, { headers }),
    remove: (id: string) => c.delete(path(id), undefined, { headers }),
    event: (id: string, body: Record<string, unknown>) => c.post(`${path(id)}/events`, body, { headers }),
    suppress: (id: string) => c.post(`${path(id)}/suppress`, {}, { headers }),
    unsuppress: (id: string) => c.post(`${path(id)}/unsuppress`, {}, { headers }),
    addDevice: (id: string, device: Record<string, unknown>) =>
      c.put(`${path(id)}/devices`, { device }, { headers }),
    deleteDevice: (id: string, token: string) =>
      c.delete(`${path(id)}/devices/${encodeURIComponent(token)}`, undefined, { headers }),
    anonymous: (body: Record<string, unknown>) => c.post('/api/v1/events', body, { headers }),
    addToSegment: (segmentId: string, ids: string[]) =>
      c.post(`/api/v1/segments/${segmentId}/add_customers`, { ids }, { headers }),
    metric: (body: Record<string, unknown>) => c.post('/api/v1/metrics', body, { headers }),
    push: (body: Record<string, unknown>) => c.post('/api/v1/push/events', body, { headers }),
    unsubscribe: (deliveryId: string, body: Record<string, unknown> = {}) =>
      c.post(`/unsubscribe/${encodeURIComponent(deliveryId)}`, body, { headers }),
    region: () => c.get('/api/v1/accounts/region', { headers }),
  };
  return { key, headers, track };
}

/** A new workspace with a Track API key, and the v1 calls of Customer.io's clients with that key. */
export async function setUpTrack(service: TestService, options: { email?: boolean } = {}) {
  const admin = service.client();
  const { workspace, account, email, password } = await admin.signup();
  if (options.email === false) {
    await admin.patch(`/api/workspaces/${workspace.id}/settings`, {
      identifiers: { email: false, id: true },
    });
    await service.worker.runUntilIdle();
  }
  const { key, headers, track } = await trackClient(service, admin, workspace.id);
  const holder = { keyId: key.id as string, accountId: account.id, workspaceId: workspace.id };
  return { admin, workspace, track, holder, headers, email: email as string, password: password as string };
}

export const ok = (reply: Reply) => {
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  expect(reply.body).toEqual({});
};

/** A Track API problem: its status and code, and Customer.io's `meta.error` beside it. */
export function expectTrackProblem(reply: Reply, status: number, code?: string) {
  expectProblem(reply, status, code);
  expect(reply.body.meta).toEqual({ error: reply.body.detail });
}
