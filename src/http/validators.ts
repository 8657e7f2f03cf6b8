import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifySchemaCompiler } from 'fastify';

type Factory = AjvCompiler.BuildCompilerFromPool;
// The package types a compiler as Ajv's compile(schema); Fastify calls it with the route definition.
type Compiler = FastifySchemaCompiler<unknown>;

/**
 * Fastify's own Ajv compiler, twice: query strings and path parameters are text, so they are
 * coerced to the schema's types (`?limit=20`, `?ids=a` as a one-item list); a JSON body already
 * has types, and coercing it would turn `{"id": ["42"]}` or `{"id": true}` into the string the
 * schema asks for — a request the client never sent. Bodies are validated as sent.
 */
export function requestValidators(): Factory {
  const pool = AjvCompiler();
  const build = (
    schemas: Parameters<Factory>[0],
    options: Parameters<Factory>[1],
    coerceTypes: 'array' | false,
  ) =>
    pool(schemas, {
      ...options,
      mode: undefined,
      customOptions: { ...(options?.customOptions as AjvCompiler.Options | undefined), coerceTypes },
    }) as unknown as Compiler;
  return (schemas, options) => {
    const coercing = build(schemas, options, 'array');
    const exact = build(schemas, options, false);
    const compile: Compiler = (route) => (route.httpPart === 'body' ? exact : coercing)(route);
    return compile as unknown as ReturnType<Factory>;
  };
}
