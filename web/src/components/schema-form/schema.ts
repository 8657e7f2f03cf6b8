/**
 * The JSON Schema the server serves for a kind's body (as TypeBox emits it), and what the form needs
 * to read from it: defaults, labels in words, which variant of a union a value is.
 */

export interface JsonSchema {
  type?: string;
  title?: string;
  description?: string;
  default?: unknown;
  enum?: readonly unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

export type Value = unknown;
export type Fields = Record<string, Value>;

const acronyms = new Set(['url', 'html', 'id', 'api', 'sms', 'csv']);

/** "openTracking" → "Open tracking", "api_triggered" → "API triggered", "layoutId" → "Layout". */
export function inWords(name: string): string {
  const words = name
    .replace(/Id$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((w) => (acronyms.has(w) ? w.toUpperCase() : w));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const labelOf = (schema: JsonSchema, name: string) => schema.title ?? inWords(name);

/** "Messages" → "message", for "Add message" and "Message 2". */
export function singular(label: string): string {
  const lower = label.toLowerCase();
  return lower.endsWith('s') ? lower.slice(0, -1) : lower;
}

/** The union's branches other than null, and whether null is one of them (an optional value). */
export function branches(schema: JsonSchema): { options: JsonSchema[]; nullable: boolean } {
  const all = schema.anyOf ?? [];
  const options = all.filter((s) => s.type !== 'null');
  return { options, nullable: options.length < all.length };
}

/** The property whose constant tells the objects of a union apart (a trigger's `type`). */
export function discriminator(options: JsonSchema[]): string | null {
  const first = options[0]?.properties;
  if (!first || !options.every((o) => o.type === 'object')) return null;
  return (
    Object.keys(first).find((key) => options.every((o) => o.properties?.[key]?.const !== undefined)) ?? null
  );
}

/** The kind prefix of an id field (`^lay_[0-9a-z]{26}$` → `lay`), to choose among that kind's items. */
export function idPrefix(schema: JsonSchema): string | null {
  return /^\^([a-z]+)_\[0-9a-z\]\{26\}\$$/.exec(schema.pattern ?? '')?.[1] ?? null;
}

export const isRecord = (value: Value): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a new value of the schema starts as: its default, or an empty one of its type. */
export function initialValue(schema: JsonSchema): Value {
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (schema.const !== undefined) return schema.const;
  if (schema.anyOf) return branches(schema).nullable ? null : initialValue(schema.anyOf[0]!);
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      if (!schema.properties) return {};
      const required = new Set(schema.required ?? []);
      return Object.fromEntries(
        Object.entries(schema.properties)
          .filter(([key]) => required.has(key))
          .map(([key, s]) => [key, initialValue(s)]),
      );
    }
    case 'array':
      return [];
    case 'boolean':
      return false;
    case 'number':
    case 'integer':
      return undefined;
    default:
      return '';
  }
}

/**
 * The body to send: optional fields left empty are left out (an empty description is no
 * description), so that the server's defaults and "absent" apply.
 */
export function cleaned(schema: JsonSchema, value: Value): Value {
  if (Array.isArray(value)) return value.map((v) => (schema.items ? cleaned(schema.items, v) : v));
  if (!isRecord(value) || !schema.properties) return value;
  const required = new Set(schema.required ?? []);
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, v]) => required.has(key) || (v !== '' && v !== undefined))
      .map(([key, v]) => {
        const s = schema.properties?.[key];
        return [key, s ? cleaned(s, v) : v];
      }),
  );
}
