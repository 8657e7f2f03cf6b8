import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { NewSession } from './service.js';

export const SESSION_COOKIE = 'atrium_session';
/** Readable by the console's scripts, which echo it in the x-csrf-token header (double submit). */
export const CSRF_COOKIE = 'csrf';
export const CSRF_HEADER = 'x-csrf-token';

const secure = (config: Config) => config.publicUrl.startsWith('https:');

export function setSessionCookies(
  reply: FastifyReply,
  config: Config,
  session: Pick<NewSession, 'token' | 'csrfToken' | 'expiresAt'>,
): void {
  const common = { path: '/', sameSite: 'lax', secure: secure(config), expires: session.expiresAt } as const;
  reply.setCookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, config: Config): void {
  const common = { path: '/', sameSite: 'lax', secure: secure(config) } as const;
  reply.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, common);
}

export function clientInfo(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}
