import { Stack, Title } from '@mantine/core';
import { usePageTitle } from '../../lib/feedback';
import { ScimSection } from './ScimSection';

/** Account security: single sign-on, its domains, and SCIM provisioning (Account Admins). */
export function SecurityPage() {
  usePageTitle('Security');
  return (
    <Stack>
      <Title order={1}>Security</Title>
      <ScimSection />
    </Stack>
  );
}
