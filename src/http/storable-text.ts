import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { invalid } from '../shared/errors.js';

/**
 * What PostgreSQL cannot store in text: a NUL character, and a lone half of a surrogate pair (in
 * JSON a `\ud800` escape with no partner, which jsonb refuses).
 */
function unstorableIn(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  if (/\p{Cs}/u.test(text)) return 'must not contain an unpaired surrogate (\\ud800–\\udfff alone)';
  return null;
}

/** The JSON pointer of the first string PostgreSQL could not store, and why; or null. */
function findUnstorable(value: unknown, path: string): { where: string; why: string } | null {
  if (typeof value === 'string') {
    const why = unstorableIn(value);
    return why ? { where: path || '/', why } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnstorable(item, `${path}/${i}`);
      if (found) return found;
    }
    return null;
  }
  // A streamed body (a CSV upload) is checked where it is read, not walked here.
  if (value && typeof value === 'object' && !(value instanceof Readable)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findUnstorable(key, `${path}/${key}`) ?? findUnstorable(item, `${path}/${key}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuse at the edge, with the field that held it, the text PostgreSQL cannot store, rather than
 * fail deep inside a query.
 */
export function refuseUnstorableText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found =
      findUnstorable(request.params, '/params') ??
      findUnstorable(request.query, '/query') ??
      findUnstorable(request.body, '');
    if (found) throw invalid(found.where, found.why);
  });
}
