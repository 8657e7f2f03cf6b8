/**
 * The workspace resources of the console's Journeys, Data and Content areas, declared once each:
 * where they live in the API, what the matrix calls their permissions, what their list shows and
 * which actions apply. One generic page (pages/Resources.tsx) and the navigation (Shell.tsx) are
 * driven by these entries; the API's own declaration is src/features/content/kinds.ts.
 */

import { get } from './api';

/** An item as the API answers it: its id, its body's fields, and (most kinds) who made it and when. */
export interface ResourceItem {
  id: string;
  [field: string]: unknown;
}

export interface Page {
  items: ResourceItem[];
  /** Absent for the read-only libraries, which answer in one page. */
  nextCursor?: string | null;
}

export interface MissingReference {
  kind: string;
  by: 'id' | 'name';
  value: string;
  name: string | null;
  path: string;
}

export interface CopyResult {
  item: ResourceItem;
  missingReferences: MissingReference[];
}

export interface Column {
  label: string;
  value: (item: ResourceItem) => string;
  /** Shown as a badge (a state, a type). */
  badge?: boolean;
  /** Shown in a monospaced font (ids, URLs). */
  mono?: boolean;
}

export type Group = 'Journeys' | 'Data' | 'Content';

export interface ResourceKind {
  /** The segment under /api/workspaces/{id}/, and the console's page at /resources/{path}. */
  path: string;
  /** Plural, for the navigation and the page title. */
  label: string;
  /** One of them, lower case, for buttons and messages ("Create campaign"). */
  singular: string;
  group: Group;
  /**
   * Matrix keys (src/access/matrix.generated.ts); an action without its key does not apply.
   * `send` guards sending the item's messages (see `send`).
   */
  permissions: { view: string; create?: string; edit?: string; delete?: string; send?: string };
  /** The first column: the item's name by default. */
  title?: { label: string; value: (item: ResourceItem) => string };
  /** The kind-specific columns between the title and the audit columns. */
  columns: Column[];
  /** Which audit columns the items have (default both). */
  audit?: { createdBy: boolean; updatedAt: boolean };
  /** The body fields PATCH accepts: the edit modal's JSON is the item's values of these. */
  fields?: readonly string[];
  /** The create modal's starting body; a function when it needs the workspace (an object's type). */
  sample?: Record<string, unknown> | ((workspaceId: string) => Promise<Record<string, unknown>>);
  /** POST …/{id}/copy applies (create permission needed in the target workspace). */
  copy?: boolean;
  /** Created by uploading a file (assets) rather than from a JSON body. */
  upload?: { accept: readonly string[] };
  /** Messages that POST messages/{id}/preview renders. */
  preview?: boolean;
  /**
   * Sending, guarded by `permissions.send`: `segment`, the item is sent to a segment by
   * POST …/{id}/send as a job (broadcasts); `test`, each email message of its `messages` is
   * test-sent by POST messages/{messageId}/send-test.
   */
  send?: { segment?: boolean; test?: boolean };
  /** A query parameter the list may be narrowed by. */
  filter?: { param: string; label: string; values: readonly string[] };
}

// ---- reading loosely typed item fields -----------------------------------------------------------

export const text = (value: unknown): string =>
  value === undefined || value === null || value === '' ? '—' : String(value);
const count = (value: unknown): string => (Array.isArray(value) ? String(value.length) : '—');
const field =
  (name: string): Column['value'] =>
  (item) =>
    text(item[name]);
/** The four matrix rows of a resource: `<resource>.view`, `.create`, `.edit`, `.delete`. */
const crud = (resource: string) => ({
  view: `${resource}.view`,
  create: `${resource}.create`,
  edit: `${resource}.edit`,
  delete: `${resource}.delete`,
});
const enabled: Column = { label: 'Enabled', value: (i) => (i.enabled === false ? 'off' : 'on'), badge: true };
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

function channels(item: ResourceItem): string {
  const messages = Array.isArray(item.messages) ? item.messages : [];
  const set = new Set(messages.map((m) => text(record(m).channel)));
  return set.size === 0 ? '—' : [...set].join(', ');
}

function trigger(item: ResourceItem): string {
  const t = record(item.trigger);
  if (t.type === 'event') return `event ${text(t.eventName)}`;
  if (t.type === 'segment') return 'segment';
  if (t.type === 'webhook') return 'webhook';
  return '—';
}

function size(value: unknown): string {
  if (typeof value !== 'number') return '—';
  if (value < 1024) return `${value} B`;
  if (value < 1024 * 1024) return `${(value / 1024).toFixed(1)} KB`;
  return `${(value / 1024 / 1024).toFixed(1)} MB`;
}

const sampleMessage = {
  name: 'Email 1',
  channel: 'email',
  subject: 'Welcome, {{ customer.first_name }}',
  body: '<p>Thanks for joining us.</p>',
};

/** An email message of an item's `messages`, as a test send names it. */
export interface EmailMessage {
  id: string;
  name: string;
  subject: string;
}

