import SCIMMY from 'scimmy';
import { scimError } from './call.js';

export type ScimResourceType = typeof SCIMMY.Resources.User | typeof SCIMMY.Resources.Group;
export type PatchMessage = Parameters<SCIMMY.Resources.User['patch']>[0];

/** What the routes do with a User or Group resource of scimmy (the same for both). */
export interface ScimResource {
  read(ctx?: unknown): Promise<unknown>;
  write(instance: unknown, ctx?: unknown): Promise<unknown>;
  patch(message: PatchMessage, ctx?: unknown): Promise<unknown>;
  dispose(ctx?: unknown): Promise<void>;
}
type ResourceConstructor = new (id?: string | object, config?: object) => ScimResource;

/** The list parameters of RFC 7644 §3.4.2 from a query string (numbers arrive as text). */
export function listParams(query: Record<string, string | undefined>) {
  const int = (v: string | undefined) => (v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined);
  const params: Record<string, string | number> = {};
  for (const key of ['filter', 'attributes', 'excludedAttributes', 'sortBy', 'sortOrder'] as const) {
    const value = query[key];
    if (value !== undefined) params[key] = value;
  }
  const startIndex = int(query.startIndex);
  const count = int(query.count);
  if (startIndex !== undefined) params.startIndex = startIndex;
  if (count !== undefined) params.count = Math.min(count, 200);
  return params;
}

/**
 * scimmy's resource for this request. Its filter parser throws a plain TypeError on some input
 * ("nonsense"): that is a bad filter too, not a server error.
 */
export function resourceFor(
  type: ScimResourceType,
  id: string | undefined,
  query: Record<string, string | undefined>,
): ScimResource {
  const Resource = type as unknown as ResourceConstructor;
  try {
    const params = listParams(query);
    return id === undefined ? new Resource(params) : new Resource(id, params);
  } catch (error) {
    if (error instanceof SCIMMY.Types.Error) throw error;
    throw scimError(400, 'invalidFilter', `The filter cannot be read: ${(error as Error).message}`);
  }
}

const attributeNames = (type: ScimResourceType) =>
  new Set(
    type.schema.definition.attributes.map((a) =>
      (a instanceof SCIMMY.Types.SchemaDefinition ? a.id : a.name).toLowerCase(),
    ),
  );

/** RFC 7644 §3.12: a body naming attributes the schema does not define is refused, not ignored. */
export function assertKnownAttributes(type: ScimResourceType, body: unknown): void {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return;
  const known = attributeNames(type);
  const unknown = Object.keys(body).filter((k) => !known.has(k.toLowerCase()));
  if (unknown.length > 0)
    throw scimError(
      400,
      'invalidSyntax',
      `Unknown attribute${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
    );
}

interface Operation {
  op?: unknown;
  path?: unknown;
  value?: unknown;
}

const BOOLEAN_TEXT: Record<string, boolean> = { true: true, false: false };

/** Entra ID sends booleans as text ("False"); RFC 7643 booleans are JSON booleans. */
function booleanOf(value: unknown): unknown {
  return typeof value === 'string' && value.toLowerCase() in BOOLEAN_TEXT
    ? BOOLEAN_TEXT[value.toLowerCase()]
    : value;
}

/**
 * A PatchOp as scimmy reads it: Entra's `active: "False"` made a boolean (see
 * https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups,
 * "Update User [Single-valued properties]"); values without a path checked for unknown attributes.
 */
export function normalisePatch(type: ScimResourceType, body: unknown): unknown {
  if (
    body === null ||
    typeof body !== 'object' ||
    !Array.isArray((body as { Operations?: unknown }).Operations)
  )
    return body;
  const message = body as { Operations: Operation[] };
  const Operations = message.Operations.map((operation) => {
    if (operation === null || typeof operation !== 'object') return operation;
    const { path, value } = operation;
    if (typeof path === 'string' && path.toLowerCase() === 'active')
      return { ...operation, value: booleanOf(value) };
    if (path === undefined && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      assertKnownAttributes(type, value);
      const fixed = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, k.toLowerCase() === 'active' ? booleanOf(v) : v]),
      );
      return { ...operation, value: fixed };
    }
    return operation;
  });
  return { ...message, Operations };
}
