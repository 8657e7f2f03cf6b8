import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import type { WorkspaceAccessSetting } from '../../db/schema.js';
import { DomainError, invalid, notFound } from '../../shared/errors.js';
import { hashToken, randomToken } from '../../shared/secrets.js';
import { recordActivity } from '../activity/record.js';
import type { Actor } from '../auth/actor.js';
import { invalidFields, validateWorkspaceAccess } from '../team/access.js';
import { findInvitationByToken, forgetSsoSubjects } from '../team/store.js';
import { listAccountWorkspaces } from '../workspaces/store.js';
import { protocols } from './logins.js';
import { serviceProvider } from './protocol.js';
import type { PutSsoBody, SsoSettings } from './schemas.js';
import type { DomainRow, SsoRow } from './store.js';
import * as store from './store.js';

const DEFAULT_JIT_ACCESS: WorkspaceAccessSetting = { mode: 'all', role: 'viewer', hideAttributes: true };

/** The TXT record that proves an account controls a domain. */
export function verificationRecord(row: Pick<DomainRow, 'domain' | 'verificationToken'>) {
  return {
    recordName: `_atrium-challenge.${row.domain}`,
    recordValue: `atrium-domain-verification=${row.verificationToken}`,
  };
}

const setting = (row: SsoRow | undefined, key: string): string | null => {
  const value = row?.settings[key];
  return typeof value === 'string' ? value : null;
};

export async function ssoSettings(ctx: AppContext, tx: Db, accountId: string): Promise<SsoSettings> {
  const row = await store.findSso(tx, accountId);
  const domains = await store.listDomains(tx, accountId);
  return {
    type: row?.type ?? null,
    issuer: setting(row, 'issuer'),
    clientId: setting(row, 'clientId'),
    clientSecretSet: Boolean(row?.clientSecret),
    entryPoint: setting(row, 'entryPoint'),
    idpIssuer: setting(row, 'idpIssuer'),
    idpCertificate: setting(row, 'idpCertificate'),
    domains: domains.map((d) => ({
      domain: d.domain,
      verified: d.verifiedAt !== null,
      verifiedAt: d.verifiedAt?.toISOString() ?? null,
      verification: verificationRecord(d),
    })),
    enforce: row?.enforce ?? false,
    jitProvisioning: row?.jitProvisioning ?? false,
    jitAccess: row?.jitAccess ?? DEFAULT_JIT_ACCESS,
    serviceProvider: serviceProvider(ctx, accountId),
  };
}

/** Who issues the subjects: the OIDC issuer, or the SAML IdP (its entity id, else its sign-in URL). */
const providerOf = (row: SsoRow) =>
  `${row.type} ${setting(row, 'issuer') ?? setting(row, 'idpIssuer') ?? setting(row, 'entryPoint')}`;

/** The fields each protocol needs, as the problem's errors when missing. */
function requiredFields(body: PutSsoBody, before: SsoRow | undefined): string[] {
  if (body.type === 'oidc') {
    // The stored secret is kept for the same provider only, never handed to a new issuer.
    const keepsSecret =
      before?.type === 'oidc' && before.clientSecret !== null && setting(before, 'issuer') === body.issuer;
    return [
      ...(body.issuer ? [] : ['issuer']),
      ...(body.clientId ? [] : ['clientId']),
      ...(body.clientSecret || keepsSecret ? [] : ['clientSecret']),
    ];
  }
  return [...(body.entryPoint ? [] : ['entryPoint']), ...(body.idpCertificate ? [] : ['idpCertificate'])];
}

