import { Alert, Button } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { sdk, unwrap } from '../../../lib/api';
import { emailDomain, ssoStartUrl } from './model';

/**
 * Whether a typed address signs in with single sign-on (GET /api/sso/lookup): asked once per
 * domain, after typing pauses. The answer depends on the domain only, and each ask counts against
 * the caller's anonymous requests. A failed ask offers nothing rather than stand in the way.
 */
export function useSsoLookup(email: string) {
  const [settled] = useDebouncedValue(email.trim(), 400);
  const domain = emailDomain(settled);
  const lookup = useQuery({
    queryKey: ['sso-lookup', domain],
    queryFn: () => unwrap(sdk.GET('/api/sso/lookup', { params: { query: { email: settled } } })),
    enabled: domain !== null,
    staleTime: 5 * 60_000,
    retry: false,
  });
  // Only for the domain typed now: a previous domain's answer never lingers.
  const answer = domain !== null && domain === emailDomain(email.trim()) ? lookup.data : undefined;
  return { sso: answer?.sso ?? false, enforced: answer?.enforced ?? false };
}

/** "Continue with single sign-on": a plain link, as the start answers with a redirect to the provider. */
export function ContinueWithSso({
  email,
  account,
  invitation,
  next,
  primary = true,
}: {
  email?: string;
  /** An account's id, from an identity provider's app tile (/login?account=acc_…). */
  account?: string | null;
  invitation?: string;
  next?: string | null;
  primary?: boolean;
}) {
  return (
    <Button
      component="a"
      href={ssoStartUrl({
        ...(email?.trim() && { email: email.trim() }),
        ...(account && { account }),
        ...(invitation && { invitation }),
        next: next ?? null,
      })}
      variant={primary ? 'filled' : 'default'}
      data-testid="continue-with-sso"
    >
      Continue with single sign-on
    </Button>
  );
}

/** Why a sign-in through the identity provider was refused (/login?ssoError=…), in its own words. */
export function SsoErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" title="Single sign-on did not work" role="alert" data-testid="sso-error">
      {message}
    </Alert>
  );
}
