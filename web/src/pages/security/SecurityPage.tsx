import { Stack } from '@mantine/core';
import { PageTitle } from '../../components/Shell';
import { usePageTitle } from '../../lib/feedback';
import { ScimSection } from './ScimSection';
import { SsoSection } from './sso/SsoSection';

/** Account security: single sign-on, its domains, and SCIM provisioning (Account Admins). */
export function SecurityPage() {
  usePageTitle('Security');
  return (
    <>
      <PageTitle title="Security" />
      <Stack gap="xl" maw={760}>
        <SsoSection />
        <ScimSection />
      </Stack>
    </>
  );
}
