import type { FastifyError, FastifyReply } from 'fastify';
import SCIMMY from 'scimmy';
import { DomainError } from '../../shared/errors.js';
import { SCIM_MEDIA_TYPE } from './body.js';
import { fromDomainError } from './call.js';

const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** RFC 7644 §3.12 error bodies: `status` as a string, `scimType` where one applies. */
export function sendScimError(reply: FastifyReply, error: FastifyError | Error): FastifyReply {
  const body = scimErrorBody(error);
  if (error instanceof DomainError && error.extra.headers) reply.headers(error.extra.headers);
  if (Number(body.status) >= 500) reply.log.error({ err: error.cause ?? error }, 'SCIM request failed');
  return reply
    .code(Number(body.status))
    .type(SCIM_MEDIA_TYPE)
    .serializer((b: unknown) => JSON.stringify(b))
    .send(body);
}

function scimErrorBody(error: FastifyError | Error): {
  schemas: string[];
  status: string;
  scimType?: string;
  detail: string;
} {
  if (error instanceof SCIMMY.Types.Error) {
    const message = new SCIMMY.Messages.Error(error);
    return {
      schemas: [SCIM_ERROR],
      status: String(message.status),
      ...(message.scimType && { scimType: message.scimType }),
      detail: message.detail ?? error.message,
    };
  }
  if (error instanceof DomainError) {
    if (error.code === 'invalid_json' || error.code === 'json_too_deep')
      return { schemas: [SCIM_ERROR], status: '400', scimType: 'invalidSyntax', detail: error.detail };
    if (error.status === 401) return { schemas: [SCIM_ERROR], status: '401', detail: error.detail };
    return scimErrorBody(fromDomainError(error));
  }
  const fastify = error as FastifyError;
  const status = fastify.statusCode ?? 500;
  if (fastify.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastify.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return {
      schemas: [SCIM_ERROR],
      status: '400',
      scimType: 'invalidSyntax',
      detail: 'The request body is not valid JSON.',
    };
  if (status < 500) return { schemas: [SCIM_ERROR], status: String(status), detail: fastify.message };
  return { schemas: [SCIM_ERROR], status: '500', detail: 'Internal error' };
}
