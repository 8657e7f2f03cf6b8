import { type Static, type TObject, Type } from 'typebox';
import type { WorkspacePermission } from '../../access/catalog.js';
import { MASK } from '../../access/masking.js';
import type { Db } from '../../db/connection.js';
import { Id } from '../../http/schemas.js';
import { DomainError, type FieldError } from '../../shared/errors.js';
import type { ResourcePrefix } from '../../shared/ids.js';
import {
  Audience,
  type Conditions,
  Conditions as ConditionsSchema,
  conditionProblem,
  maskConditions,
  sameConditions,
} from './conditions.js';
import { Message, messageReferences, messagesProblem } from './messages-schema.js';
import { templateProblem } from './render-worker.js';
import { idsWhere, type ResourceRow } from './store.js';

/**
 * The workspace resources that the matrix rows guard, declared once each: their path, id prefix,
 * permissions, body schema and the other resources they refer to. One generic store, service and
 * set of routes serve them all (store.ts, service.ts, routes.ts); only what really differs is here.
 */

/** A reference from one resource to another, by id or (snippets in a template) by name. */
export interface Reference {
  kind: KindName;
  by: 'id' | 'name';
  value: string;
  /** JSON pointer into the body, e.g. `/messages/0/layoutId`. */
  path: string;
}

/**
 * Calls `resolve` for each reference of a body and answers the body with each id reference replaced
 * by what it returned (null clears it; a name reference stays in its text either way).
 */
export type ReferenceMapper<B> = (body: B, resolve: (ref: Reference) => string | null) => B;

export interface KindDefinition<B extends TObject = TObject> {
  /** Stored in resources.kind; also names the activity log entries (`campaign.created`). */
  kind: string;
  /** The URL segment under /api/workspaces/{wsId}/. */
  path: string;
  prefix: ResourcePrefix;
  /** A name for people: "Campaign". */
  label: string;
  body: B;
  permissions: {
    view: WorkspacePermission;
    create: WorkspacePermission;
    edit: WorkspacePermission;
    delete: WorkspacePermission;
  };
  /** The unique name of an item among its kind; defaults to its `name`. */
  nameOf?: (body: Static<B>) => string;
  references?: ReferenceMapper<Static<B>>;
  /** What a member with hidden attributes sees of a body. */
  masked?: (body: Static<B>) => Static<B>;
  /** May be copied to another workspace (product.md §3, Copy). */
  copyable?: boolean;
  /**
   * Which generic routes serve the kind: all (the default); read-delete, when it is created by a
   * route of its own (an asset upload); none, when it lives under another path (Ad Audiences).
   */
  routes?: 'all' | 'read-delete' | 'none';
  /** A copy whose name is taken in the target is renamed "… (copy)"; false refuses it instead. */
  renameOnCopy?: boolean;
  /** What a copy starts as (a sent broadcast's copy is a draft). */
  copied?: (body: Static<B>) => Static<B>;
  /** Body fields a list may be filtered on (system values, never attributes). */
  filters?: readonly string[];
  /** Permissions beyond the route's that this change needs (product.md §2's extra rules). */
  extraPermissions?: (before: Static<B> | null, after: Static<B>) => WorkspacePermission[];
  /** What the schema cannot say about a body. */
  validate?: (body: Static<B>) => FieldError | null;
  /**
   * Body fields holding free-form settings, in which every credential (a key isCredentialKey
   * names, at any depth) is write-only: read back masked, kept when a write leaves it out or sends
   * the mask back (credentials.ts).
   */
  credentials?: readonly (keyof Static<B> & string)[];
  /** Ids of items deleted along with this one; throws when the item must stay. */
  beforeDelete?: (tx: Db, workspaceId: string, row: ResourceRow) => Promise<string[]>;
}

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Description = Type.Optional(Type.String({ maxLength: 2000 }));
/**
 * Keys that name a credential in free-form settings, compared lower-case without separators, by
 * ending: apiKey, x-api-key, accessToken, client_secret, password, Authorization, privateKey …
 */
