import { Paper, Stack, Text, Title } from '@mantine/core';
import { CopyValue } from '../../../components/CopyValue';
import type { SsoSettings, SsoType } from './model';

/** "Values for your identity provider": what the admin pastes into Okta, Entra ID or Keycloak. */
export function ProviderValues({ type, values }: { type: SsoType; values: SsoSettings['serviceProvider'] }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sso-values-title" data-testid="sso-values">
      <Stack gap="sm">
        <Title order={2} size="h4" id="sso-values-title">
          Values for your identity provider
        </Title>
        {type === 'oidc' ? (
          <>
            <Text size="sm" c="gray.7">
              Create an OpenID Connect web application in your identity provider, with this redirect URI. It
              gives you the issuer URL, client ID and client secret to enter below.
            </Text>
            <CopyValue label="Redirect URI" value={values.oidcRedirectUri} testId="sp-redirect-uri" />
          </>
        ) : (
          <>
            <Text size="sm" c="gray.7">
              Create a SAML 2.0 application in your identity provider with these values (or give it the
              metadata URL), and have it sign its assertions. It gives you the sign-in URL, its entity ID and
              its signing certificate to enter below.
            </Text>
            <CopyValue label="Entity ID (audience)" value={values.samlEntityId} testId="sp-entity-id" />
            <CopyValue label="ACS URL (reply URL)" value={values.samlAcsUrl} testId="sp-acs-url" />
            <CopyValue label="Metadata URL" value={values.samlMetadataUrl} testId="sp-metadata-url" />
          </>
        )}
      </Stack>
    </Paper>
  );
}
