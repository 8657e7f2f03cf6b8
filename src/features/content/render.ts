import { MASK } from '../../access/masking.js';
import type { Db } from '../../db/connection.js';
import { DomainError, type FieldError } from '../../shared/errors.js';
import type { PersonRow } from '../people/store.js';
import { kinds } from './kinds.js';
import type { Message } from './messages-schema.js';
import type { Renderer } from './render-pool.js';
import { type BudgetName, type RenderOutcome, templateProblem } from './render-worker.js';
import * as store from './store.js';

/**
 * Renders a message for one person with Liquid (liquidjs): `{{ customer.<attribute> }}` in the
 * subject and body, snippets and the email layout pasted in first. Values are HTML-escaped in the
 * body of an email; the subject is plain text. The work happens on the render pool's threads
 * (render-pool.ts, render-worker.ts), within a budget, in the workspace's turn.
 */

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
  const errors: FieldError[] = [];
  for (const field of ['subject', 'body'] as const) {
    const problem = templateProblem(message[field]);
    if (problem) errors.push({ path: `${path}/${field}`, message: `not a valid template: ${problem}` });
  }
  if (errors.length > 0)
    throw new DomainError('invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}

const SNIPPET = /\{\{\s*snippets\.([A-Za-z0-9_]+)\s*\}\}/g;

/**
 * Renders on the pool. `interactive` (a preview, a test send) answers 429 when the workspace has
 * spent its render time; a broadcast waits for it instead.
 */
export async function renderOutcome(
  renderer: Renderer,
  workspaceId: string,
  message: Message,
  input: RenderInput,
  interactive: boolean,
): Promise<RenderOutcome> {
  // Only the snippets the texts name travel to the thread.
  const snippets: Record<string, string> = {};
  for (const text of [message.subject, message.body, input.layoutHtml ?? ''])
    for (const [, name] of text.matchAll(SNIPPET)) {
      const value = input.snippets.get(name!);
      if (value !== undefined) snippets[name!] = value;
    }
  return renderer.render(
    workspaceId,
    {
      channel: message.channel,
      subject: message.subject,
      body: message.body,
      customer: input.customer,
      snippets,
      layoutHtml: input.layoutHtml,
    },
    interactive,
  );
}

const budgetNames: Record<BudgetName, (n: number) => string> = {
  timeMs: (n) => `${n} ms of rendering time`,
  memory: (n) => `${n} characters built by filters and ranges`,
  templateChars: (n) => `${n} characters of template with its snippets and layout`,
  outputChars: (n) => `${n} characters of output`,
};

/** Why a render failed, in a sentence: a delivery's reason, a problem's detail. */
export function failureReason(renderer: Renderer, outcome: Exclude<RenderOutcome, { ok: true }>): string {
  if (outcome.reason === 'invalid')
    return `The message's /${outcome.field} does not render: ${outcome.message}`;
  const n = renderer.limits.budget[outcome.budget];
  return `The message is too expensive to render: it needs more than its budget of ${budgetNames[outcome.budget](n)}`;
}

/** A render for a request: the rendered texts, or 422 (over budget) / 400 (naming the field). */
export async function renderMessage(
  renderer: Renderer,
  workspaceId: string,
  message: Message,
  input: RenderInput,
): Promise<Rendered> {
  const outcome = await renderOutcome(renderer, workspaceId, message, input, true);
  if (outcome.ok) return { subject: outcome.subject, body: outcome.body };
  const detail = failureReason(renderer, outcome);
  if (outcome.reason === 'invalid')
    throw new DomainError('invalid', detail, {
      errors: [{ path: `/${outcome.field}`, message: outcome.message }],
    });
  throw new DomainError('template_too_expensive', detail, {
    budget: outcome.budget,
    limit: renderer.limits.budget[outcome.budget],
  });
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