const credentialEndings = [
  'apikey',
  'token',
  'secret',
  'password',
  'passwd',
  'passphrase',
  'authorization',
  'privatekey',
  'credential',
  'credentials',
  'signingkey',
  'cookie',
];
export function isCredentialKey(key: string): boolean {
  const plain = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return plain === 'auth' || credentialEndings.some((ending) => plain.endsWith(ending));
}

const Settings = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), {
  maxProperties: 100,
  description:
    'Credentials in settings (keys such as apiKey, token, secret, password, Authorization, at any depth) are write-only: every read shows "••••" followed by their last 4 characters when they have 16 or more, else "••••". A write that leaves one out, or sends that masked value back, keeps the stored credential; null clears it.',
});

/** Maps the messages of a campaign, broadcast or transactional message. */
function withMessages<B extends { messages: Static<typeof Message>[] }>(
  body: B,
  resolve: (ref: Reference) => string | null,
): B {
  return {
    ...body,
    messages: body.messages.map((m, i) => messageReferences(m, `/messages/${i}`, resolve)),
  };
}

const idRef = (kind: KindName, value: string, path: string): Reference => ({ kind, by: 'id', value, path });

// ---- Journeys ---------------------------------------------------------------------------------------

const Trigger = Type.Union([
  Type.Object({ type: Type.Literal('segment'), segmentId: Id('seg') }, { additionalProperties: false }),
  Type.Object(
    { type: Type.Literal('event'), eventName: Type.String({ minLength: 1, maxLength: 150 }) },
    { additionalProperties: false },
  ),
  // Authors with hidden attributes may attach an existing webhook (product.md §2).
  Type.Object({ type: Type.Literal('webhook'), webhookId: Id('wh') }, { additionalProperties: false }),
  Type.Null(),
]);

const CampaignBody = Type.Object(
  {
    name: Name,
    description: Description,
    state: Type.Enum(['draft', 'running', 'paused', 'stopped'], { default: 'draft' }),
    trigger: Type.Optional(Trigger),
    messages: Type.Array(Message, { maxItems: 100, default: [] }),
  },
  { additionalProperties: false },
);

const campaigns: KindDefinition<typeof CampaignBody> = {
  kind: 'campaign',
  path: 'campaigns',
  prefix: 'cmp',
  label: 'Campaign',
  body: CampaignBody,
  permissions: {
    view: 'campaigns.view',
    create: 'campaigns.create',
    edit: 'campaigns.edit',
    delete: 'campaigns.delete',
  },
  copyable: true,
  copied: (body) => ({ ...body, state: 'draft' }),
  validate: messagesProblem,
  references: (body, resolve) => {
    const mapped = withMessages(body, resolve);
    const t = body.trigger;
    if (t?.type === 'segment') {
      const id = resolve(idRef('segments', t.segmentId, '/trigger/segmentId'));
      return { ...mapped, trigger: id ? { ...t, segmentId: id } : null };
    }
    if (t?.type === 'webhook') {
      const id = resolve(idRef('webhooks', t.webhookId, '/trigger/webhookId'));
      return { ...mapped, trigger: id ? { ...t, webhookId: id } : null };
    }
    return mapped;
  },
};

const BroadcastBody = Type.Object(
  {
    name: Name,
    description: Description,
    type: Type.Enum(['newsletter', 'api_triggered'], { default: 'newsletter' }),
    state: Type.Enum(['draft', 'sent'], { default: 'draft' }),
    audience: Type.Optional(Audience),
    messages: Type.Array(Message, { maxItems: 100, default: [] }),
  },
  { additionalProperties: false },
);

