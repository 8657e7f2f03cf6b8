import { expect } from 'vitest';
import { type Client, uniqueEmail } from './client.js';

/**
 * For each permissions.csv row, the real request that exercises it: the route the row guards, with
 * a body that succeeds for anyone allowed. Items a request would use up (deletes, creates with a
 * unique name) are made fresh by the Account Admin for each call, so every cell runs alone.
 */

/** A 1×1 PNG: real image bytes for the upload probes. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export interface Probe {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  raw?: string | Uint8Array;
  contentType?: string;
}

let counter = 0;
export const unique = (name: string) => `${name}_${process.pid}_${++counter}`;

/** A body that creates an item of each generic kind, named uniquely. */
export function sampleBodies(fixtures: Fixtures): Record<string, () => Record<string, unknown>> {
  const message = (channel = 'email') => ({
    name: 'Welcome',
    channel,
    subject: 'Hello {{ customer.first_name }}',
    body: '<p>Hi {{ customer.first_name }}</p>',
  });
  return {
    campaigns: () => ({ name: unique('Campaign'), messages: [message()] }),
    broadcasts: () => ({ name: unique('Broadcast'), messages: [message()] }),
    transactional: () => ({ name: unique('Receipt'), messages: [message()] }),
    'object-types': () => ({ name: unique('Account') }),
    objects: () => ({ typeId: fixtures.objectTypeId, objectId: unique('acme'), attributes: { plan: 'pro' } }),
    segments: () => ({
      name: unique('Segment'),
      conditions: { match: 'all', rules: [{ attribute: 'plan', operator: 'eq', value: 'pro' }] },
    }),
    layouts: () => ({ name: unique('Layout'), html: '<html><body>{{ content }}</body></html>' }),
    snippets: () => ({ name: unique('footer'), value: '<p>Sent by Atrium</p>' }),
    collections: () => ({ name: unique('Products'), data: [{ sku: 'A1', price: 10 }] }),
    integrations: () => ({ name: unique('Slack'), type: 'slack', settings: { channel: '#growth' } }),
    webhooks: () => ({ name: unique('Hook'), url: 'https://example.com/hook', events: ['email_sent'] }),
    pipelines: () => ({ name: unique('Source'), direction: 'source', type: 'javascript' }),
  };
}

/** A small edit that any kind's body accepts. */
const edits: Record<string, Record<string, unknown>> = {
  campaigns: { description: 'edited' },
  broadcasts: { description: 'edited' },
  transactional: { description: 'edited' },
  'object-types': { description: 'edited' },
  objects: { attributes: { plan: 'team' } },
  segments: { description: 'edited' },
  layouts: { html: '<main>{{ content }}</main>' },
  snippets: { value: 'edited' },
  collections: { data: [] },
  integrations: { enabled: false },
  webhooks: { enabled: false },
  pipelines: { enabled: false },
};

export interface Fixtures {
  workspaceId: string;
  admin: Client;
  personCioId: string;
  objectTypeId: string;
  manualSegmentId: string;
  segmentId: string;
  audienceId: string;
  messageId: string;
  /** An existing item of each generic kind, by path. */
  items: Record<string, string>;
}

/** Creates an item as the Account Admin and answers its id. */
export async function make(f: Fixtures, path: string, body: unknown): Promise<string> {
  const reply = await f.admin.post(`/api/workspaces/${f.workspaceId}/${path}`, body);
  expect(reply.status, `${path}: ${JSON.stringify(reply.body)}`).toBe(201);
  return reply.body.id ?? reply.body.cioId;
}

export async function setUpFixtures(admin: Client, workspaceId: string): Promise<Fixtures> {
  const f = { admin, workspaceId, items: {} } as Fixtures;
  f.personCioId = await make(f, 'people', { email: uniqueEmail('fixture'), attributes: { plan: 'pro' } });
  f.objectTypeId = await make(f, 'object-types', { name: unique('Company') });
  const samples = sampleBodies(f);
  for (const [path, body] of Object.entries(samples)) f.items[path] = await make(f, path, body());
  f.segmentId = f.items.segments!;
  f.manualSegmentId = await make(f, 'segments', { name: unique('Manual'), type: 'manual' });
  const connected = await admin.put(`/api/workspaces/${workspaceId}/ad-audience-platforms/facebook`, {
    adAccountId: 'act_1',
  });
  expect(connected.status).toBe(200);
  f.audienceId = await make(f, `segments/${f.segmentId}/ad-audiences`, { platform: 'facebook' });
  const campaign = await admin.get(`/api/workspaces/${workspaceId}/campaigns/${f.items.campaigns}`);
  f.messageId = campaign.body.messages[0].id;
  return f;
}

/** The kinds served by the generic routes, and the four rows each of them answers. */
const crudKinds: Record<string, string> = {
  campaigns: 'campaigns',
  broadcasts: 'broadcasts',
  transactional: 'transactional',
  'object-types': 'object_types',
  objects: 'objects',
  segments: 'segments',
  layouts: 'layouts',
  snippets: 'snippets',
  collections: 'collections',
  integrations: 'integrations',
  pipelines: 'pipelines',
};

type ProbeFor = (f: Fixtures) => Promise<Probe> | Probe;

