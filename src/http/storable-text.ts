import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../shared/errors.js';

/**
 * What PostgreSQL cannot store in text: a NUL character, and a lone half of a surrogate pair (in
 * JSON a `\ud800` escape with no partner, which jsonb refuses).
 */
function unstorableIn(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  if (/\p{Cs}/u.test(text)) return 'must not contain an unpaired surrogate (\\ud800–\\udfff alone)';
  return null;
}

/**
 * The JSON pointer of the first string PostgreSQL could not store, and why; or null. A loop over a
 * stack rather than recursion, so that no nesting can exhaust the call stack.
 */
export function findUnstorable(root: unknown, rootPath: string): { where: string; why: string } | null {
  const pending: [value: unknown, path: string][] = [[root, rootPath]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, path] = next;
    if (typeof value === 'string') {
      const why = unstorableIn(value);
      if (why) return { where: path || '/', why };
    } else if (Array.isArray(value)) {
      // Pushed last to first, so that the first is looked at first.
      for (let i = value.length - 1; i >= 0; i--) pending.push([value[i], `${path}/${i}`]);
    } else if (value && typeof value === 'object' && !isBytes(value)) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        pending.push([item, `${path}/${key}`], [key, `${path}/${key}`]);
      }
    }
  }
  return null;
}

/**
 * A streamed body (a CSV upload) is checked where it is read, and bytes (an asset) are not text:
 * neither is walked here.
 */
const isBytes = (value: object) => value instanceof Readable || ArrayBuffer.isView(value);

/**
 * Refuse at the edge, with the field that held it, the text PostgreSQL cannot store, rather than
 * fail deep inside a query.
 */
export function refuseUnstorableText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found =
      findUnstorable(request.params, '/params') ??
      findUnstorable(request.query, '/query') ??
      (request.routeOptions.config.checksStorableText ? null : findUnstorable(request.body, ''));
    // The detail names the field too: Customer.io's clients show only it (`meta.error`).
    if (found)
      throw new DomainError('invalid', `${found.where} ${found.why}`, {
        errors: [{ path: found.where, message: found.why }],
      });
  });
}