const broadcasts: KindDefinition<typeof BroadcastBody> = {
  kind: 'broadcast',
  path: 'broadcasts',
  prefix: 'bc',
  label: 'Broadcast',
  body: BroadcastBody,
  permissions: {
    view: 'broadcasts.view',
    create: 'broadcasts.create',
    edit: 'broadcasts.edit',
    delete: 'broadcasts.delete',
  },
  copyable: true,
  copied: (body) => ({ ...body, state: 'draft' }),
  references: (body, resolve) => {
    const mapped = withMessages(body, resolve);
    if (!body.audience) return mapped;
    const segmentIds = body.audience.segmentIds
      .map((id, i) => resolve(idRef('segments', id, `/audience/segmentIds/${i}`)))
      .filter((id): id is string => id !== null);
    return { ...mapped, audience: { ...body.audience, segmentIds } };
  },
  masked: (body) =>
    body.audience
      ? { ...body, audience: { ...body.audience, conditions: maskConditions(body.audience.conditions) } }
      : body,
  extraPermissions: (before, after) =>
    sameConditions(before?.audience?.conditions, after.audience?.conditions)
      ? []
      : ['broadcasts.conditions.edit'],
  validate: (body) =>
    messagesProblem(body) ?? conditionsProblem(body.audience?.conditions, '/audience/conditions'),
};

const TransactionalBody = Type.Object(
  {
    name: Name,
    description: Description,
    messages: Type.Array(Message, { maxItems: 10, default: [] }),
  },
  { additionalProperties: false },
);

const transactional: KindDefinition<typeof TransactionalBody> = {
  kind: 'transactional',
  path: 'transactional',
  prefix: 'tx',
  label: 'Transactional message',
  body: TransactionalBody,
  permissions: {
    view: 'transactional.view',
    create: 'transactional.create',
    edit: 'transactional.edit',
    delete: 'transactional.delete',
  },
  copyable: true,
  validate: messagesProblem,
  references: withMessages,
};

// ---- Objects ------------------------------------------------------------------------------------------

const ObjectTypeBody = Type.Object({ name: Name, description: Description }, { additionalProperties: false });

const objectTypes: KindDefinition<typeof ObjectTypeBody> = {
  kind: 'object_type',
  path: 'object-types',
  prefix: 'ot',
  label: 'Object type',
  body: ObjectTypeBody,
  permissions: {
    view: 'object_types.view',
    create: 'object_types.create',
    edit: 'object_types.edit',
    delete: 'object_types.delete',
  },
  beforeDelete: async (tx, workspaceId, row) => {
    const inUse = await idsWhere(tx, workspaceId, 'object', 'typeId', row.id);
    if (inUse.length > 0)
      throw new DomainError(
        'conflict',
        `The object type "${row.name}" still has ${inUse.length} object(s); delete them first`,
      );
    return [];
  },
};

const ObjectBody = Type.Object(
  {
    typeId: Id('ot'),
    objectId: Type.String({
      minLength: 1,
      maxLength: 150,
      description: 'The object’s own id within its type',
    }),
    attributes: Type.Record(Type.String({ maxLength: 150 }), Type.Unknown(), { default: {} }),
  },
  { additionalProperties: false },
);

const objects: KindDefinition<typeof ObjectBody> = {
  kind: 'object',
  path: 'objects',
  prefix: 'obj',
  label: 'Object',
  body: ObjectBody,
  permissions: {
    view: 'objects.view',
    create: 'objects.create',
    edit: 'objects.edit',
    delete: 'objects.delete',
  },
  nameOf: (body) => `${body.typeId}/${body.objectId}`,
  filters: ['typeId'],
  references: (body, resolve) => ({
    ...body,
    typeId: resolve(idRef('object-types', body.typeId, '/typeId')) ?? body.typeId,
  }),
  // The object's own id names someone's account or order as much as its attributes do.
  masked: (body) => ({
    ...body,
    objectId: MASK,
    attributes: Object.fromEntries(Object.keys(body.attributes).map((k) => [k, MASK])),
  }),
};

// ---- Segments -----------------------------------------------------------------------------------------

const SegmentBody = Type.Object(
  {
    name: Name,
    description: Description,
    type: Type.Enum(['data', 'manual'], {
      default: 'data',
      description: 'data: people matching the conditions; manual: people imported from a CSV',
    }),
    conditions: Type.Optional(ConditionsSchema),
  },
  { additionalProperties: false },
);

