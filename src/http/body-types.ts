import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../shared/errors.js';
import { emptyBodyOf } from './json-body.js';

/** The body types a route reads: those its schema names (SAML's form), its uploads (CSV, images), else JSON. */
function bodyTypesOf(request: FastifyRequest): readonly string[] {
  const consumes = (request.routeOptions.schema as { consumes?: readonly string[] } | undefined)?.consumes;
  return consumes ?? request.routeOptions.config?.uploads ?? ['application/json'];
}

/** A 415 that names the type sent and the types this route reads. */
export function unreadableType(request: FastifyRequest): DomainError {
  const sent = (request.headers['content-type'] ?? '').split(';', 1)[0]!.trim() || 'none';
  const takes = bodyTypesOf(request).join(' or ');
  return new DomainError(
    'unsupported_media_type',
    `This route reads a body sent as ${takes}, not ${sent}: set the Content-Type header to ${takes}.`,
  );
}

/** Whether Fastify will read a body: it reads none on GET, HEAD or TRACE, whatever the headers say. */
const hasBody = (request: FastifyRequest) =>
  !['GET', 'HEAD', 'TRACE'].includes(request.method) &&
  (request.headers['transfer-encoding'] !== undefined ||
    (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0'));

/**
 * Bodies the service does not read are refused by name, before a parser sees their bytes: a
 * compressed body (Content-Encoding: gzip) would otherwise read as "not UTF-8 text", and a JSON
 * body sent as text/plain (Fastify reads text/plain by default) as "must be a set of named fields".
 * An empty text/plain body (`fetch(url, {body: ''})` sends one) is what an empty JSON body is.
 */
export function registerBodyTypeRules(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const coding = request.headers['content-encoding']?.trim().toLowerCase();
    if (coding && coding !== 'identity' && hasBody(request))
      throw new DomainError(
        'unsupported_media_type',
        `The body is compressed (Content-Encoding: ${coding}); this service reads bodies uncompressed: send it without Content-Encoding.`,
      );
  });
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'buffer' }, (request, body, done) => {
    if (body.length === 0) done(null, emptyBodyOf(request));
    else done(unreadableType(request), undefined);
  });
}
