import fc from 'fast-check';
import type { Operation } from './openapi.js';

/**
 * The malformed requests of the fuzz suite, as fast-check arbitraries: each kind turns a valid
 * request (the operation filled with real ids and a body built from its schema) into a bad one.
 */

export interface BaseRequest {
  op: Operation;
  /** Each path parameter's value, not yet encoded. */
  params: Record<string, string>;
  /** The required query, encoded (`mode=create`), or ''. */
  query: string;
  /** The JSON body, or a file body (CSV, PNG) with its type. */
  json?: unknown;
  raw?: { raw: string | Uint8Array; contentType: string };
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** Every byte percent-encoded: lone surrogates become U+FFFD, as UTF-8 has no form for them. */
export const percentEncode = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');

const encodeParam = (value: string) => encodeURIComponent(value);

export function assemble(
  base: BaseRequest,
  change: {
    params?: Record<string, string>;
    query?: string;
    body?: string | Uint8Array;
    contentType?: string;
    headers?: Record<string, string>;
  } = {},
): FuzzRequest {
  const path = base.op.path.replace(
    /\{(\w+)\}/g,
    (_, name: string) => change.params?.[name] ?? encodeParam(base.params[name] ?? 'x'),
  );
  const query = [base.query, change.query].filter(Boolean).join('&');
  const headers: Record<string, string> = {};
  let body: string | Uint8Array | undefined;
  if (change.body !== undefined) {
    body = change.body;
    headers['content-type'] = change.contentType ?? 'application/json';
  } else if (base.raw) {
    body = base.raw.raw;
    headers['content-type'] = base.raw.contentType;
  } else if (base.json !== undefined) {
    body = JSON.stringify(base.json);
    headers['content-type'] = 'application/json';
  }
  return {
    method: base.op.method,
    path: query ? `${path}?${query}` : path,
    headers: { ...headers, ...change.headers },
    body,
  };
}

/** Every place in a JSON value where another value can go: `[]` is the whole body. */
function placesIn(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) placesIn(v, [...at, i], out);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) placesIn(v, [...at, k], out);
  return out;
}

const MARK = '\u0001fuzz\u0001';

/** The body with the value at one place (chosen by `pick`) replaced by raw JSON text. */
function withRawAt(json: unknown, pick: number, rawValue: string): string {
  const places = placesIn(json ?? {});
  const place = places[pick % places.length]!;
  if (place.length === 0) return rawValue;
  const copy = structuredClone(json) as Record<string | number, unknown>;
  let node = copy;
  for (const key of place.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[place.at(-1)!] = MARK;
  return JSON.stringify(copy).replace(JSON.stringify(MARK), rawValue);
}

const deep = (depth: number, shape: 'array' | 'object') =>
  shape === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const badStrings = ['\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud83d', '\u0000\ud800', '\uffff', '\u202e'];

const oddParams = [
  'a'.repeat(5000),
  '%',
  '%ZZ',
  '%E0%A4',
  '%C0%AF',
  '%00',
  '%ED%A0%80',
  '..',
  '.',
  '%2e%2e',
  '%2F',
  '%252F',
  '%2F..%2F..%2Fetc%2Fpasswd',
  percentEncode('ü'),
  percentEncode('😀'),
  percentEncode('\u202e'),
  percentEncode("'; DROP TABLE people; --"),
  '-1',
  '0',
  '1e309',
  'null',
  '__proto__',
  'constructor',
  `cio_${'z'.repeat(26)}`,
  `ws_${'0'.repeat(26)}`,
];

const oddQueryValues = [
  '',
  '1e309',
  '99999999999999999999',
  '-1',
  '0',
  'NaN',
  'garbage',
  '%00',
  '%ED%A0%80',
  '%ZZ',
  '%',
  'A'.repeat(5000),
  'eyJ4Ijo',
  Buffer.from('{"id":1,"at":"x"}').toString('base64url'),
  percentEncode('😀'),
  'true',
  '[]',
];

/** Changes of one kind to a request, drawn by fast-check. */
export type Mutation = (base: BaseRequest) => FuzzRequest;

const anyValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.string({ maxLength: 20 }),
);

