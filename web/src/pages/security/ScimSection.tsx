import { Paper, Stack, Text, Title } from '@mantine/core';
import { CopyValue } from '../../components/CopyValue';
import { ScimGroups } from './scim/Groups';
import { ScimTokens } from './scim/Tokens';

/** SCIM provisioning: the base URL to paste, tokens, and the roles pushed groups give. */
export function ScimSection() {
  const baseUrl = `${window.location.origin}/scim/v2`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="scim-title">
      <Stack>
        <Title order={2} id="scim-title">
          Provisioning (SCIM)
        </Title>
        <Text size="sm">
          Let your identity provider (Okta, Microsoft Entra ID…) add, update, deactivate and remove team
          members for you. Paste this base URL and a token below into its SCIM settings.
        </Text>
        <CopyValue label="SCIM base URL" value={baseUrl} testId="scim-base-url" />
        <ScimTokens />
        <ScimGroups />
      </Stack>
    </Paper>
  );
}
