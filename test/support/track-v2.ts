import { expect } from 'vitest';
import type { Client } from './client.js';
import type { TestService } from './service.js';

/** A Track API v2 client of one workspace (HTTP Basic site_id:api_key). */
export function v2Client(service: TestService, siteId: string, apiKey: string) {
  const authorization = `Basic ${Buffer.from(`${siteId}:${apiKey}`).toString('base64')}`;
  const c = service.client();
  return {
    entity: (op: unknown) => c.post('/api/v2/entity', op, { headers: { authorization } }),
    batch: (batch: unknown[]) => c.post('/api/v2/batch', { batch }, { headers: { authorization } }),
    raw: (path: string, text: string) =>
      c.post(path, undefined, { raw: text, headers: { authorization, 'content-type': 'application/json' } }),
  };
}

/** A new account's workspace, its admin and a v2 client under a new Track key. */
export async function workspaceWithV2(service: TestService) {
  const admin = service.client();
  const { workspace } = await admin.signup();
  const key = (await admin.post(`/api/workspaces/${workspace.id}/api-keys`, { kind: 'track' })).body;
  return { admin, workspace, track: v2Client(service, key.siteId, key.apiKey) };
}

export async function createObjectType(admin: Client, workspaceId: string, name: string): Promise<string> {
  const created = await admin.post(`/api/workspaces/${workspaceId}/object-types`, { name });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

export async function personById(admin: Client, workspaceId: string, id: string) {
  const items = (await admin.get(`/api/workspaces/${workspaceId}/people?id=${encodeURIComponent(id)}`)).body
    .items as { cioId: string; attributes: Record<string, unknown>; email: string | null }[];
  return items[0];
}

export async function objectsOf(admin: Client, workspaceId: string, typeId: string) {
  return (await admin.get(`/api/workspaces/${workspaceId}/objects?typeId=${typeId}`)).body.items as {
    id: string;
    objectId: string;
    attributes: Record<string, unknown>;
    createdBy: string;
  }[];
}

export const relationshipsOf = async (admin: Client, workspaceId: string, query: string) =>
  (await admin.get(`/api/workspaces/${workspaceId}/relationships?${query}`)).body.items as {
    objectId: string;
    cioId: string;
    attributes: Record<string, unknown>;
  }[];
