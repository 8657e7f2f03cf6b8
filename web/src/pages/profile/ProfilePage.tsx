import { Stack } from '@mantine/core';
import { PageTitle } from '../../components/Shell';
import { usePageTitle } from '../../lib/feedback';
import { DetailsSection } from './DetailsSection';
import { PasskeysSection } from './PasskeysSection';
import { PasswordSection } from './PasswordSection';
import { SessionsSection } from './SessionsSection';
import { TwoFactorSection } from './TwoFactorSection';

/** "Your profile": what a person manages about themselves, one section per concern. */
export function ProfilePage() {
  usePageTitle('Your profile');
  return (
    <>
      <PageTitle title="Your profile" />
      <Stack gap="xl" maw={720}>
        <DetailsSection />
        <PasswordSection />
        <TwoFactorSection />
        <PasskeysSection />
        <SessionsSection />
      </Stack>
    </>
  );
}
