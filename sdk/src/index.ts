import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths };

/** An error answer's body: RFC 9457 problem details with Atrium's stable `code`. */
export type ProblemBody = components['schemas']['Problem'];

/** The client: `GET`, `POST`, `PUT`, `PATCH`, `DELETE` on the API's paths, typed from its document. */
export type AtriumClient = Client<paths>;

export interface AtriumClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** A workspace's app API key (atrium_…), sent as `Authorization: Bearer`. */
  apiKey?: string;
  /**
   * Keep the session cookie that signing in or signing up sets, and send the CSRF token with every
   * state change, as the console does. For scripts that act as a team member (Node has no cookie
   * jar); a browser keeps the cookie itself.
   */
  session?: boolean;
}

/** An API call that answered 4xx or 5xx, with the problem the server described. */
export class AtriumProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: { path: string; message: string }[];
  readonly body: Record<string, unknown>;

  constructor(status: number, body: unknown) {
    const problem = (typeof body === 'object' && body !== null ? body : {}) as Partial<ProblemBody>;
    const detail = problem.detail ?? `HTTP ${status}`;
    super(detail);
    this.name = 'AtriumProblem';
    this.status = status;
    this.code = problem.code ?? 'error';
    this.detail = detail;
    this.errors = problem.errors ?? [];
    this.body = problem as Record<string, unknown>;
  }

  /** The message for one field of the request body (by its JSON pointer, e.g. "/name"), if any. */
  field(pointer: string): string | undefined {
    return this.errors.find((e) => e.path === pointer || e.path.startsWith(`${pointer}/`))?.message;
  }
}

/**
 * The data of a call's answer, or an AtriumProblem thrown for an error answer:
 * `const me = await unwrap(atrium.GET('/api/me'))`.
 */
export async function unwrap<D>(
  pending: Promise<{ data?: D; error?: unknown; response: Response }>,
): Promise<D> {
  const { data, error, response } = await pending;
  if (!response.ok) throw new AtriumProblem(response.status, error);
  return data as D;
}

/** Sends the session cookie and CSRF token back, as a browser would. */
function sessionMiddleware(): Middleware {
  const cookies = new Map<string, string>();
  return {
    onRequest({ request }) {
      if (cookies.size > 0) {
        request.headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
      }
      const csrf = cookies.get('csrf');
      if (csrf && request.method !== 'GET') request.headers.set('x-csrf-token', decodeURIComponent(csrf));
      return request;
    },
    onResponse({ response }) {
      for (const line of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split(';');
        const at = pair.indexOf('=');
        const name = pair.slice(0, at).trim();
        const value = pair.slice(at + 1).trim();
        const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
        if (value === '' || expired) cookies.delete(name);
        else cookies.set(name, value);
      }
    },
  };
}

/**
 * A client for the Atrium service at `baseUrl` (e.g. "https://atrium.example.com"). Paths, query
 * parameters, bodies and answers are checked by TypeScript against the API's OpenAPI document.
 */
export function createAtriumClient(baseUrl: string, options: AtriumClientOptions = {}): AtriumClient {
  const { apiKey, session, headers, ...rest } = options;
  const client = createClient<paths>({
    ...rest,
    baseUrl,
    headers: { ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}), ...headers },
  });
  if (session) client.use(sessionMiddleware());
  return client;
}
