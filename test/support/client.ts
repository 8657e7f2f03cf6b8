import { expect } from 'vitest';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  /** Send the CSRF token of the session (default true). */
  csrf?: boolean;
  headers?: Record<string, string>;
  /** A raw body sent as is (with headers['content-type']). */
  raw?: string | Uint8Array;
}

let counter = 0;
/** A unique, valid email address for a test. */
export const uniqueEmail = (name = 'person') =>
  `${name}.${process.pid}.${Date.now()}.${counter++}@example.com`;

/** An HTTP client with a cookie jar, like a browser: it echoes the csrf cookie in x-csrf-token. */
export class Client {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('csrf');
    if (csrf && options.csrf !== false && !['GET', 'HEAD'].includes(method)) headers['x-csrf-token'] = csrf;
    let payload: string | Uint8Array | undefined = options.raw;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body: payload, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = decodeURIComponent(pair.slice(eq + 1).trim());
      const expired = attributes.some(
        (a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]!) <= new Date(),
      );
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const type = response.headers.get('content-type') ?? '';
    // Files (assets) come back as bytes, everything else as text or parsed JSON.
    if (/^(image\/|application\/pdf|application\/octet-stream)/.test(type)) {
      const bytes = Buffer.from(await response.arrayBuffer());
      return { status: response.status, headers: response.headers, body: bytes as T };
    }
    const text = await response.text();
    const parsed = text && /^application\/(problem\+)?json/.test(type) ? JSON.parse(text) : text;
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  get<T = any>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, undefined, options);
  }
  post<T = any>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, body, options);
  }
  patch<T = any>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PATCH', path, body, options);
  }
  put<T = any>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PUT', path, body, options);
  }
  delete<T = any>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('DELETE', path, body, options);
  }

  /** Signs up a new account (signed in afterwards) and returns sign-up's answer. */
  async signup(overrides: Record<string, unknown> = {}) {
    const body = {
      accountName: `Acme ${counter++}`,
      firstName: 'Ada',
      lastName: 'Admin',
      email: uniqueEmail('admin'),
      password: 'correct horse battery staple',
      ...overrides,
    };
    const reply = await this.post('/api/signup', body);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return { ...reply.body, password: body.password, email: body.email } as {
      account: { id: string; name: string; plan: string };
      member: { id: string; email: string };
      workspace: { id: string; name: string };
      password: string;
      email: string;
    };
  }
}

/** Asserts an RFC 9457 answer with this status and code. */
export function expectProblem(reply: Reply, status: number, code?: string) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  });
  if (code) expect(reply.body.code).toBe(code);
}
