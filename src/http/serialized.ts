import type { FastifyReply } from 'fastify';

/**
 * The route's 200 answer as its own response serializer writes it, encoded: for a body worth
 * serializing once and sending many times (the caller caches the bytes).
 */
export const serialize200 = (reply: FastifyReply, body: unknown): Buffer =>
  Buffer.from(reply.serializeInput(body as Record<string, unknown>, '200') as string);

/** Sends JSON serialized beforehand (serialize200): Fastify sends a Buffer as it is. */
export const sendSerialized = (reply: FastifyReply, json: Buffer) =>
  reply.type('application/json; charset=utf-8').send(json);