/** The saved email messages of an item (campaigns, broadcasts, transactional messages). */
export function emailMessages(item: ResourceItem): EmailMessage[] {
  const messages = Array.isArray(item.messages) ? item.messages.map(record) : [];
  return messages
    .filter((m) => m.channel === 'email' && typeof m.id === 'string')
    .map((m) => ({ id: String(m.id), name: text(m.name), subject: text(m.subject) }));
}

const messageColumns: Column[] = [
  { label: 'Channel', value: field('channel'), badge: true },
  { label: 'Subject', value: field('subject') },
  {
    label: 'Used in',
    value: (i) => {
      const s = record(i.source);
      return `${text(s.kind)}: ${text(s.name)}`;
    },
  },
];

// ---- the kinds ------------------------------------------------------------------------------------

export const resourceKinds: readonly ResourceKind[] = [
  {
    path: 'campaigns',
    label: 'Campaigns',
    singular: 'campaign',
    group: 'Journeys',
    permissions: { ...crud('campaigns'), send: 'messages.send' },
    columns: [
      { label: 'State', value: field('state'), badge: true },
      { label: 'Trigger', value: trigger },
      { label: 'Messages', value: (i) => count(i.messages) },
    ],
    fields: ['name', 'description', 'state', 'trigger', 'messages'],
    sample: {
      name: 'Welcome series',
      description: 'Greets people when they sign up',
      state: 'draft',
      trigger: { type: 'event', eventName: 'signed_up' },
      messages: [sampleMessage],
    },
    copy: true,
    send: { test: true },
  },
  {
    path: 'broadcasts',
    label: 'Broadcasts',
    singular: 'broadcast',
    group: 'Journeys',
    permissions: { ...crud('broadcasts'), send: 'messages.send' },
    columns: [
      { label: 'Type', value: field('type'), badge: true },
      { label: 'State', value: field('state'), badge: true },
      { label: 'Channels', value: channels },
    ],
    fields: ['name', 'description', 'type', 'state', 'audience', 'messages'],
    sample: {
      name: 'Monthly newsletter',
      type: 'newsletter',
      audience: { segmentIds: [] },
      messages: [{ ...sampleMessage, subject: 'What is new this month' }],
    },
    copy: true,
    send: { segment: true, test: true },
  },
  {
    path: 'transactional',
    label: 'Transactional',
    singular: 'transactional message',
    group: 'Journeys',
    permissions: { ...crud('transactional'), send: 'messages.send' },
    columns: [
      { label: 'Channels', value: channels },
      { label: 'Messages', value: (i) => count(i.messages) },
    ],
    fields: ['name', 'description', 'messages'],
    sample: {
      name: 'Password reset',
      messages: [{ ...sampleMessage, name: 'Reset link', subject: 'Reset your password' }],
    },
    copy: true,
    send: { test: true },
  },
  {
    path: 'segments',
    label: 'Segments',
    singular: 'segment',
    group: 'Journeys',
    permissions: crud('segments'),
    columns: [
      { label: 'Type', value: field('type'), badge: true },
      { label: 'People', value: field('count') },
    ],
    fields: ['name', 'description', 'type', 'conditions'],
    sample: {
      name: 'Premium customers',
      type: 'data',
      conditions: { match: 'all', rules: [{ attribute: 'plan', operator: 'eq', value: 'premium' }] },
    },
  },
  {
    path: 'deliveries',
    label: 'Deliveries & drafts',
    singular: 'delivery',
    group: 'Journeys',
    permissions: { view: 'deliveries.view' },
    title: { label: 'Recipient', value: (i) => text(i.recipient ?? i.cioId) },
    columns: [
      { label: 'Subject', value: field('subject') },
      { label: 'State', value: field('state'), badge: true },
      { label: 'Reason', value: field('reason') },
      { label: 'Opens / clicks', value: (i) => `${text(i.opens)} / ${text(i.clicks)}` },
    ],
    audit: { createdBy: false, updatedAt: true },
    filter: {
      param: 'state',
      label: 'State',
      values: ['draft', 'queued', 'sent', 'failed', 'suppressed', 'captured'],
    },
  },
  {
    path: 'object-types',
    label: 'Object types',
    singular: 'object type',
    group: 'Data',
    permissions: crud('object_types'),
    columns: [{ label: 'Description', value: field('description') }],
    fields: ['name', 'description'],
    sample: { name: 'Company', description: 'Accounts our people belong to' },
  },
  {
    path: 'objects',
    label: 'Objects',
    singular: 'object',
    group: 'Data',
    permissions: crud('objects'),
    title: { label: 'Object id', value: field('objectId') },
    columns: [
      { label: 'Type', value: field('typeId'), mono: true },
      { label: 'Attributes', value: (i) => String(Object.keys(record(i.attributes)).length) },
    ],
    fields: ['typeId', 'objectId', 'attributes'],
    // An object belongs to a type of this workspace: the first one, when there is one.
    sample: async (workspaceId) => {
      const types = await get<Page>(`/api/workspaces/${workspaceId}/object-types?limit=1`);
      return {
        typeId: types.items[0]?.id ?? 'ot_… (create an object type first)',
        objectId: 'acme',
        attributes: { name: 'Acme Inc.', plan: 'enterprise' },
      };
    },
  },
  {
    path: 'integrations',
    label: 'Integrations',
    singular: 'integration',
    group: 'Data',
    permissions: crud('integrations'),
    columns: [{ label: 'Type', value: field('type'), badge: true }, enabled],
    fields: ['name', 'type', 'settings', 'enabled'],
    sample: { name: 'Slack alerts', type: 'slack', settings: { channel: '#alerts' }, enabled: true },
  },
  {
    path: 'webhooks',
    label: 'Webhooks',
    singular: 'webhook',
    group: 'Data',
    // Webhooks are integrations: the matrix's Integrations rows guard them.
    permissions: crud('integrations'),
    columns: [{ label: 'URL', value: field('url'), mono: true }, enabled],
    fields: ['name', 'url', 'events', 'enabled'],
    sample: {
      name: 'Orders',
      url: 'https://example.com/hooks/orders',
      events: ['purchase'],
      enabled: true,
    },
  },
  {
    path: 'pipelines',
    label: 'Pipelines',
    singular: 'source or destination',
    group: 'Data',
    permissions: crud('pipelines'),
    columns: [
      { label: 'Direction', value: field('direction'), badge: true },
      { label: 'Type', value: field('type') },
      enabled,
    ],
    fields: ['name', 'direction', 'type', 'settings', 'enabled'],
    sample: { name: 'Website', direction: 'source', type: 'javascript', settings: {}, enabled: true },
  },
  {
    path: 'layouts',
    label: 'Layouts',
    singular: 'layout',
    group: 'Content',
    permissions: crud('layouts'),
    columns: [{ label: 'HTML', value: (i) => size(typeof i.html === 'string' ? i.html.length : null) }],
    fields: ['name', 'html'],
    sample: { name: 'Brand', html: '<html><body><main>{{ content }}</main></body></html>' },
    copy: true,
  },
  {
    path: 'snippets',
    label: 'Snippets',
    singular: 'snippet',
    group: 'Content',
    permissions: crud('snippets'),
    columns: [
      { label: 'Use as', value: (i) => `{{ snippets.${text(i.name)} }}`, mono: true },
      {
        label: 'Value',
        value: (i) => {
          const v = text(i.value);
          return v.length > 60 ? `${v.slice(0, 60)}…` : v;
        },
      },
    ],
    fields: ['name', 'value'],
    sample: { name: 'footer', value: '<p>Acme Inc., 1 Main Street</p>' },
    copy: true,
  },
  {
    path: 'collections',
    label: 'Collections',
    singular: 'collection',
    group: 'Content',
    permissions: crud('collections'),
    columns: [{ label: 'Rows', value: (i) => count(i.data) }],
    fields: ['name', 'data'],
    sample: {
      name: 'Products',
      data: [
        { sku: 'MUG-1', name: 'Mug', price: 12 },
        { sku: 'TEE-1', name: 'T-shirt', price: 25 },
      ],
    },
  },
  {
    path: 'assets',
    label: 'Assets',
    singular: 'asset',
    group: 'Content',
    // Uploading is its create; assets are not edited.
    permissions: { view: 'assets.view', create: 'assets.upload', delete: 'assets.delete' },
    columns: [
      { label: 'Type', value: field('contentType'), badge: true },
      { label: 'Size', value: (i) => size(i.size) },
    ],
    upload: { accept: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] },
  },
  {
    path: 'message-library',
    label: 'Message library',
    singular: 'message',
    group: 'Content',
    permissions: { view: 'message_library.view' },
    columns: messageColumns,
    audit: { createdBy: false, updatedAt: true },
    preview: true,
  },
  {
    path: 'in-app-messages',
    label: 'In-app messages',
    singular: 'in-app message',
    group: 'Content',
    permissions: { view: 'in_app_messages.view' },
    columns: messageColumns,
    audit: { createdBy: false, updatedAt: true },
  },
];

export const resourceGroups: readonly Group[] = ['Journeys', 'Data', 'Content'];

/** The console page of a kind. */
export const resourceRoute = (kind: ResourceKind) => `/resources/${kind.path}`;

/** The body the edit modal starts from: the item's values of the fields PATCH accepts. */
export function editableBody(kind: ResourceKind, item: ResourceItem): Record<string, unknown> {
  return Object.fromEntries((kind.fields ?? []).filter((f) => f in item).map((f) => [f, item[f]]));
}

/** The fields of `next` that differ from `before` (a PATCH replaces only what it names). */
export function changedFields(
  before: Record<string, unknown>,
  next: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(next).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])),
  );
}
