import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUnstorableText } from '../db/errors.js';
import { DomainError, type ErrorCode, errorCodes, type FieldError } from '../shared/errors.js';
import { unreadableType } from './body-types.js';
import { TRACK_API_PATH } from './track-api-path.js';
import {
  type AjvError,
  mergeUnionErrors,
  validationDetail,
  validationMessage,
} from './validation-messages.js';

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

/**
 * Sends a problem. On the Track API it also carries Customer.io's error shape, `{meta: {error}}`,
 * so that their clients' error handling (customerio-node's CustomerIORequestError message, say)
 * says what was wrong; our own clients read the problem members beside it.
 */
export function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}) {
  const body = TRACK_API_PATH.test(reply.request.url)
    ? { ...problem, meta: { error: problem.detail } }
    : problem;
  return reply
    .code(problem.status)
    .headers(headers)
    .type('application/problem+json')
    .serializer((body: unknown) => JSON.stringify(body))
    .send(body);
}

const problemType = (code: string) => `urn:atrium:problem:${code}`;

/** The problem of a code of our catalogue, with its status and title. */
function problemOf(code: ErrorCode, detail: string, extra: Record<string, unknown> = {}): Problem {
  const { status, title } = errorCodes[code];
  return { ...extra, type: problemType(code), title, status, detail, code };
}

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

/** Ajv's errors → `{path, message}`: a JSON pointer to the field (the path says where for non-body input) and the rule in words. */
function fromValidation(error: FastifyError): Problem {
  const where = (error.validationContext ?? 'body') as ValidationContext;
  const prefix = where === 'body' ? '' : `/${where === 'querystring' ? 'query' : where}`;
  const errors = mergeUnionErrors((error.validation ?? []) as AjvError[]).map((v): FieldError => {
    const params = v.params as { missingProperty?: string; additionalProperty?: string };
    const field = params.missingProperty ?? params.additionalProperty;
    const path = `${prefix}${v.instancePath}${field ? `/${field}` : ''}` || '/';
    return { path, message: validationMessage(v) };
  });
  const detail = validationDetail(errors);
  return {
    type: problemType('invalid'),
    title: errorCodes.invalid.title,
    status: 400,
    detail,
    code: 'invalid',
    errors,
  };
}

/** Fastify's own client errors in words; a parser's SyntaxError text says nothing to a person. */
function clientErrorDetail(code: ErrorCode, error: FastifyError, request: FastifyRequest): string {
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return 'The request body is empty; this route expects JSON.';
  if (code === 'invalid_json') return 'The request body is not valid JSON.';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return unreadableType(request).detail;
  return error.message;
}

export function registerProblemHandlers(app: FastifyInstance): void {
  // Node bounds the request line only with the headers (16 KiB); a target past 8 KiB is refused
  // here, by name, before any route or not-found handler reads it.
  app.addHook('onRequest', async (request) => {
    if (request.url.length > requestLimits.urlBytes) {
      const detail = `The request target is longer than ${requestLimits.urlBytes} bytes, the limit.`;
      throw new DomainError('uri_too_long', detail, { limit: requestLimits.urlBytes });
    }
    // The router refuses a long parameter only where no other route matches; the console's
    // catch-all matches every path, so the rule is applied here, for every path alike.
    const path = request.url.split('?', 1)[0]!;
    if (path.split('/').some((segment) => segment.length > requestLimits.paramLength)) throw paramTooLong();
  });
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainError) return sendProblem(reply, fromDomainError(error), error.extra.headers);
    if (error.validation && error.validationContext === 'body' && request.body === undefined) {
      const detail = 'The request has no body; this route expects a JSON object.';
      return sendProblem(
        reply,
        problemOf('invalid', detail, { errors: [{ path: '/', message: 'is required' }] }),
      );
    }
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
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = request.routeOptions.bodyLimit;
      const detail = `The request body is larger than ${limit} bytes, the limit of this route.`;
      return sendProblem(reply, problemOf('payload_too_large', detail, { limit }));
    }
    if (status < 500) {
      // Fastify's own client errors (malformed JSON, wrong content type, body too large …), under a
      // code of our catalogue.
      const code =
        fastifyCodes[error.code ?? ''] ?? (status === 415 ? 'unsupported_media_type' : 'bad_request');
      return sendProblem(reply, {
        type: problemType(code),
        title: errorCodes[code].title,
        status,
        detail: clientErrorDetail(code, error, request),
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

/** Limits of the request line and headers, named in the answers that refuse them. */
export const requestLimits = {
  /** The whole target (path and query); a longer one answers 414. */
  urlBytes: 8 * 1024,
  /** One path parameter (an id, an email in the Track API); a longer one answers 414. */
  paramLength: 1024,
  /** The request line and headers together, Node's limit; beyond it Node refuses the request (431). */
  headerBytes: 16 * 1024,
} as const;

const paramTooLong = () =>
  new DomainError(
    'uri_too_long',
    `A path segment is longer than ${requestLimits.paramLength} characters, the limit.`,
    { limit: requestLimits.paramLength },
  );

/** Errors the router meets before any route is chosen (Fastify's `frameworkErrors`). */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(reply, fromDomainError(paramTooLong()));
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendProblem(reply, problemOf('bad_request', 'The path holds a malformed percent-encoding.'));
  }
  return sendProblem(reply, problemOf('bad_request', error.message));
}

/** What Node's HTTP parser refused (`clientError`), as a problem: its code, status and detail. */
function clientProblem(error: ConnectionError): Problem {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problemOf('request_timeout', 'The request did not arrive in time.');
    case 'HPE_HEADER_OVERFLOW': {
      const limit = requestLimits.headerBytes;
      return problemOf(
        'headers_too_large',
        `The request line and headers are larger than ${limit} bytes, the limit.`,
        { limit },
      );
    }
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return problemOf('bad_request', 'The Content-Length header is malformed or contradicts the framing.');
    default:
      return problemOf('bad_request', `The request is not valid HTTP/1.1 (${error.code ?? 'parse error'}).`);
  }
}

/**
 * Answers what Node refuses before Fastify sees a request (headers too large, a malformed request
 * line or Content-Length, a timeout) with a problem written straight on the socket, in place of
 * Fastify's default JSON; then closes the connection, as Node does.
 */
export function clientErrorHandler(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const problem = clientProblem(error);
    const body = JSON.stringify(problem);
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
