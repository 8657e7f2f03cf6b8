import { stat } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DomainError } from '../shared/errors.js';

// The console is a single-page app: its pages revalidated, its hashed assets cached for good. The
// security headers (CSP, no framing, nosniff) are every answer's (security-headers.ts).
const pageHeaders = { 'cache-control': 'no-cache' };

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the console (built by Vite into `webDir`) at /: its files as they are, and index.html for
 * every other page path (the router in the browser takes it from there). /api/… never falls
 * through to the console.
 */
export async function serveConsole(app: FastifyInstance, webDir: string): Promise<void> {
  await app.register(fastifyStatic, { root: webDir, serve: false });
  app.get(
    '/*',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply: FastifyReply) => {
      const path = normalize((request.params as { '*': string })['*']).replace(/^(\.\.(\/|$))+/, '');
      if (path === 'api' || path.startsWith('api/')) {
        throw new DomainError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
      }
      if (path && (await isFile(join(webDir, path)))) {
        const immutable = path.startsWith('assets/');
        return reply
          .headers(immutable ? { 'cache-control': 'public, max-age=31536000, immutable' } : pageHeaders)
          .sendFile(path);
      }
      if (path.startsWith('assets/') || !(await isFile(join(webDir, 'index.html')))) {
        throw new DomainError(
          'not_found',
          path.startsWith('assets/')
            ? `No file ${path}`
            : 'The console is not built here; run `npm run build` (npm start does it).',
        );
      }
      return reply.headers(pageHeaders).sendFile('index.html');
    },
  );
}
