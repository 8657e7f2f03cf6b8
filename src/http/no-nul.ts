import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { invalid } from '../shared/errors.js';

/** The JSON pointer of the first string holding a NUL character, or null. */
function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '/' : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, `${path}/${i}`);
      if (found) return found;
    }
    return null;
  }
  // A streamed body (a CSV upload) is checked where it is read, not walked here.
  if (value && typeof value === 'object' && !(value instanceof Readable)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(key, `${path}/${key}`) ?? findNul(item, `${path}/${key}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * PostgreSQL cannot store a NUL character in text; refuse it at the edge, with the field that held
 * it, rather than fail deep inside a query.
 */
export function refuseNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const where =
      findNul(request.params, '/params') ?? findNul(request.query, '/query') ?? findNul(request.body, '');
    if (where) throw invalid(where, 'must not contain a NUL character (\\u0000)');
  });
}
