import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { ApiKeyKind } from '../../db/schema.js';
import { notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { hashToken, randomToken, safeEqual } from '../../shared/secrets.js';
import { recordActivity } from '../activity/record.js';
import { type Actor, actorName } from '../auth/actor.js';
import type { ApiKey, CreateApiKeyBody } from './schemas.js';
import type { ApiKeyRow } from './store.js';
import * as store from './store.js';

/** App keys read `atrium_<16 hex: public id>_<43 chars: secret>`; the prefix makes a leaked key easy to spot. */
const APP_KEY = /^atrium_([0-9a-f]{16})_([\w-]{43})$/;

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    siteId: row.kind === 'track' ? row.publicId : null,
    hint: row.kind === 'track' ? `${row.publicId}:…` : `atrium_${row.publicId}_…`,
    createdBy: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export async function listApiKeys(ctx: AppContext, workspaceId: string): Promise<ApiKey[]> {
  return (await store.listApiKeys(ctx.db, workspaceId)).map(toApiKey);
}

/** Creates a key; its secret is in this answer only (stored as a SHA-256 hash). */
export async function createApiKey(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  body: CreateApiKeyBody,
) {
  const kind: ApiKeyKind = body.kind;
  const publicId = randomBytes(kind === 'track' ? 10 : 8).toString('hex');
  const secret = kind === 'track' ? randomBytes(20).toString('hex') : randomToken();
  const result = await ctx.db.transaction(async (tx) => {
    const row = await store.insertApiKey(tx, {
      workspaceId,
      id: newId('key'),
      accountId: actor.subject.accountId,
      kind,
      name: body.name?.trim() ?? (kind === 'track' ? 'Track API key' : 'App API key'),
      publicId,
      secretHash: hashToken(secret),
      createdByMemberId: actor.member.id,
      createdByName: actorName(actor),
      createdAt: ctx.clock.now(),
    });
    await recordActivity(tx, ctx.clock, {
      accountId: actor.subject.accountId,
      workspaceId,
      author: actor,
      action: 'api_key.created',
      target: { type: 'api_key', id: row.id, name: row.name },
      after: { kind, name: row.name, hint: toApiKey(row).hint },
    });
    return {
      ...toApiKey(row),
      ...(kind === 'track' ? { apiKey: secret } : { key: `atrium_${publicId}_${secret}` }),
    };
  });
  return result;
}

export async function revokeApiKey(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  keyId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await store.revokeApiKey(tx, workspaceId, keyId, ctx.clock.now());
    if (!row) throw notFound('API key');
    await recordActivity(tx, ctx.clock, {
      accountId: actor.subject.accountId,
      workspaceId,
      author: actor,
      action: 'api_key.revoked',
      target: { type: 'api_key', id: row.id, name: row.name },
      before: { kind: row.kind, name: row.name, hint: toApiKey(row).hint },
    });
  });
}

export interface KeyHolder {
  keyId: string;
  accountId: string;
  workspaceId: string;
}

// "last used" is a write; at most one a minute per key keeps it off the hot path.
const TOUCH_EVERY_MS = 60_000;

/** The live key of this kind with this public id and secret, compared in constant time; null otherwise. */
async function verify(
  ctx: AppContext,
  kind: ApiKeyKind,
  publicId: string,
  secret: string,
): Promise<KeyHolder | null> {
  // Kept in memory (shared/account-cache.ts) until its account's keys or access change.
  const cacheKey = `api-key:${publicId}`;
  let row = ctx.cache.get<ApiKeyRow>(cacheKey);
  if (!row) {
    const mark = ctx.cache.mark;
    row = await store.findLiveKey(ctx.db, publicId);
    if (row) ctx.cache.remember(row.accountId, cacheKey, row, mark);
  }
  if (!row || row.kind !== kind || !safeEqual(hashToken(secret), row.secretHash)) return null;
  const now = ctx.clock.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    row.lastUsedAt = now;
    await store.touchApiKey(ctx.db, row.workspaceId, row.id, now);
  }
  return { keyId: row.id, accountId: row.accountId, workspaceId: row.workspaceId };
}

/** The holder of an app key sent as `Authorization: Bearer atrium_…`. */
export function authenticateAppKey(ctx: AppContext, key: string): Promise<KeyHolder | null> {
  const m = key.match(APP_KEY);
  return m ? verify(ctx, 'app', m[1]!, m[2]!) : Promise.resolve(null);
}

/** The holder of a Track API key sent as HTTP Basic `site_id:api_key`. */
export function authenticateTrackKey(
  ctx: AppContext,
  siteId: string,
  apiKey: string,
): Promise<KeyHolder | null> {
  return verify(ctx, 'track', siteId, apiKey);
}
