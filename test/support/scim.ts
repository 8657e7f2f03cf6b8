import { expect } from 'vitest';
import type { Client } from './client.js';
import type { TestService } from './service.js';

export interface ScimReply {
  status: number;
  headers: Headers;
  body: any;
}

/** An identity provider's HTTP client: Bearer token, application/scim+json both ways. */
export function scimClient(service: TestService, token: string | null) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${service.url}/scim/v2${path}`, {
      method,
      headers: {
        accept: 'application/scim+json',
        ...(token && { authorization: `Bearer ${token}` }),
        ...(body !== undefined && { 'content-type': 'application/scim+json; charset=utf-8' }),
        ...headers,
      },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
    } as ScimReply;
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
    delete: (path: string) => call('DELETE', path),
    raw: call,
  };
}

/** A SCIM token created by an Account Admin through the API. */
export async function createScimToken(admin: Client, name = 'Okta'): Promise<string> {
  const reply = await admin.post('/api/account/scim-tokens', { name });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.token as string;
}

/** Asserts an RFC 7644 §3.12 error body. */
export function expectScimError(reply: ScimReply, status: number, scimType?: string) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/scim\+json/);
  expect(reply.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
  expect(reply.body.status).toBe(String(status));
  expect(typeof reply.body.detail).toBe('string');
  if (scimType) expect(reply.body.scimType).toBe(scimType);
}

export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
