import type { FastifyInstance } from 'fastify';
import { DomainError } from '../shared/errors.js';
import { TRACK_API_PATH } from './track-api-path.js';

/** The largest body a route takes unless it names its own limit (asset uploads do): 1 MiB. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The deepest nesting of arrays and objects a JSON body may hold. No request of the API needs
 * more than a handful; code that walks a body (validation, storable-text, serialisation) may then
 * recurse without overflowing the stack.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether JSON text nests arrays and objects deeper than `limit`: one pass over the text, skipping
 * string literals (their brackets are text). Only valid JSON needs counting right: text that is
 * not JSON is refused either way, here or by JSON.parse.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character, a quote too
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** JSON text is UTF-8 (RFC 8259): bytes that are not are refused, not stored as U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * application/json bodies: Fastify's own parser (secure-json-parse, refusing `__proto__` and
 * `constructor.prototype`), after a check of the encoding and of the nesting depth, so that no
 * body can exhaust the stack of whatever walks it afterwards.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = typeof body === 'string' ? body : utf8.decode(body);
    } catch {
      done(
        new DomainError('invalid_json', 'The body is not UTF-8 text: JSON must be sent as UTF-8.'),
        undefined,
      );
      return;
    }
    // Customer.io's clients, and many others, send a JSON content type with nothing after it on
    // every bodiless request: that is no body. A route that needs one then says so by its schema;
    // on the Track API, as at Customer.io, it is an empty object (an identify with no attributes).
    if (text.length === 0) {
      done(null, TRACK_API_PATH.test(request.url) ? {} : undefined);
      return;
    }
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      done(
        new DomainError(
          'json_too_deep',
          `The body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep, the limit.`,
          { limit: MAX_JSON_DEPTH },
        ),
        undefined,
      );
      return;
    }
    parse(request, text, done);
  });
}