export const mutations: Record<string, { body: boolean; arbitrary: fc.Arbitrary<Mutation> }> = {
  'malformed JSON': {
    body: true,
    arbitrary: fc
      .oneof(
        fc.constantFrom(
          '{',
          '{"a":',
          '[1,]',
          "{'a':1}",
          'nul',
          '{"a":1}}',
          '\u0000',
          '\ufeff{}',
          '{"__proto__":{"x":1}}',
          '{"constructor":{"prototype":{"x":1}}}',
          '',
          '"text"',
          '123',
        ),
        fc.string({ maxLength: 30 }),
        fc.json().map((j) => j.slice(0, Math.max(1, j.length - 1))),
      )
      .map((text) => (base: BaseRequest) => assemble(base, { body: text })),
  },
  'wrong type': {
    body: true,
    arbitrary: fc.tuple(fc.nat(), anyValue).map(
      ([pick, value]) =>
        (base: BaseRequest) =>
          assemble(base, { body: withRawAt(base.json, pick, JSON.stringify(value)) }),
    ),
  },
  'huge value': {
    body: true,
    arbitrary: fc
      .tuple(
        fc.nat(),
        fc.constantFrom(
          JSON.stringify('a'.repeat(200_000)),
          JSON.stringify('é'.repeat(20_000)),
          '1e308',
          '-1e308',
          '1e400',
          '123456789012345678901234567890',
          '-0',
          '9007199254740993',
          `[${'1,'.repeat(50_000)}1]`,
          JSON.stringify(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]))),
        ),
      )
      .map(
        ([pick, raw]) =>
          (base: BaseRequest) =>
            assemble(base, { body: withRawAt(base.json, pick, raw) }),
      ),
  },
  'deep nesting': {
    body: true,
    arbitrary: fc
      .tuple(
        fc.nat(),
        fc.constantFrom(10_000, 5_000, 1_000),
        fc.constantFrom('array' as const, 'object' as const),
      )
      .map(
        ([pick, depth, shape]) =>
          (base: BaseRequest) =>
            assemble(base, { body: withRawAt(base.json, pick, deep(depth, shape)) }),
      ),
  },
  'NUL and lone surrogates': {
    body: true,
    arbitrary: fc
      .tuple(fc.nat(), fc.constantFrom(...badStrings), fc.boolean(), fc.boolean())
      .map(([pick, text, asKey, rawBytes]) => (base: BaseRequest) => {
        if (rawBytes)
          return assemble(base, {
            body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
          });
        const value = asKey ? JSON.stringify({ [text]: 1 }) : JSON.stringify(text);
        return assemble(base, { body: withRawAt(base.json, pick, value) });
      }),
  },
  'template syntax': {
    body: true,
    arbitrary: fc
      .tuple(
        fc.nat(),
        fc.constantFrom(
          '{{',
          '{% if %}',
          '{{ a | nosuchfilter }}',
          '{% endfor %}',
          '{% include "x" %}',
          '{% render "../../etc/passwd" %}',
          '{{ "a" | append: }}',
          '{% assign = %}',
          '{{ customer.first_name',
          '}}{%',
        ),
      )
      .map(
        ([pick, text]) =>
          (base: BaseRequest) =>
            assemble(base, { body: withRawAt(base.json, pick, JSON.stringify(text)) }),
      ),
  },
  'odd path parameter': {
    body: false,
    arbitrary: fc
      .tuple(
        fc.nat(),
        fc.oneof(
          fc.constantFrom(...oddParams),
          fc.string({ unit: 'binary', maxLength: 20 }).map(percentEncode),
          fc.constantFrom(...badStrings).map(percentEncode),
        ),
      )
      .map(([pick, value]) => (base: BaseRequest) => {
        const names = base.op.pathParams;
        if (names.length === 0) return assemble(base, { query: `x=${value}` });
        return assemble(base, { params: { [names[pick % names.length]!]: value } });
      }),
  },
  'odd query': {
    body: false,
    arbitrary: fc
      .array(fc.tuple(fc.nat(), fc.constantFrom(...oddQueryValues), fc.constantFrom('', '[]', '[x]')), {
        minLength: 1,
        maxLength: 4,
      })
      .map((pairs) => (base: BaseRequest) => {
        const names = [...base.op.query.map((q) => q.name), 'x', '__proto__', 'constructor[prototype][x]'];
        const query = pairs.map(([pick, value, suffix]) => `${names[pick % names.length]}${suffix}=${value}`);
        return assemble(base, { query: query.join('&') });
      }),
  },
  'odd headers': {
    body: false,
    arbitrary: fc
      .constantFrom<Record<string, string>>(
        { 'content-type': 'application/json; charset=utf-16' },
        { 'content-type': 'text/plain' },
        { 'content-type': 'application/x-www-form-urlencoded' },
        { 'content-type': 'multipart/form-data' },
        { 'content-type': 'application/json; charset=latin1' },
        { 'x-csrf-token': 'x'.repeat(5000) },
        { authorization: 'Basic %%%' },
        { authorization: `Bearer ${'x'.repeat(5000)}` },
        { authorization: `Basic ${Buffer.from(`${'\u0000'}:\ud800`).toString('base64')}` },
        { accept: 'application/xml' },
        { cookie: `x=${'y'.repeat(20_000)}` },
      )
      .map((headers) => (base: BaseRequest) => {
        const request = assemble(base);
        return { ...request, headers: { ...request.headers, ...headers } };
      }),
  },
};
