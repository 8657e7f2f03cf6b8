/**
 * The service's API, as the console calls it: the generated SDK (sdk/), with the session cookie,
 * the CSRF token, and the "confirm it's you" prompt for sensitive actions. Every call goes through
 * `sdk`; request and response types come from the API's OpenAPI document, never written here.
 *
 *   const me = await unwrap(sdk.GET('/api/me'));
 *   await unwrap(sdk.PATCH('/api/workspaces/{workspaceId}', { params: { path: { workspaceId } }, body }));
 */
import { AtriumProblem, createAtriumClient, type paths, unwrap } from '@atrium/sdk';

export type { paths };
export { AtriumProblem as Problem, unwrap };

/** The JSON answer of a route: `Answer<'/api/me', 'get'>`. */
export type Answer<
  P extends keyof paths,
  M extends 'get' | 'post' | 'put' | 'patch' | 'delete',
> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer A } } }
    ? A
    : R extends { 201: { content: { 'application/json': infer A } } }
      ? A
      : R extends { 202: { content: { 'application/json': infer A } } }
        ? A
        : never
  : never;

/** The JSON body a route takes: `Body<'/api/workspaces', 'post'>`. */
export type Body<P extends keyof paths, M extends 'post' | 'put' | 'patch' | 'delete'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/**
 * Asks the person to confirm it is them (their password, POST /api/me/reauthenticate); resolves
 * true once they did, false if they declined. Set by the one ReauthenticationPrompt on screen.
 */
export type Reauthenticate = () => Promise<boolean>;
let reauthenticate: Reauthenticate | null = null;
let asking: Promise<boolean> | null = null;

export function setReauthenticationHandler(handler: Reauthenticate | null): void {
  reauthenticate = handler;
}

export const REAUTHENTICATE_PATH = '/api/me/reauthenticate';

/**
 * A sensitive action after 10 minutes answers 403 reauthentication_required: ask for the password
 * inline, then send the same request again, once. Calls refused at the same time share one prompt.
 */
async function fetchWithReauthentication(request: Request): Promise<Response> {
  const again = request.clone();
  const response = await fetch(request);
  if (response.status !== 403 || !reauthenticate) return response;
  if (new URL(request.url).pathname === REAUTHENTICATE_PATH) return response;
  const problem = (await response
    .clone()
    .json()
    .catch(() => null)) as { code?: string } | null;
  if (problem?.code !== 'reauthentication_required') return response;
  asking ??= reauthenticate().finally(() => {
    asking = null;
  });
  return (await asking) ? fetch(again) : response;
}

function csrfToken(): string | undefined {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('csrf='));
  return cookie ? decodeURIComponent(cookie.slice('csrf='.length)) : undefined;
}

export const sdk = createAtriumClient(window.location.origin, {
  credentials: 'same-origin',
  fetch: fetchWithReauthentication,
});
sdk.use({
  onRequest({ request }) {
    const csrf = csrfToken();
    if (csrf && request.method !== 'GET') request.headers.set('x-csrf-token', csrf);
    return request;
  },
});

/**
 * The options that send a file as the body itself, with its own Content-Type (an asset upload), or
 * with the one the route expects when the browser's guess varies (a CSV file is text/csv whatever
 * the system says): `sdk.POST(path, { params, ...fileBody(file, 'text/csv') })`.
 */
export function fileBody(file: File, contentType?: string) {
  return {
    body: file,
    bodySerializer: (body: Blob) => body,
    headers: { 'content-type': contentType ?? (file.type || 'application/octet-stream') },
  };
}
