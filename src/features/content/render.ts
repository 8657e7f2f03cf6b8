import { Liquid } from 'liquidjs';
import { MASK } from '../../access/masking.js';
import type { Db } from '../../db/connection.js';
import { DomainError } from '../../shared/errors.js';
import type { PersonRow } from '../people/store.js';
import { kinds } from './kinds.js';
import type { Message } from './messages-schema.js';
import * as store from './store.js';

/**
 * Renders a message for one person with Liquid (liquidjs): `{{ customer.<attribute> }}` in the
 * subject and body, snippets and the email layout pasted in first. Values are HTML-escaped in the
 * body of an email; the subject is plain text. Limits keep a template from running away.
 */
// `templates: {}` gives the engine an empty in-memory file system: {% include %}, {% render %} and
// {% layout %} find nothing, rather than reading the server's files.
const limits = { parseLimit: 1_000_000, renderLimit: 1_000, memoryLimit: 10_000_000, templates: {} };
const htmlEngine = new Liquid({ outputEscape: 'escape', ownPropertyOnly: true, ...limits });
const textEngine = new Liquid({ ownPropertyOnly: true, ...limits });

const SNIPPET = /\{\{\s*snippets\.([A-Za-z0-9_]+)\s*\}\}/g;
const CONTENT = /\{\{\s*content\s*\}\}/;

export interface RenderInput {
  customer: Record<string, unknown>;
  snippets: ReadonlyMap<string, string>;
  layoutHtml: string | null;
}

export interface Rendered {
  subject: string;
  body: string;
}

/** Refuses (400, naming the field) a message whose subject or body is not valid Liquid. */
export function checkTemplates(message: Message, path: string): void {
  for (const field of ['subject', 'body'] as const) {
    try {
      (field === 'body' && message.channel === 'email' ? htmlEngine : textEngine).parse(message[field]);
    } catch (error) {
      const detail = `${path}/${field}: not a valid template: ${(error as Error).message}`;
      throw new DomainError('invalid', detail, { errors: [{ path: `${path}/${field}`, message: detail }] });
    }
  }
}

export async function renderMessage(message: Message, input: RenderInput): Promise<Rendered> {
  const paste = (text: string) => text.replace(SNIPPET, (_, name: string) => input.snippets.get(name) ?? '');
  const isEmail = message.channel === 'email';
  let body = paste(message.body);
  if (isEmail && input.layoutHtml) body = paste(input.layoutHtml).replace(CONTENT, () => body);
  const scope = { customer: input.customer };
  try {
    return {
      subject: await textEngine.parseAndRender(paste(message.subject), scope),
      body: await (isEmail ? htmlEngine : textEngine).parseAndRender(body, scope),
    };
  } catch (error) {
    throw new DomainError('invalid', `The message does not render: ${(error as Error).message}`, {
      errors: [{ path: '/body', message: (error as Error).message }],
    });
  }
}

/** The snippets and the layout a message is rendered with, read once for any number of people. */
export async function templateParts(
  tx: Db,
  workspaceId: string,
  message: Message,
): Promise<Omit<RenderInput, 'customer'>> {
  const snippets = await store.listResources(tx, workspaceId, kinds.snippets.kind, { limit: 10_000 });
  const layout = message.layoutId
    ? await store.findResource(tx, workspaceId, kinds.layouts.kind, message.layoutId)
    : undefined;
  return {
    snippets: new Map(snippets.map((s) => [s.name, String(s.body.value)])),
    layoutHtml: layout ? String(layout.body.html) : null,
  };
}

/**
 * A person as templates see them (`customer`): their attributes, email and id, and cio_id; with
 * `masked`, every value but cio_id reads MASK ("cannot preview attributes in messages").
 */
export function customerOf(person: PersonRow | null, masked: boolean): Record<string, unknown> {
  const values: Record<string, unknown> = person
    ? { ...person.attributes, email: person.email, id: person.externalId }
    : {};
  return {
    ...(masked ? Object.fromEntries(Object.keys(values).map((k) => [k, MASK])) : values),
    cio_id: person?.cioId ?? null,
  };
}
