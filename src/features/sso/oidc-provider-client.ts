import * as client from 'openid-client';
import type { AppContext } from '../../context.js';
import { DomainError, invalid } from '../../shared/errors.js';
import { ssoRefused } from './sign-in.js';

/** Discovery documents are read again after this long (a key rotation shows in the JWKS, not here). */
const DISCOVERY_TTL_MS = 5 * 60 * 1000;
/** Every call to the identity provider gives up after this long (openid-client counts seconds). */
const TIMEOUT_SECONDS = 5;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

interface Discovered {
  metadata: client.ServerMetadata;
  jwks: client.ExportedJWKSCache | undefined;
  expiresAt: number;
}

// Per service instance (no module-wide state shared between services, e.g. in tests).
const caches = new WeakMap<AppContext, Map<string, Discovered>>();
const cacheOf = (ctx: AppContext) => {
  const cache = caches.get(ctx) ?? new Map<string, Discovered>();
  caches.set(ctx, cache);
  return cache;
};

/**
 * The issuer as a URL, with whether plain HTTP may be used: only to a loopback host, and only when
 * the service itself runs on one (development and tests). A deployment never calls plain-HTTP
 * services on its own machine for an admin (no probing of local ports through the answers).
 */
export function issuerUrl(issuer: string, publicUrl: string): { url: URL; insecure: boolean } {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw invalid('/issuer', 'must be a URL');
  }
  if (url.protocol === 'https:') return { url, insecure: false };
  const local = LOOPBACK_HOSTS.has(new URL(publicUrl).hostname);
  if (url.protocol === 'http:' && local && LOOPBACK_HOSTS.has(url.hostname)) return { url, insecure: true };
  throw invalid(
    '/issuer',
    'must be an https:// URL (plain http only to 127.0.0.1, ::1 or localhost, when Atrium itself runs there)',
  );
}

/** What went wrong talking to the provider, in words (openid-client's errors carry codes and causes). */
export function describeProviderError(error: unknown): string {
  if (error instanceof client.ResponseBodyError || error instanceof client.AuthorizationResponseError) {
    return error.error_description ? `${error.error}: ${error.error_description}` : error.error;
  }
  if (error instanceof Error) {
    const cause = error.cause;
    // openid-client's message is generic ("unexpected JWT claim value"); its cause says which.
    if (cause instanceof Error) return `${error.message} (${cause.message})`;
    return error.message;
  }
  return String(error);
}

/** openid-client's failures (network, protocol, validation); anything else is a bug and stays one. */
export function isProviderError(error: unknown): boolean {
  return (
    error instanceof client.ClientError ||
    error instanceof client.ResponseBodyError ||
    error instanceof client.AuthorizationResponseError ||
    error instanceof client.WWWAuthenticateChallengeError ||
    error instanceof TypeError
  );
}

async function discover(ctx: AppContext, issuer: string): Promise<client.ServerMetadata> {
  const { url, insecure } = issuerUrl(issuer, ctx.config.publicUrl);
  const config = await client.discovery(url, 'discovery', undefined, undefined, {
    timeout: TIMEOUT_SECONDS,
    ...(insecure && { execute: [client.allowInsecureRequests] }),
  });
  return config.serverMetadata();
}

/**
 * Reads the issuer's discovery document now (an admin saving the settings must see a real check),
 * refusing with a problem at /issuer that says why when it cannot be read or is not usable.
 */
export async function checkIssuer(ctx: AppContext, issuer: string): Promise<void> {
  const url = `${issuerUrl(issuer, ctx.config.publicUrl).url.href.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let metadata: client.ServerMetadata;
  try {
    metadata = await discover(ctx, issuer);
  } catch (error) {
    if (error instanceof DomainError || !isProviderError(error)) throw error;
    throw invalid(
      '/issuer',
      `The discovery document at ${url} could not be used: ${describeProviderError(error)}`,
    );
  }
  const missing = ['authorization_endpoint', 'token_endpoint', 'jwks_uri'].filter(
    (key) => typeof metadata[key] !== 'string',
  );
  if (missing.length > 0) {
    throw invalid('/issuer', `The discovery document at ${url} names no ${missing.join(', ')}.`);
  }
  cacheOf(ctx).set(issuer, { metadata, jwks: undefined, expiresAt: Date.now() + DISCOVERY_TTL_MS });
}

/**
 * The client configuration for a sign-in: the issuer's metadata from the cache (read again after a
 * few minutes) and the account's client credentials, with a timeout on every call.
 */
export async function configurationFor(
  ctx: AppContext,
  issuer: string,
  clientId: string,
  clientSecret: string,
): Promise<client.Configuration> {
  const cache = cacheOf(ctx);
  let entry = cache.get(issuer);
  if (!entry || entry.expiresAt <= Date.now()) {
    try {
      entry = {
        metadata: await discover(ctx, issuer),
        jwks: undefined,
        expiresAt: Date.now() + DISCOVERY_TTL_MS,
      };
    } catch (error) {
      if (!isProviderError(error)) throw error;
      throw ssoRefused(`The identity provider could not be reached: ${describeProviderError(error)}`);
    }
    cache.set(issuer, entry);
  }
  // client_secret_basic is the default of the standard; a provider may list only client_secret_post.
  const methods = entry.metadata.token_endpoint_auth_methods_supported;
  const auth =
    methods && !methods.includes('client_secret_basic') && methods.includes('client_secret_post')
      ? client.ClientSecretPost(clientSecret)
      : client.ClientSecretBasic(clientSecret);
  const config = new client.Configuration(entry.metadata, clientId, undefined, auth);
  config.timeout = TIMEOUT_SECONDS;
  if (issuerUrl(issuer, ctx.config.publicUrl).insecure) client.allowInsecureRequests(config);
  if (entry.jwks) client.setJwksCache(config, entry.jwks);
  return config;
}

/** Keeps the provider's signing keys that a sign-in fetched, for the next sign-ins. */
export function keepJwks(ctx: AppContext, issuer: string, config: client.Configuration): void {
  const entry = cacheOf(ctx).get(issuer);
  const jwks = client.getJwksCache(config);
  if (entry && jwks) entry.jwks = jwks;
}
