import type { FastifyInstance } from 'fastify';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../http/json-body.js';
import { DomainError } from '../../shared/errors.js';

export const SCIM_MEDIA_TYPE = 'application/scim+json';

/**
 * application/scim+json bodies (RFC 7644 §3.1), parsed as src/http/json-body.ts parses JSON: the
 * same body limit, the same depth check, Fastify's secure-json-parse.
 */
export function registerScimJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser(SCIM_MEDIA_TYPE, { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.length === 0 && request.method === 'DELETE') {
      done(null, undefined);
      return;
    }
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      const detail = `The body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep, the limit.`;
      done(new DomainError('json_too_deep', detail, { limit: MAX_JSON_DEPTH }), undefined);
      return;
    }
    parse(request, text, done);
  });
}
