import { Type } from 'typebox';
import { MASK } from '../../../access/masking.js';
import { Id } from '../../../http/schemas.js';
import { DomainError } from '../../../shared/errors.js';
import { numberNewObjectType } from '../../track/object-type-numbers.js';
import { idsWhere } from '../store.js';
import { Description, idRef, type KindDefinition, Name } from './definition.js';
import { col } from './presentation.js';

/** Data & Integrations: object types and objects, integrations, webhooks, pipelines. */

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
  title: 'Settings',
  description:
    'Credentials in settings (keys such as apiKey, token, secret, password, Authorization, at any depth) are write-only: every read shows "••••" followed by their last 4 characters when they have 16 or more, else "••••". A write that leaves one out, or sends that masked value back, keeps the stored credential; null clears it.',
});

const Enabled = Type.Boolean({ default: true, title: 'Enabled' });

const ObjectTypeBody = Type.Object({ name: Name, description: Description }, { additionalProperties: false });

export const objectTypes: KindDefinition<typeof ObjectTypeBody> = {
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
  presentation: {
    plural: 'Object types',
    group: 'Data',
    description:
      'An object type is a kind of thing your people relate to, such as companies or accounts. Create a type before its objects.',
    columns: [col('Description', 'description')],
  },
  // Its Track API number (Customer.io's object_type_id), given once, in creation order.
  afterCreate: (tx, workspaceId, row) => numberNewObjectType(tx, workspaceId, row.id),
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
    typeId: Id('ot', { title: 'Object type' }),
    objectId: Type.String({
      minLength: 1,
      maxLength: 150,
      title: 'Object id',
      description: 'The object’s own id within its type',
    }),
    attributes: Type.Record(Type.String({ maxLength: 150 }), Type.Unknown(), {
      default: {},
      title: 'Attributes',
    }),
  },
  { additionalProperties: false },
);

export const objects: KindDefinition<typeof ObjectBody> = {
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
  presentation: {
    plural: 'Objects',
    group: 'Data',
    description: 'An object is one company, account or other thing of an object type, with its attributes.',
    title: { label: 'Object id', field: 'objectId' },
    columns: [col('Type', 'typeId', 'code'), col('Attributes', 'attributes', 'count')],
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

const IntegrationBody = Type.Object(
  {
    name: Name,
    type: Type.String({
      minLength: 1,
      maxLength: 50,
      title: 'Type',
      description: 'e.g. slack, salesforce, zapier',
    }),
    settings: Type.Optional(Settings),
    enabled: Enabled,
  },
  { additionalProperties: false },
);

export const integrations: KindDefinition<typeof IntegrationBody> = {
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
  presentation: {
    plural: 'Integrations',
    group: 'Data',
    description:
      'An integration connects this workspace to another service, such as Slack or Salesforce. Its keys and tokens are never shown again once saved.',
    columns: [col('Type', 'type', 'badge'), col('Enabled', 'enabled', 'switch')],
  },
  credentials: ['settings'],
};

const WebhookBody = Type.Object(
  {
    name: Name,
    url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000, title: 'URL' }),
    events: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
      maxItems: 50,
      default: [],
      title: 'Events',
      description: 'The events that call it',
    }),
    enabled: Enabled,
  },
  { additionalProperties: false },
);

/** Webhooks are integrations: the matrix's Integrations rows guard them (Workspace Admins only). */
export const webhooks: KindDefinition<typeof WebhookBody> = {
  kind: 'webhook',
  path: 'webhooks',
  prefix: 'wh',
  label: 'Webhook',
  body: WebhookBody,
  permissions: integrations.permissions,
  presentation: {
    plural: 'Webhooks',
    group: 'Data',
    description: 'A webhook calls an address of yours when events happen, and can start a campaign.',
    columns: [col('URL', 'url', 'code'), col('Enabled', 'enabled', 'switch')],
  },
};

const PipelineBody = Type.Object(
  {
    name: Name,
    direction: Type.Enum(['source', 'destination'], { title: 'Direction' }),
    type: Type.String({
      minLength: 1,
      maxLength: 50,
      title: 'Type',
      description: 'e.g. javascript, http, bigquery',
    }),
    settings: Type.Optional(Settings),
    enabled: Enabled,
  },
  { additionalProperties: false },
);

export const pipelines: KindDefinition<typeof PipelineBody> = {
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
  presentation: {
    plural: 'Pipelines',
    group: 'Data',
    description:
      'A pipeline brings data in from a source (your website, your app) or sends it on to a destination (a data warehouse).',
    columns: [
      col('Direction', 'direction', 'badge'),
      col('Type', 'type'),
      col('Enabled', 'enabled', 'switch'),
    ],
  },
  credentials: ['settings'],
};