const segments: KindDefinition<typeof SegmentBody> = {
  kind: 'segment',
  path: 'segments',
  prefix: 'seg',
  label: 'Segment',
  body: SegmentBody,
  permissions: {
    view: 'segments.view',
    create: 'segments.create',
    edit: 'segments.edit',
    delete: 'segments.delete',
  },
  masked: (body) => ({ ...body, conditions: maskConditions(body.conditions) }),
  validate: (body) =>
    body.type === 'manual' && body.conditions
      ? { path: '/conditions', message: 'a manual segment has no conditions: import its people instead' }
      : conditionsProblem(body.conditions, '/conditions'),
  // Its Ad Audiences go with it.
  beforeDelete: (tx, workspaceId, row) => idsWhere(tx, workspaceId, 'ad_audience', 'segmentId', row.id),
};

function conditionsProblem(conditions: Conditions | undefined, path: string): FieldError | null {
  for (const [i, rule] of (conditions?.rules ?? []).entries()) {
    const problem = conditionProblem(rule);
    if (problem) return { path: `${path}/rules/${i}`, message: problem };
  }
  return null;
}

export const adPlatforms = ['facebook', 'google', 'linkedin'] as const;

const AdAudienceBody = Type.Object(
  {
    segmentId: Id('seg'),
    platform: Type.Enum(adPlatforms),
    state: Type.Enum(['active', 'paused'], { default: 'active' }),
  },
  { additionalProperties: false },
);

const adAudiences: KindDefinition<typeof AdAudienceBody> = {
  kind: 'ad_audience',
  path: 'ad-audiences',
  prefix: 'aud',
  label: 'Ad Audience',
  body: AdAudienceBody,
  permissions: {
    view: 'segments.ad_audience.view',
    create: 'segments.ad_audience.create',
    edit: 'segments.ad_audience.pause',
    delete: 'segments.ad_audience.delete',
  },
  nameOf: (body) => `${body.segmentId}/${body.platform}`,
  routes: 'none',
};

const AdPlatformBody = Type.Object(
  { platform: Type.Enum(adPlatforms), adAccountId: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

const adPlatformKind: KindDefinition<typeof AdPlatformBody> = {
  kind: 'ad_platform',
  path: 'ad-audience-platforms',
  prefix: 'adp',
  label: 'Ad platform',
  body: AdPlatformBody,
  permissions: {
    view: 'segments.ad_audience.view',
    create: 'segments.ad_audience.integrate',
    edit: 'segments.ad_audience.integrate',
    delete: 'segments.ad_audience.integrate',
  },
  nameOf: (body) => body.platform,
  routes: 'none',
};

// ---- Content -----------------------------------------------------------------------------------------

const AssetBody = Type.Object(
  {
    name: Name,
    contentType: Type.String(),
    size: Type.Integer({ minimum: 0 }),
    sha256: Type.String(),
  },
  { additionalProperties: false },
);

const assets: KindDefinition<typeof AssetBody> = {
  kind: 'asset',
  path: 'assets',
  prefix: 'ast',
  label: 'Asset',
  body: AssetBody,
  permissions: {
    view: 'assets.view',
    create: 'assets.upload',
    edit: 'assets.upload',
    delete: 'assets.delete',
  },
  routes: 'read-delete',
};

const LayoutBody = Type.Object(
  {
    name: Name,
    html: Type.String({
      maxLength: 500_000,
      pattern: '\\{\\{\\s*content\\s*\\}\\}',
      description: 'The message goes where {{ content }} is',
    }),
  },
  { additionalProperties: false },
);

const layouts: KindDefinition<typeof LayoutBody> = {
  kind: 'layout',
  path: 'layouts',
  prefix: 'lay',
  label: 'Email layout',
  body: LayoutBody,
  permissions: {
    view: 'layouts.view',
    create: 'layouts.create',
    edit: 'layouts.edit',
    delete: 'layouts.delete',
  },
  copyable: true,
  validate: (body) => liquidProblem('/html', body.html),
};

const SnippetBody = Type.Object(
  {
    name: Type.String({
      pattern: '^[A-Za-z0-9_]{1,100}$',
      description: 'Used in messages as {{ snippets.<name> }}',
    }),
    value: Type.String({ maxLength: 100_000 }),
  },
  { additionalProperties: false },
);

const snippets: KindDefinition<typeof SnippetBody> = {
  kind: 'snippet',
  path: 'snippets',
  prefix: 'snp',
  label: 'Snippet',
  body: SnippetBody,
  permissions: {
    view: 'snippets.view',
    create: 'snippets.create',
    edit: 'snippets.edit',
    delete: 'snippets.delete',
  },
  copyable: true,
  // Messages name a snippet in their text: a copy under another name would not be the same snippet.
  renameOnCopy: false,
  validate: (body) => liquidProblem('/value', body.value),
};

/** A layout or a snippet is Liquid pasted into messages: it must parse on its own. */
function liquidProblem(path: string, text: string): FieldError | null {
  const problem = templateProblem(text);
  return problem ? { path, message: `not a valid template: ${problem}` } : null;
}

const CollectionBody = Type.Object(
  {
    name: Name,
    data: Type.Array(Type.Record(Type.String({ maxLength: 150 }), Type.Unknown()), {
      maxItems: 10_000,
      description: 'The data set: a list of JSON objects, used in messages',
    }),
  },
  { additionalProperties: false },
);

const collections: KindDefinition<typeof CollectionBody> = {
  kind: 'collection',
  path: 'collections',
  prefix: 'col',
  label: 'Collection',
  body: CollectionBody,
  permissions: {
    view: 'collections.view',
    create: 'collections.create',
    edit: 'collections.edit',
    delete: 'collections.delete',
  },
};

// ---- Data & Integrations, Data Pipelines ---------------------------------------------------------

const IntegrationBody = Type.Object(
  {
    name: Name,
    type: Type.String({ minLength: 1, maxLength: 50, description: 'e.g. slack, salesforce, zapier' }),
    settings: Type.Optional(Settings),
    enabled: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
);

const integrations: KindDefinition<typeof IntegrationBody> = {
  kind: 'integration',
  path: 'integrations',
  prefix: 'int',
  label: 'Integration',
  body: IntegrationBody,
  permissions: {
    view: 'integrations.view',
    create: 'integrations.create',
    edit: 'integrations.edit',
    delete: 'integrations.delete',
  },
  credentials: ['settings'],
};

const WebhookBody = Type.Object(
  {
    name: Name,
    url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }),
    events: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50, default: [] }),
    enabled: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
);

