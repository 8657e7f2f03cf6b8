import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, invalid } from '../shared/errors.js';
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

/**
 * What an empty body is, whatever its type: no body, or on the Track API, as at Customer.io, an
 * empty object (an identify with no attributes).
 */
export const emptyBodyOf = (request: FastifyRequest) => (TRACK_API_PATH.test(request.url) ? {} : undefined);

/** JSON text is UTF-8 (RFC 8259): bytes that are not are refused, not stored as U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether the text is JSON: the default parser refused it, and says no more than "not valid JSON". */
function isValidJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** What secure-json-parse refuses in valid JSON: keys that could poison a prototype. */
const poisoning = () =>
  new DomainError(
    'invalid_json',
    'The request body has a field named __proto__ (or constructor.prototype), which is refused.',
  );

/** Text in which a number could overflow a double: an exponent of 3 digits, or 309 digits in a row. */
const MAY_OVERFLOW = /[eE][+-]?\d{3}|\d{309}/;

/**
 * Where a value holds a number JSON.parse read as ±Infinity (`1e309`), as a JSON pointer, or null.
 * Stored, such a number becomes null — the sender's value lost, and null means "remove" to the
 * Track API — so it is refused instead. Walked only when the text may hold one (MAY_OVERFLOW),
 * and no deeper than MAX_JSON_DEPTH, which the body was checked against.
 */
function nonFiniteAt(value: unknown, path: string): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const at = nonFiniteAt(item, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    if (at !== null) return at;
  }
  return null;
}

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
      done(null, emptyBodyOf(request));
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
    parse(request, text, (error, value) => {
      if (error) {
        done(isValidJson(text) ? poisoning() : error, undefined);
        return;
      }
      const at = MAY_OVERFLOW.test(text) ? nonFiniteAt(value, '') : null;
      if (at === null) done(null, value);
      else done(invalid(at || '/', 'is a number too large to store (it reads as infinity)'), undefined);
    });
  });
}
