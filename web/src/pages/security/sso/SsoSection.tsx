import { Stack } from '@mantine/core';
import { useState } from 'react';
import { ErrorPanel, LoadingSkeleton } from '../../../components/States';
import { ConnectionForm } from './ConnectionForm';
import { DomainsCard } from './DomainsCard';
import { type SsoSettings, type SsoType, useSso } from './model';
import { ProviderValues } from './ProviderValues';
import { SignInRules } from './SignInRules';
import { SsoStatus } from './SsoStatus';
import { TestResult } from './TestResult';

/** Single sign-on: its state, the values for the identity provider, the connection, domains and rules. */
export function SsoSection() {
  const sso = useSso();
  if (sso.isPending) return <LoadingSkeleton rows={5} label="Loading single sign-on" />;
  if (sso.error) return <ErrorPanel error={sso.error} onRetry={() => sso.refetch()} />;
  return <SsoCards saved={sso.data} />;
}

function SsoCards({ saved }: { saved: SsoSettings }) {
  // The protocol being set up: the values for the identity provider follow it before it is saved.
  const [type, setType] = useState<SsoType>(saved.type ?? 'oidc');
  return (
    <Stack gap="lg">
      <TestResult />
      <SsoStatus saved={saved} />
      <ProviderValues type={type} values={saved.serviceProvider} />
      {/* A new form once set up anew or turned off, so no field keeps what was removed. */}
      <ConnectionForm key={saved.type ?? 'none'} saved={saved} type={type} onType={setType} />
      {saved.type && <DomainsCard saved={saved} />}
      {saved.type && <SignInRules saved={saved} />}
    </Stack>
  );
}