function crudProbes(): Record<string, ProbeFor> {
  const probes: Record<string, ProbeFor> = {};
  for (const [path, prefix] of Object.entries(crudKinds)) {
    const base = (f: Fixtures) => `/api/workspaces/${f.workspaceId}/${path}`;
    probes[`${prefix}.view`] = (f) => ({ method: 'GET', path: base(f) });
    probes[`${prefix}.create`] = (f) => ({ method: 'POST', path: base(f), body: sampleBodies(f)[path]!() });
    probes[`${prefix}.edit`] = (f) => ({
      method: 'PATCH',
      path: `${base(f)}/${f.items[path]}`,
      body: edits[path],
    });
    probes[`${prefix}.delete`] = async (f) => ({
      method: 'DELETE',
      path: `${base(f)}/${await make(f, path, sampleBodies(f)[path]!())}`,
    });
  }
  return probes;
}

const ws = (f: Fixtures, rest: string) => `/api/workspaces/${f.workspaceId}/${rest}`;

/** A fresh segment with a fresh Ad Audience, for the probes that use one up. */
async function freshAudience(f: Fixtures): Promise<{ segmentId: string; audienceId: string }> {
  const segmentId = await make(f, 'segments', sampleBodies(f).segments!());
  const audienceId = await make(f, `segments/${segmentId}/ad-audiences`, { platform: 'facebook' });
  return { segmentId, audienceId };
}

export const rowProbes: Record<string, ProbeFor> = {
  ...crudProbes(),
  'messages.send': (f) => ({ method: 'POST', path: ws(f, `messages/${f.messageId}/send-test`), body: {} }),
  'deliveries.view': (f) => ({ method: 'GET', path: ws(f, 'deliveries') }),
  'people.view': (f) => ({ method: 'GET', path: ws(f, 'people') }),
  'people.create': (f) => ({ method: 'POST', path: ws(f, 'people'), body: { email: uniqueEmail('probe') } }),
  'people.edit': (f) => ({
    method: 'PATCH',
    path: ws(f, `people/${f.personCioId}`),
    body: { attributes: { plan: 'pro' } },
  }),
  'people.delete': async (f) => ({
    method: 'DELETE',
    path: ws(f, `people/${await make(f, 'people', { email: uniqueEmail('doomed') })}`),
  }),
  'segments.import': (f) => ({
    method: 'POST',
    path: ws(f, `segments/${f.manualSegmentId}/import`),
    raw: `cio_id\n${f.personCioId}\n`,
    contentType: 'text/csv',
  }),
  'segments.ad_audience.view': (f) => ({
    method: 'GET',
    path: ws(f, `segments/${f.segmentId}/ad-audiences`),
  }),
  'segments.ad_audience.integrate': (f) => ({
    method: 'PUT',
    path: ws(f, 'ad-audience-platforms/google'),
    body: { adAccountId: unique('google') },
  }),
  'segments.ad_audience.create': async (f) => ({
    method: 'POST',
    path: ws(f, `segments/${await make(f, 'segments', sampleBodies(f).segments!())}/ad-audiences`),
    body: { platform: 'facebook' },
  }),
  'segments.ad_audience.pause': (f) => ({
    method: 'POST',
    path: ws(f, `segments/${f.segmentId}/ad-audiences/${f.audienceId}/pause`),
  }),
  'segments.ad_audience.resume': (f) => ({
    method: 'POST',
    path: ws(f, `segments/${f.segmentId}/ad-audiences/${f.audienceId}/resume`),
  }),
  'segments.ad_audience.delete': async (f) => {
    const { segmentId, audienceId } = await freshAudience(f);
    return { method: 'DELETE', path: ws(f, `segments/${segmentId}/ad-audiences/${audienceId}`) };
  },
  'activity_logs.view': (f) => ({ method: 'GET', path: ws(f, 'activity') }),
  'data_index.view': (f) => ({ method: 'GET', path: ws(f, 'data-index') }),
  'data_index.export': (f) => ({ method: 'GET', path: ws(f, 'data-index/export') }),
  'data.import': (f) => ({
    method: 'POST',
    path: ws(f, 'people/import?mode=create'),
    raw: `email\n${uniqueEmail('imported')}\n`,
    contentType: 'text/csv',
  }),
  'data.export': (f) => ({ method: 'GET', path: ws(f, 'people/export') }),
  'message_library.view': (f) => ({ method: 'GET', path: ws(f, 'message-library') }),
  'in_app_messages.view': (f) => ({ method: 'GET', path: ws(f, 'in-app-messages') }),
  'assets.view': (f) => ({ method: 'GET', path: ws(f, 'assets') }),
  'assets.upload': (f) => ({
    method: 'POST',
    path: ws(f, `assets?name=${unique('pixel')}.png`),
    raw: PNG,
    contentType: 'image/png',
  }),
  'assets.delete': async (f) => {
    const uploaded = await f.admin.post(ws(f, `assets?name=${unique('doomed')}.png`), undefined, {
      raw: PNG,
      headers: { 'content-type': 'image/png' },
    });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    return { method: 'DELETE', path: ws(f, `assets/${uploaded.body.id}`) };
  },
};

/** Sends a probe as a member. */
export function send(client: Client, probe: Probe) {
  return client.request(probe.method, probe.path, probe.body, {
    ...(probe.raw !== undefined && { raw: probe.raw, headers: { 'content-type': probe.contentType! } }),
  });
}
