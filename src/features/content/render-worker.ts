import { type Liquid as Engine, Liquid, type Template } from 'liquidjs';

/**
 * Liquid rendering, run on a worker thread of the render pool (render-pool.ts): a template that
 * loops or grows its output costs that thread, never the main event loop. Its default export is
 * the task; `templateProblem` (parsing only) also runs on the main thread, to check templates on
 * save. Imports nothing but liquidjs, so the thread starts quickly from src (tsx) and dist alike.
 */

export interface RenderBudget {
  /** Wall time of one message's render, subject and body together (liquidjs renderLimit). */
  timeMs: number;
  /** Characters allocated by filters and ranges (liquidjs memoryLimit). */
  memory: number;
  /** Characters of a template once its snippets and layout are pasted in (liquidjs parseLimit). */
  templateChars: number;
  /** Characters of the rendered subject and body together. */
  outputChars: number;
}

export interface RenderTask {
  channel: string;
  subject: string;
  body: string;
  customer: Record<string, unknown>;
  /** The snippets the message names, by name. */
  snippets: Record<string, string>;
  layoutHtml: string | null;
  budget: RenderBudget;
}

export type BudgetName = keyof RenderBudget;

export type RenderOutcome = { elapsedMs: number } & (
  | { ok: true; subject: string; body: string }
  | { ok: false; reason: 'too_expensive'; budget: BudgetName; message: string }
  | { ok: false; reason: 'invalid'; field: 'subject' | 'body'; message: string }
);

/** The longest template liquidjs parses (its parseLimit), a saved one or a pasted-together one. */
export const TEMPLATE_CHARS = 1_000_000;

// `templates: {}` gives the engines an empty in-memory file system: {% include %}, {% render %} and
// {% layout %} find nothing, rather than reading the server's files.
const options = { ownPropertyOnly: true, templates: {}, parseLimit: TEMPLATE_CHARS };
const htmlEngine = new Liquid({ ...options, outputEscape: 'escape' });
const textEngine = new Liquid(options);
const engineFor = (channel: string, field: 'subject' | 'body') =>
  field === 'body' && channel === 'email' ? htmlEngine : textEngine;

/** liquidjs's Limiter messages, by the budget each one enforces. */
const limitMessages: [string, BudgetName][] = [
  ['template render limit exceeded', 'timeMs'],
  ['memory alloc limit exceeded', 'memory'],
  ['parse length limit exceeded', 'templateChars'],
];

class OverBudget extends Error {
  constructor(readonly budget: BudgetName) {
    super(`over the ${budget} budget`);
  }
}

/**
 * The message of a template that does not parse (liquidjs's, with line and column, no stack), or
 * null. Both engines parse alike; only their output escaping differs.
 */
export function templateProblem(text: string): string | null {
  try {
    textEngine.parse(text);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

// A broadcast renders the same template for every person of a page: parse it once.
const cache = new Map<string, Template[]>();
const CACHED = 32;

function parsed(engine: Engine, text: string, limit: number): Template[] {
  const key = `${engine === htmlEngine ? 'h' : 't'}${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (text.length > limit) throw new OverBudget('templateChars');
  const templates = engine.parse(text);
  if (cache.size >= CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, templates);
  return templates;
}

const SNIPPET = /\{\{\s*snippets\.([A-Za-z0-9_]+)\s*\}\}/g;
const CONTENT = /\{\{\s*content\s*\}\}/;

/** Pastes snippets into a text, refusing as it goes once the result would pass `limit` characters. */
function paste(text: string, snippets: Record<string, string>, limit: number): string {
  let size = text.length;
  if (size > limit) throw new OverBudget('templateChars');
  return text.replace(SNIPPET, (whole, name: string) => {
    const value = Object.hasOwn(snippets, name) ? snippets[name]! : '';
    size += value.length - whole.length;
    if (size > limit) throw new OverBudget('templateChars');
    return value;
  });
}

/** Answers once the thread has loaded this module: the pool times renders only from then on. */
export function warm(): boolean {
  return true;
}

export default function render(task: RenderTask): RenderOutcome {
  const started = performance.now();
  const { budget } = task;
  const elapsedMs = () => performance.now() - started;
  let field: 'subject' | 'body' = 'subject';
  try {
    let body = paste(task.body, task.snippets, budget.templateChars);
    if (task.channel === 'email' && task.layoutHtml) {
      const layout = paste(task.layoutHtml, task.snippets, budget.templateChars);
      if (layout.length + body.length > budget.templateChars) throw new OverBudget('templateChars');
      body = layout.replace(CONTENT, () => body);
    }
    const scope = { customer: task.customer };
    const out: Record<'subject' | 'body', string> = { subject: '', body: '' };
    for (const [name, text] of [
      ['subject', paste(task.subject, task.snippets, budget.templateChars)],
      ['body', body],
    ] as const) {
      field = name;
      const engine = engineFor(task.channel, name);
      const templates = parsed(engine, text, budget.templateChars);
      const left = budget.timeMs - elapsedMs();
      if (left <= 0) throw new OverBudget('timeMs');
      out[name] = engine.renderSync(templates, scope, {
        renderLimit: left,
        memoryLimit: budget.memory,
      }) as string;
      if (out.subject.length + out.body.length > budget.outputChars) throw new OverBudget('outputChars');
    }
    return { ok: true, ...out, elapsedMs: elapsedMs() };
  } catch (error) {
    if (error instanceof OverBudget)
      return {
        ok: false,
        reason: 'too_expensive',
        budget: error.budget,
        message: error.message,
        elapsedMs: elapsedMs(),
      };
    const message = (error as Error).message;
    const limit = limitMessages.find(([text]) => message.includes(text));
    if (limit)
      return { ok: false, reason: 'too_expensive', budget: limit[1], message, elapsedMs: elapsedMs() };
    return { ok: false, reason: 'invalid', field, message, elapsedMs: elapsedMs() };
  }
}
