import { type Static, Type } from 'typebox';
import { Id } from '../../../http/schemas.js';
import type { FieldError } from '../../../shared/errors.js';
import {
  Audience,
  type Conditions,
  Conditions as ConditionsSchema,
  conditionProblem,
  maskConditions,
  sameConditions,
} from '../conditions.js';
import { Message, messageReferences, messagesProblem } from '../messages-schema.js';
import { idsWhere } from '../store.js';
import { Description, idRef, type KindDefinition, Name, type Reference } from './definition.js';
import { col } from './presentation.js';

/** Journeys: campaigns, broadcasts, transactional messages, segments and their Ad Audiences. */

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

function conditionsProblem(conditions: Conditions | undefined, path: string): FieldError | null {
  for (const [i, rule] of (conditions?.rules ?? []).entries()) {
    const problem = conditionProblem(rule);
    if (problem) return { path: `${path}/rules/${i}`, message: problem };
  }
  return null;
}

const Messages = (maxItems: number) => Type.Array(Message, { maxItems, default: [], title: 'Messages' });

const Trigger = Type.Union(
  [
    Type.Object(
      { type: Type.Literal('segment'), segmentId: Id('seg', { title: 'Segment' }) },
      { additionalProperties: false, title: 'When someone joins a segment' },
    ),
    Type.Object(
      { type: Type.Literal('event'), eventName: Type.String({ minLength: 1, maxLength: 150 }) },
      { additionalProperties: false, title: 'When someone performs an event' },
    ),
    // Authors with hidden attributes may attach an existing webhook (product.md §2).
    Type.Object(
      { type: Type.Literal('webhook'), webhookId: Id('wh', { title: 'Webhook' }) },
      { additionalProperties: false, title: 'When a webhook is called' },
    ),
    Type.Null(),
  ],
  { title: 'Trigger', description: 'What starts the campaign for a person' },
);

const CampaignBody = Type.Object(
  {
    name: Name,
    description: Description,
    state: Type.Enum(['draft', 'running', 'paused', 'stopped'], { default: 'draft', title: 'State' }),
    trigger: Type.Optional(Trigger),
    messages: Messages(100),
  },
  { additionalProperties: false },
);

const messageColumns = [
  col('Channels', 'messages.*.channel', 'distinct'),
  col('Messages', 'messages', 'count'),
];

export const campaigns: KindDefinition<typeof CampaignBody> = {
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
  presentation: {
    plural: 'Campaigns',
    group: 'Journeys',
    description:
      'A campaign sends its messages to each person when something happens: they join a segment, perform an event, or a webhook is called.',
    columns: [col('State', 'state', 'badge'), col('Trigger', 'trigger.type', 'badge'), ...messageColumns],
    sends: ['test'],
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
    type: Type.Enum(['newsletter', 'api_triggered'], {
      default: 'newsletter',
      title: 'Type',
      description: 'A newsletter is sent once; an API-triggered broadcast each time your app asks',
    }),
    state: Type.Enum(['draft', 'sent'], { default: 'draft', title: 'State' }),
    audience: Type.Optional(Audience),
    messages: Messages(100),
  },
  { additionalProperties: false },
);

export const broadcasts: KindDefinition<typeof BroadcastBody> = {
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
  presentation: {
    plural: 'Broadcasts',
    group: 'Journeys',
    description:
      'A broadcast sends its messages once to everyone in an audience: a newsletter, an announcement.',
    columns: [col('Type', 'type', 'badge'), col('State', 'state', 'badge'), messageColumns[0]!],
    sends: ['audience', 'test'],
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
  { name: Name, description: Description, messages: Messages(10) },
  { additionalProperties: false },
);

export const transactional: KindDefinition<typeof TransactionalBody> = {
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
  presentation: {
    plural: 'Transactional',
    group: 'Journeys',
    description:
      'A transactional message is sent by your app to one person at a time: a receipt, a password reset.',
    columns: messageColumns,
    sends: ['test'],
  },
  copyable: true,
  validate: messagesProblem,
  references: withMessages,
};

const SegmentBody = Type.Object(
  {
    name: Name,
    description: Description,
    type: Type.Enum(['data', 'manual'], {
      default: 'data',
      title: 'Type',
      description: 'data: people matching the conditions; manual: people imported from a CSV',
    }),
    conditions: Type.Optional(ConditionsSchema),
  },
  { additionalProperties: false },
);

export const segments: KindDefinition<typeof SegmentBody> = {
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
  presentation: {
    plural: 'Segments',
    group: 'Journeys',
    description:
      'A segment is a group of people: those matching its conditions, or those you import. Campaigns and broadcasts are sent to segments.',
    columns: [col('Type', 'type', 'badge'), col('People', 'count')],
  },
  masked: (body) => ({ ...body, conditions: maskConditions(body.conditions) }),
  validate: (body) =>
    body.type === 'manual' && body.conditions
      ? { path: '/conditions', message: 'a manual segment has no conditions: import its people instead' }
      : conditionsProblem(body.conditions, '/conditions'),
  // Its Ad Audiences go with it.
  beforeDelete: (tx, workspaceId, row) => idsWhere(tx, workspaceId, 'ad_audience', 'segmentId', row.id),
};

export const adPlatforms = ['facebook', 'google', 'linkedin'] as const;

const AdAudienceBody = Type.Object(
  {
    segmentId: Id('seg'),
    platform: Type.Enum(adPlatforms),
    state: Type.Enum(['active', 'paused'], { default: 'active' }),
  },
  { additionalProperties: false },
);

/** Ad Audiences have a screen of their own (under their segment): no generic routes. */
export const adAudiences: KindDefinition<typeof AdAudienceBody> = {
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

export const adPlatformKind: KindDefinition<typeof AdPlatformBody> = {
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
