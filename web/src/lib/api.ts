/** The service's API, as the console calls it: JSON, the session cookie, and the CSRF token. */

export interface FieldError {
  path: string;
  message: string;
}

/** An application/problem+json answer. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail);
  }

  /** The message for a form field (by its JSON pointer, e.g. "/name"), if the server named one. */
  field(path: string): string | undefined {
    return this.errors.find((e) => e.path === path || e.path.startsWith(`${path}/`))?.message;
  }
}

function csrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith('csrf='))
    ?.slice('csrf='.length);
}

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

async function request<T>(
  method: string,
  path: string,
  body: BodyInit | undefined,
  contentType: string | undefined,
  retried = false,
): Promise<T> {
  const headers: Record<string, string> = {};
  if (contentType) headers['content-type'] = contentType;
  const csrf = csrfToken();
  if (csrf && method !== 'GET') headers['x-csrf-token'] = decodeURIComponent(csrf);
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body });
  const text = await response.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const p = (data ?? {}) as { code?: string; detail?: string; errors?: FieldError[] };
    const problem = new Problem(
      response.status,
      p.code ?? 'error',
      p.detail ?? response.statusText,
      p.errors ?? [],
      data ?? {},
    );
    // A sensitive action after 10 minutes: ask for the password inline, then send the same call
    // again, once. Calls refused at the same time share one prompt.
    if (
      problem.code === 'reauthentication_required' &&
      reauthenticate &&
      !retried &&
      path !== REAUTHENTICATE_PATH
    ) {
      asking ??= reauthenticate().finally(() => {
        asking = null;
      });
      if (await asking) return request<T>(method, path, body, contentType, true);
    }
    throw problem;
  }
  return data as T;
}

export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  return body === undefined
    ? request<T>(method, path, undefined, undefined)
    : request<T>(method, path, JSON.stringify(body), 'application/json');
}

/**
 * A file sent as the body itself, with its own Content-Type (an asset upload), or with the one the
 * route expects when the browser's guess varies (a CSV file is text/csv whatever the system says).
 */
export const upload = <T>(path: string, file: File, contentType?: string) =>
  request<T>('POST', path, file, contentType ?? (file.type || 'application/octet-stream'));

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body);
export const patch = <T>(path: string, body?: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body);
export const del = <T>(path: string, body?: unknown) => api<T>('DELETE', path, body);
