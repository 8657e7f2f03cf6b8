import { expect } from 'vitest';
import type { Client } from './client.js';

/**
 * The service's operations as its own OpenAPI document (GET /api/openapi.json) describes them, and
 * requests built from their schemas: the generated suites (cross-tenant, fuzz) iterate these, so a
 * new route is covered without anyone writing a test for it.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  minProperties?: number;
  additionalProperties?: boolean | JsonSchema;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}

export type Access = 'public' | 'session' | 'app_key' | 'track_key';

export interface Operation {
  /** "GET /api/workspaces/{workspaceId}", the operation's name in reports and exemption lists. */
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI template, `{name}` for each path parameter. */
  path: string;
  access: Access;
  /** The permission the route requires, from its description (absent: public, keys, signed_in). */
  permission?: string;
  pathParams: string[];
  query: Parameter[];
  body?: JsonSchema;
}

export async function loadOperations(client: Client): Promise<Operation[]> {
  const reply = await client.get('/api/openapi.json');
  expect(reply.status).toBe(200);
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(reply.body.paths as Record<string, Record<string, any>>)) {
    for (const [method, op] of Object.entries(methods)) {
      const security = (op.security ?? []) as Record<string, unknown>[];
      const schemes = security.flatMap((s) => Object.keys(s));
      const access: Access =
        schemes.length === 0
          ? 'public'
          : schemes.includes('appKey')
            ? 'app_key'
            : schemes.includes('trackKey')
              ? 'track_key'
              : 'session';
      const params = (op.parameters ?? []) as Parameter[];
      const permission = /Requires the permission `([^`]+)`/.exec(op.description ?? '')?.[1];
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase() as Operation['method'],
        path,
        access,
        ...(permission && { permission }),
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return operations;
}

/** Answers the value for a field or parameter by its name (and its schema), or undefined. */
export type Filler = (name: string, schema: JsonSchema) => string | undefined;

const typesOf = (schema: JsonSchema): string[] =>
  schema.type === undefined ? [] : [schema.type].flat().filter((t) => t !== 'null');

/** The branch of a union to build: one that can hold a filled id if any does, else the first non-null one. */
function branch(options: JsonSchema[], fill: Filler): JsonSchema {
  const usable = options.filter((o) => !(typesOf(o).length === 0 && o.type === 'null'));
  return usable.find((o) => holdsFilledId(o, fill)) ?? usable[0] ?? options[0]!;
}

function holdsFilledId(schema: JsonSchema, fill: Filler, depth = 0): boolean {
  if (depth > 6) return false;
  const nested = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.items ? [schema.items] : [])];
  return (
    nested.some((s) => holdsFilledId(s, fill, depth + 1)) ||
    Object.entries(schema.properties ?? {}).some(
      ([name, s]) =>
        fill(name, s) !== undefined ||
        fill(singular(name), s.items ?? s) !== undefined ||
        holdsFilledId(s, fill, depth + 1),
    )
  );
}

/** memberIds → memberId: an array of ids is filled with the id of its singular name. */
const singular = (name: string) => name.replace(/Ids$/, 'Id');

let counter = 0;

/**
 * A valid-looking value for a schema: required fields only (plus every field the filler names),
 * enums' first value, ids filled by name or by their id pattern (`^cmp_…$`).
 */
export function sample(schema: JsonSchema, fill: Filler, name = '', depth = 0): unknown {
  if (depth > 12) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf || schema.oneOf)
    return sample(branch(schema.anyOf ?? schema.oneOf!, fill), fill, name, depth);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sample(s, fill, name, depth + 1)));
  const type = typesOf(schema)[0] ?? (schema.properties ? 'object' : 'string');
  const filled = name ? fill(name, schema) : undefined;
  if (filled !== undefined && type === 'string') return filled;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, s] of Object.entries(schema.properties ?? {})) {
        const required = schema.required?.includes(key);
        if (required || fill(key, s) !== undefined || holdsFilledId({ properties: { [key]: s } }, fill))
          out[key] = sample(s, fill, key, depth + 1);
      }
      // An edit with no field is refused as empty: send the first one.
      const [first] = Object.entries(schema.properties ?? {});
      if (Object.keys(out).length < (schema.minProperties ?? 0) && first)
        out[first[0]] = sample(first[1], fill, first[0], depth + 1);
      return out;
    }
    case 'array': {
      const item = schema.items ?? {};
      const one = sample(item, fill, singular(name), depth + 1);
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, (_, i) =>
        i === 0 ? one : sample(item, fill, '', depth + 1),
      );
    }
    case 'integer':
    case 'number':
      return schema.default ?? schema.minimum ?? 1;
    case 'boolean':
      return schema.default ?? false;
    default:
      return sampleString(schema, name);
  }
}

function sampleString(schema: JsonSchema, name: string): string {
  if (typeof schema.default === 'string') return schema.default;
  const n = ++counter;
  if (schema.format === 'email') return `generated.${process.pid}.${n}@example.com`;
  if (schema.format === 'uri' || schema.pattern === '^https?://') return 'https://example.com/generated';
  if (schema.format === 'date-time') return new Date(0).toISOString();
  if (schema.pattern === '^#[0-9a-fA-F]{6}$') return '#336699';
  if (schema.pattern?.includes('content')) return '<main>{{ content }}</main>';
  if (/password/i.test(name)) return 'generated password 123';
  const text = `${name || 'value'}_${n}`.replace(/[^A-Za-z0-9_]/g, '_');
  return text.slice(0, Math.max(schema.minLength ?? 1, Math.min(schema.maxLength ?? 100, text.length)));
}

/** The path of an operation with each `{param}` filled (encoded) by `valueFor`. */
export function fillPath(op: Operation, valueFor: (param: string, before: string) => string): string {
  return op.path.replace(/\{(\w+)\}/g, (_, param: string, offset: number) => {
    const before = op.path.slice(0, offset).split('/').filter(Boolean).pop() ?? '';
    return valueFor(param, before);
  });
}

/** A small raw body for the routes that take a file rather than JSON (CSV imports, asset uploads). */
export function rawBodyFor(op: Operation, png: Uint8Array, csvLine: string) {
  if (op.method !== 'POST' || op.body) return undefined;
  if (op.path.endsWith('/import')) return { raw: csvLine, contentType: 'text/csv' };
  if (op.path.endsWith('/assets')) return { raw: png, contentType: 'image/png' };
  return undefined;
}

/** Required query parameters, each with a sample value. */
export function requiredQuery(op: Operation, fill: Filler): string {
  const pairs = op.query
    .filter((p) => p.required)
    .map(
      (p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(sample(p.schema, fill, p.name)))}`,
    );
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}
