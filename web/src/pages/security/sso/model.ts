import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, type Body, sdk, unwrap } from '../../../lib/api';
import type { AccessState } from '../../team/access';

/** The account's single sign-on as GET /api/account/sso answers it (`type` null: not set up). */
export type SsoSettings = Answer<'/api/account/sso', 'get'>;
export type SsoDomain = SsoSettings['domains'][number];
export type SsoBody = Body<'/api/account/sso', 'put'>;
export type SsoType = SsoBody['type'];

export const typeLabel: Record<SsoType, string> = { oidc: 'OpenID Connect', saml: 'SAML 2.0' };

export const ssoQueryKey = ['account', 'sso'];

export function useSso() {
  return useQuery({ queryKey: ssoQueryKey, queryFn: () => unwrap(sdk.GET('/api/account/sso')) });
}

/** The connection's own fields, as they are saved (the client secret is never among them). */
export function savedConnection(saved: SsoSettings): SsoBody | null {
  if (saved.type === 'oidc') {
    return { type: 'oidc', issuer: saved.issuer ?? '', clientId: saved.clientId ?? '', domains: [] };
  }
  if (saved.type === 'saml') {
    return {
      type: 'saml',
      entryPoint: saved.entryPoint ?? '',
      idpCertificate: saved.idpCertificate ?? '',
      ...(saved.idpIssuer && { idpIssuer: saved.idpIssuer }),
      domains: [],
    };
  }
  return null;
}

/**
 * A PUT body that changes one part and keeps the rest as saved: each card saves only its own part
 * (the connection, the domains, the sign-in rules). The sign-in rules are left out unless changed,
 * so the server keeps them (and does not check a saved access against workspaces deleted since).
 */
export function bodyWith(saved: SsoSettings, change: Partial<SsoBody>): SsoBody {
  const base = change.type ? null : savedConnection(saved);
  const type = change.type ?? base?.type;
  if (!type) throw new Error('Single sign-on is not set up yet');
  return { ...base, domains: saved.domains.map((d) => d.domain), ...change, type };
}

/** PUT /api/account/sso; the page shows the new settings at once. */
export function useSaveSso() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SsoBody) => unwrap(sdk.PUT('/api/account/sso', { body })),
    onSuccess: (settings) => client.setQueryData(ssoQueryKey, settings),
  });
}

/** The saved access of members created at their first sign-in, as the workspace access card edits it. */
export function accessStateOf(access: SsoSettings['jitAccess']): AccessState {
  if (access.mode === 'all') {
    return {
      mode: 'all',
      all: { role: access.role, hideAttributes: access.hideAttributes ?? false },
      custom: {},
    };
  }
  return {
    mode: 'custom',
    all: { role: null, hideAttributes: false },
    custom: Object.fromEntries(
      access.roles.map((r) => [r.workspaceId, { role: r.role, hideAttributes: r.hideAttributes ?? false }]),
    ),
  };
}

/** "example.com" from "ada@Example.com", when it looks like a whole domain; else null. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  const domain =
    at > 0
      ? email
          .slice(at + 1)
          .trim()
          .toLowerCase()
      : '';
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,63}$/.test(domain) ? domain : null;
}

/** The address that starts a sign-in through the identity provider. */
export function ssoStartUrl(query: {
  email?: string;
  account?: string;
  invitation?: string;
  next?: string | null;
}): string {
  const params = new URLSearchParams();
  if (query.email) params.set('email', query.email);
  else if (query.account) params.set('account', query.account);
  if (query.invitation) params.set('invitation', query.invitation);
  if (query.next && query.next !== '/') params.set('next', query.next);
  return `/api/sso/start?${params}`;
}
