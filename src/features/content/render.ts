import { Liquid } from 'liquidjs';
import { DomainError } from '../../shared/errors.js';
import type { Message } from './messages-schema.js';

/**
 * Renders a message for one person with Liquid (liquidjs): `{{ customer.<attribute> }}` in the
 * subject and body, snippets and the email layout pasted in first. Values are HTML-escaped in the
 * body of an email; the subject is plain text. Limits keep a template from running away.
 */
const limits = { parseLimit: 1_000_000, renderLimit: 1_000, memoryLimit: 10_000_000 };
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