/** Webhooks are integrations: the matrix's Integrations rows guard them (Workspace Admins only). */
const webhooks: KindDefinition<typeof WebhookBody> = {
  kind: 'webhook',
  path: 'webhooks',
  prefix: 'wh',
  label: 'Webhook',
  body: WebhookBody,
  permissions: integrations.permissions,
};

const PipelineBody = Type.Object(
  {
    name: Name,
    direction: Type.Enum(['source', 'destination']),
    type: Type.String({ minLength: 1, maxLength: 50, description: 'e.g. javascript, http, bigquery' }),
    settings: Type.Optional(Settings),
    enabled: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
);

const pipelines: KindDefinition<typeof PipelineBody> = {
  kind: 'pipeline',
  path: 'pipelines',
  prefix: 'pip',
  label: 'Source or destination',
  body: PipelineBody,
  permissions: {
    view: 'pipelines.view',
    create: 'pipelines.create',
    edit: 'pipelines.edit',
    delete: 'pipelines.delete',
  },
  credentials: ['settings'],
};

export const kinds = {
  campaigns,
  broadcasts,
  transactional,
  'object-types': objectTypes,
  objects,
  segments,
  'ad-audiences': adAudiences,
  'ad-audience-platforms': adPlatformKind,
  assets,
  layouts,
  snippets,
  collections,
  integrations,
  webhooks,
  pipelines,
} as const satisfies Record<string, KindDefinition<TObject>>;

export type KindName = keyof typeof kinds;
export type Kind = (typeof kinds)[KindName];
export type BodyOf<K extends KindName> = Static<(typeof kinds)[K]['body']>;

/** Every kind, loosely typed, for the generic code that treats them alike. */
export const allKinds: readonly KindDefinition[] = Object.values(kinds) as unknown as KindDefinition[];

export const kindByStoredName: ReadonlyMap<string, KindDefinition> = new Map(
  allKinds.map((k) => [k.kind, k]),
);
