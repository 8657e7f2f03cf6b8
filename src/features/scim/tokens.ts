import type { AppContext } from '../../context.js';
import { notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { hashToken, randomToken } from '../../shared/secrets.js';
import { recordActivity } from '../activity/record.js';
import { type Actor, actorName } from '../auth/actor.js';
import type { CreateScimTokenBody, ScimToken } from './schemas.js';
import * as store from './store.js';

/** SCIM tokens read `scim_<43 chars>`: the prefix makes a leaked one easy to spot. */
const TOKEN_PREFIX = 'scim_';

const toView = (row: store.ScimTokenRow): ScimToken => ({
  id: row.id,
  name: row.name,
  createdBy: row.createdByName,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

export async function listScimTokens(ctx: AppContext, actor: Actor): Promise<ScimToken[]> {
  return (await store.listTokens(ctx.db, actor.subject.accountId)).map(toView);
}

/** A new token; the secret is in this answer only (stored as its SHA-256 hash). */
export async function createScimToken(ctx: AppContext, actor: Actor, body: CreateScimTokenBody) {
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  const accountId = actor.subject.accountId;
  return ctx.db.transaction(async (tx) => {
    const row: store.ScimTokenRow = {
      id: newId('sct'),
      accountId,
      name: body.name.trim(),
      tokenHash: hashToken(token),
      createdAt: ctx.clock.now(),
      createdByName: actorName(actor),
      lastUsedAt: null,
    };
    await store.insertToken(tx, row);
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: actor,
      action: 'scim_token.created',
      target: { type: 'scim_token', id: row.id, name: row.name },
      after: { name: row.name },
    });
    return { ...toView(row), token };
  });
}

/** Revokes a token: the identity provider using it gets 401 from its next request. */
export async function revokeScimToken(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const accountId = actor.subject.accountId;
  await ctx.db.transaction(async (tx) => {
    const row = (await store.deleteToken(tx, accountId, id)) ?? null;
    if (!row) throw notFound('SCIM token');
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: actor,
      action: 'scim_token.revoked',
      target: { type: 'scim_token', id: row.id, name: row.name },
      before: { name: row.name },
    });
  });
}

/**
 * The account a SCIM bearer token belongs to, or null. The lookup is by SHA-256 hash in a unique
 * index: the secret itself is never compared, so there is no timing to learn it from.
 */
export async function authenticateScimToken(ctx: AppContext, token: string): Promise<string | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await store.markTokenUsed(ctx.db, hashToken(token), ctx.clock.now());
  return row?.accountId ?? null;
}
