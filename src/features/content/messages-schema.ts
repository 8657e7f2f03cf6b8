import { type Static, Type } from 'typebox';
import { Id } from '../../http/schemas.js';
import { type FieldError, invalid } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { Reference } from './kinds.js';
import { templateProblem } from './render-worker.js';

/** One message of a campaign, broadcast or transactional message; its id is given by the server. */
export const Message = Type.Object(
  {
    id: Type.Optional(Id('mg')),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    channel: Type.Enum(['email', 'push', 'sms', 'in_app', 'webhook']),
    subject: Type.String({ maxLength: 998, default: '' }),
    body: Type.String({
      maxLength: 500_000,
      description: 'Liquid: {{ customer.<attribute> }}, {{ snippets.<name> }}; values are HTML-escaped',
    }),
    layoutId: Type.Optional(Type.Union([Id('lay'), Type.Null()])),
    url: Type.Optional(
      Type.String({
        format: 'uri',
        pattern: '^https?://',
        maxLength: 2000,
        description: 'Webhook channel: where the rendered body is POSTed',
      }),
    ),
    openTracking: Type.Boolean({ default: true, description: 'The workspace’s setting wins when it is off' }),
  },
  { additionalProperties: false },
);
export type Message = Static<typeof Message>;

const SNIPPET = /\{\{\s*snippets\.([A-Za-z0-9_]+)\s*\}\}/g;

/** A message's references: its layout by id, the snippets its subject and body use by name. */
export function messageReferences(
  message: Message,
  path: string,
  resolve: (ref: Reference) => string | null,
): Message {
  for (const field of ['subject', 'body'] as const) {
    for (const [, name] of message[field].matchAll(SNIPPET))
      resolve({ kind: 'snippets', by: 'name', value: name!, path: `${path}/${field}` });
  }
  if (!message.layoutId) return message;
  return {
    ...message,
    layoutId: resolve({ kind: 'layouts', by: 'id', value: message.layoutId, path: `${path}/layoutId` }),
  };
}

/** The body with its messages' ids left out: a copy's messages are new ones. */
export function withoutMessageIds<B extends Record<string, unknown>>(body: B): B {
  if (!Array.isArray(body.messages)) return body;
  return { ...body, messages: (body.messages as Message[]).map(({ id: _, ...m }) => m) };
}

/**
 * Gives each message of a body its id: a new message gets a fresh one; a message that names an id
 * keeps it only if it is one of this item's own.
 */
export function withMessageIds<B extends Record<string, unknown>>(
  body: B,
  before: Record<string, unknown> | null,
): B {
  if (!Array.isArray(body.messages)) return body;
  const own = new Set(Array.isArray(before?.messages) ? (before.messages as Message[]).map((m) => m.id) : []);
  const seen = new Set<string>();
  const messages = (body.messages as Message[]).map((m, i) => {
    if (!m.id) return { ...m, id: newId('mg') };
    if (!own.has(m.id) || seen.has(m.id))
      throw invalid(`/messages/${i}/id`, `${m.id} is not a message of this item; leave id out to add one`);
    seen.add(m.id);
    return m;
  });
  return { ...body, messages };
}

/**
 * What the schema cannot say about a body's messages: a webhook needs its URL; a subject and a
 * body must be valid Liquid (parsed only, which is cheap within liquidjs's parseLimit).
 */
export function messagesProblem(body: { messages: Message[] }): FieldError | null {
  const i = body.messages.findIndex((m) => m.channel === 'webhook' && !m.url);
  if (i !== -1) return { path: `/messages/${i}/url`, message: 'a webhook message needs the url it posts to' };
  for (const [i, m] of body.messages.entries())
    for (const field of ['subject', 'body'] as const) {
      const problem = templateProblem(m[field]);
      if (problem) return { path: `/messages/${i}/${field}`, message: `not a valid template: ${problem}` };
    }
  return null;
}