/** Sets up or replaces the account's single sign-on; new domains wait for their verification. */
export async function putSso(ctx: AppContext, actor: Actor, body: PutSsoBody): Promise<SsoSettings> {
  const { accountId } = actor.subject;
  const before = await store.findSso(ctx.db, accountId);
  const missing = requiredFields(body, before);
  if (missing.length > 0) {
    throw invalidFields(
      missing.map((field) => ({ path: `/${field}`, message: `required for ${body.type}` })),
    );
  }
  await protocols[body.type].check(ctx, body, accountId);
  return ctx.db.transaction(async (tx) => {
    if (body.jitAccess) {
      const errors = validateWorkspaceAccess(
        'member',
        body.jitAccess,
        await listAccountWorkspaces(tx, accountId),
        '/jitAccess',
      );
      if (errors.length > 0) throw invalidFields(errors);
    }
    const now = ctx.clock.now();
    const settings =
      body.type === 'oidc'
        ? { issuer: body.issuer, clientId: body.clientId }
        : {
            entryPoint: body.entryPoint,
            idpIssuer: body.idpIssuer ?? null,
            idpCertificate: body.idpCertificate,
          };
    const row: SsoRow = {
      accountId,
      type: body.type,
      settings,
      clientSecret: body.type === 'oidc' ? (body.clientSecret ?? before!.clientSecret) : null,
      enforce: body.enforce ?? before?.enforce ?? false,
      jitProvisioning: body.jitProvisioning ?? before?.jitProvisioning ?? false,
      jitAccess: body.jitAccess ?? before?.jitAccess ?? DEFAULT_JIT_ACCESS,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    };
    await store.upsertSso(tx, row);
    // Another provider names people with its own subjects: the bindings of the old one would lock
    // every member out.
    if (before && providerOf(before) !== providerOf(row)) await forgetSsoSubjects(tx, accountId);
    const kept = new Set(body.domains);
    const existing = await store.listDomains(tx, accountId);
    for (const d of existing) if (!kept.has(d.domain)) await store.deleteDomain(tx, accountId, d.domain);
    for (const domain of body.domains) {
      if (existing.some((d) => d.domain === domain)) continue;
      await store.insertDomain(tx, {
        accountId,
        domain,
        verificationToken: randomToken(),
        createdAt: now,
        verifiedAt: null,
      });
    }
    const { clientSecret: _secret, ...shown } = row;
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: actor,
      action: before ? 'sso.updated' : 'sso.created',
      target: { type: 'account', id: accountId, name: actor.account.name },
      before: before ? { type: before.type, ...before.settings, enforce: before.enforce } : null,
      after: {
        type: shown.type,
        ...shown.settings,
        enforce: shown.enforce,
        jitProvisioning: shown.jitProvisioning,
        domains: body.domains,
        ...(body.clientSecret && { clientSecretChanged: true }),
      },
    });
    return ssoSettings(ctx, tx, accountId);
  });
}

export async function deleteSso(ctx: AppContext, actor: Actor): Promise<void> {
  const { accountId } = actor.subject;
  await ctx.db.transaction(async (tx) => {
    const before = await store.findSso(tx, accountId);
    if (!before) throw notFound('Single sign-on');
    await store.deleteSso(tx, accountId);
    await forgetSsoSubjects(tx, accountId);
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: actor,
      action: 'sso.deleted',
      target: { type: 'account', id: accountId, name: actor.account.name },
      before: { type: before.type, ...before.settings },
    });
  });
}

/**
 * Verifies a domain of the account by its TXT record. A domain another account has verified stays
 * theirs (409); a record not found yet is a 409 that says what to add, and may be retried.
 */
export async function verifyDomain(ctx: AppContext, actor: Actor, domain: string): Promise<SsoSettings> {
  const { accountId } = actor.subject;
  const row = (await store.listDomains(ctx.db, accountId)).find((d) => d.domain === domain);
  if (!row) throw notFound('Domain');
  const { recordName, recordValue } = verificationRecord(row);
  if (!row.verifiedAt) {
    const records = await ctx.resolveTxt(recordName).catch(() => [] as string[][]);
    if (!records.some((chunks) => chunks.join('') === recordValue)) {
      throw new DomainError(
        'conflict',
        `No TXT record "${recordValue}" was found at ${recordName} yet. Add it to the domain’s DNS and try again; DNS changes can take a while to appear.`,
      );
    }
  }
  return ctx.db.transaction(async (tx) => {
    const holder = await store.findVerifiedDomain(tx, domain);
    if (holder && holder.accountId !== accountId) {
      throw new DomainError('conflict', `${domain} is already verified by another account.`);
    }
    if (!holder) {
      await store.markDomainVerified(tx, accountId, domain, ctx.clock.now());
      await recordActivity(tx, ctx.clock, {
        accountId,
        author: actor,
        action: 'sso.domain_verified',
        target: { type: 'account', id: accountId, name: actor.account.name },
        after: { domain },
      });
    }
    return ssoSettings(ctx, tx, accountId);
  });
}

/** The account whose single sign-on a sign-in starts with: by email (a verified domain) or account id. */
export async function ssoForStart(
  ctx: AppContext,
  query: { email?: string | undefined; account?: string | undefined; invitation?: string | undefined },
): Promise<SsoRow> {
  let accountId = query.account;
  if (!accountId && query.invitation) {
    accountId = (await findInvitationByToken(ctx.db, hashToken(query.invitation)))?.accountId;
  }
  if (!accountId && query.email) {
    const at = query.email.lastIndexOf('@');
    if (at < 1) throw invalid('/email', 'must be an email address');
    accountId = (await store.findVerifiedDomain(ctx.db, query.email.slice(at + 1)))?.accountId;
  }
  if (!query.account && !query.email && !query.invitation) {
    throw invalid('/email', 'give an email address, an account or an invitation');
  }
  const sso = accountId ? await store.findSso(ctx.db, accountId) : undefined;
  if (!sso) throw notFound('Single sign-on for this address');
  return sso;
}
