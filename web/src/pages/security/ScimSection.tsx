import { Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
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
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            SCIM base URL
          </Text>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Code style={{ wordBreak: 'break-all', minWidth: 0 }} data-testid="scim-base-url">
              {baseUrl}
            </Code>
            <CopyButton value={baseUrl}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  variant="light"
                  onClick={copy}
                  aria-label="Copy SCIM base URL"
                  style={{ flex: 'none' }}
                >
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
        <ScimTokens />
        <ScimGroups />
      </Stack>
    </Paper>
  );
}
