import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUnstorableText } from '../db/errors.js';
import { DomainError, type ErrorCode, errorCodes, type FieldError } from '../shared/errors.js';

/** RFC 9457 problem details, with our stable `code` beside the standard members. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode | string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}) {
  return reply
    .code(problem.status)
    .headers(headers)
    .type('application/problem+json')
    .serializer((body: unknown) => JSON.stringify(body))
    .send(problem);
}

const problemType = (code: string) => `urn:atrium:problem:${code}`;

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
};

function fromDomainError(error: DomainError): Problem {
  const { headers: _headers, ...extra } = error.extra;
  return {
    ...extra,
    type: problemType(error.code),
    title: error.title,
    status: error.status,
    detail: error.detail,
    code: error.code,
  };
}

type ValidationContext = 'body' | 'querystring' | 'params' | 'headers';

/** Ajv's errors → `{path, message}` with a JSON pointer to the field; the path says where for non-body input. */
function fromValidation(error: FastifyError): Problem {
  const where = (error.validationContext ?? 'body') as ValidationContext;
  const prefix = where === 'body' ? '' : `/${where === 'querystring' ? 'query' : where}`;
  const errors = (error.validation ?? []).map((v): FieldError => {
    const params = v.params as { missingProperty?: string; additionalProperty?: string };
    const field = params.missingProperty ?? params.additionalProperty;
    const path = `${prefix}${v.instancePath}${field ? `/${field}` : ''}` || '/';
    const message = params.additionalProperty
      ? `unknown field "${params.additionalProperty}"`
      : (v.message ?? 'is invalid');
    return { path, message };
  });
  const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  return {
    type: problemType('invalid'),
    title: errorCodes.invalid.title,
    status: 400,
    detail,
    code: 'invalid',
    errors,
  };
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainError) return sendProblem(reply, fromDomainError(error), error.extra.headers);
    if (error.validation) return sendProblem(reply, fromValidation(error));
    if (isUnstorableText(error)) {
      const detail = 'The request holds text that cannot be stored (a NUL character or an invalid sequence).';
      return sendProblem(reply, {
        type: problemType('invalid'),
        title: errorCodes.invalid.title,
        status: 400,
        detail,
        code: 'invalid',
      });
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      // Fastify's own client errors (malformed JSON, wrong content type, body too large …), under a
      // code of our catalogue.
      const code =
        fastifyCodes[error.code ?? ''] ?? (status === 415 ? 'unsupported_media_type' : 'bad_request');
      return sendProblem(reply, {
        type: problemType(code),
        title: errorCodes[code].title,
        status,
        detail: error.message,
        code,
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, {
      type: problemType('internal'),
      title: errorCodes.internal.title,
      status: 500,
      detail: 'The server failed to handle this request; it has been logged.',
      code: 'internal',
    });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, {
      type: problemType('not_found'),
      title: errorCodes.not_found.title,
      status: 404,
      detail: `No route ${request.method} ${request.url.split('?')[0]}`,
      code: 'not_found',
    }),
  );
}
