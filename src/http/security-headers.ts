import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every answer: the console (a Vite build: its own scripts and
 * styles, Mantine's inline styles and CSS variables, data: images) and Swagger UI at /api/docs
 * (its own scripts and styles) need nothing from elsewhere; nobody may frame either.
 */
export function contentSecurityPolicy(https: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    ...(https && { 'upgrade-insecure-requests': [] }),
  };
}

/**
 * Security headers on every answer, by @fastify/helmet: nosniff, no framing (X-Frame-Options
 * DENY and frame-ancestors 'none'), the CSP above, HSTS when the service is reached over https.
 * Then `Cache-Control: no-store` on every /api answer that does not set its own: they carry
 * sessions' data, the CSRF token (GET /api/me), secrets shown once (a new API key) or links
 * that are secrets (the outbox), and no cache of any kind should keep them (OWASP's REST advice).
 */
export async function registerSecurityHeaders(app: FastifyInstance, publicUrl: string): Promise<void> {
  const https = publicUrl.startsWith('https://');
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
    frameguard: { action: 'deny' },
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: false } : false,
    // Origin, not nothing: a same-origin POST under no-referrer sends `Origin: null`.
    referrerPolicy: { policy: 'same-origin' },
  });
  app.addHook('onSend', async (request, reply) => {
    const path = request.url;
    if (path.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    // Tracking pixels and links are loaded by mail clients of any origin.
    if (path.startsWith('/t/')) reply.header('cross-origin-resource-policy', 'cross-origin');
  });
}
