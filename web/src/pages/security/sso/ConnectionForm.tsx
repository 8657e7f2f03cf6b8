import {
  Button,
  Group,
  Paper,
  PasswordInput,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { fieldError, ProblemAlert } from '../../../components/ProblemAlert';
import { notifySuccess } from '../../../lib/feedback';
import { bodyWith, type SsoBody, type SsoSettings, type SsoType, typeLabel, useSaveSso } from './model';

const FIELDS = [
  '/type',
  '/issuer',
  '/clientId',
  '/clientSecret',
  '/entryPoint',
  '/idpIssuer',
  '/idpCertificate',
];

/**
 * The connection to the identity provider: OpenID Connect (issuer, client ID, a write-only client
 * secret) or SAML 2.0 (sign-in URL, entity ID, signing certificate). The server checks it before
 * storing it; its refusals show at their fields.
 */
export function ConnectionForm({
  saved,
  type,
  onType,
}: {
  saved: SsoSettings;
  type: SsoType;
  onType: (type: SsoType) => void;
}) {
  const save = useSaveSso();
  const [issuer, setIssuer] = useState(saved.issuer ?? '');
  const [clientId, setClientId] = useState(saved.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [entryPoint, setEntryPoint] = useState(saved.entryPoint ?? '');
  const [idpIssuer, setIdpIssuer] = useState(saved.idpIssuer ?? '');
  const [idpCertificate, setIdpCertificate] = useState(saved.idpCertificate ?? '');
  const secretKept = saved.type === 'oidc' && saved.clientSecretSet;
  const err = (path: string) => fieldError(save.error, path);

  const submit = () => {
    // Blank fields are left out (undefined is not sent): the server names each missing one at its field.
    const filled = (text: string) => text.trim() || undefined;
    const connection: Partial<SsoBody> =
      type === 'oidc'
        ? {
            type,
            issuer: filled(issuer),
            clientId: filled(clientId),
            clientSecret: clientSecret || undefined,
          }
        : {
            type,
            entryPoint: filled(entryPoint),
            idpCertificate: filled(idpCertificate),
            idpIssuer: filled(idpIssuer),
          };
    save.mutate(bodyWith(saved, connection), {
      onSuccess: () => {
        setClientSecret('');
        notifySuccess(
          saved.type ? 'The connection is saved.' : `Single sign-on is set up with ${typeLabel[type]}.`,
        );
      },
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sso-connection-title">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="sso-connection-title">
            Connection
          </Title>
          <Radio.Group
            value={type}
            onChange={(v) => onType(v === 'saml' ? 'saml' : 'oidc')}
            label="How your identity provider signs people in"
          >
            <Stack gap={6} mt={6}>
              <Radio
                value="oidc"
                label={typeLabel.oidc}
                description="Okta, Entra ID, Google Workspace and Keycloak all offer it; the simpler choice."
              />
              <Radio
                value="saml"
                label={typeLabel.saml}
                description="For identity providers that offer only SAML, or when your IT team prefers it."
              />
            </Stack>
          </Radio.Group>
          {type === 'oidc' ? (
            <>
              <TextInput
                label="Issuer URL"
                description="Where your provider publishes its OpenID configuration, e.g. https://login.example.com"
                value={issuer}
                onChange={(e) => setIssuer(e.currentTarget.value)}
                required
                type="url"
                error={err('/issuer')}
              />
              <TextInput
                label="Client ID"
                value={clientId}
                onChange={(e) => setClientId(e.currentTarget.value)}
                required
                autoComplete="off"
                error={err('/clientId')}
              />
              <PasswordInput
                label="Client secret"
                description={
                  secretKept
                    ? 'Stored — leave blank to keep it. It is never shown again.'
                    : 'Stored, and never shown again.'
                }
                placeholder={secretKept ? 'Stored' : undefined}
                value={clientSecret}
                onChange={(e) => setClientSecret(e.currentTarget.value)}
                required={!secretKept}
                autoComplete="new-password"
                error={err('/clientSecret')}
              />
            </>
          ) : (
            <>
              <TextInput
                label="Sign-in URL"
                description="The identity provider’s single sign-on URL (HTTP-Redirect)"
                value={entryPoint}
                onChange={(e) => setEntryPoint(e.currentTarget.value)}
                required
                type="url"
                error={err('/entryPoint')}
              />
              <TextInput
                label="Identity provider’s entity ID"
                description="Optional: the issuer its assertions name"
                value={idpIssuer}
                onChange={(e) => setIdpIssuer(e.currentTarget.value)}
                error={err('/idpIssuer')}
              />
              <Textarea
                label="Signing certificate"
                description="PEM, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----"
                value={idpCertificate}
                onChange={(e) => setIdpCertificate(e.currentTarget.value)}
                required
                autosize
                minRows={4}
                maxRows={12}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
                error={err('/idpCertificate')}
              />
            </>
          )}
          <ProblemAlert error={save.error} fields={FIELDS} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {saved.type ? 'Save connection' : 'Set up single sign-on'}
            </Button>
            {saved.type && saved.type !== type && (
              <Text size="sm" c="gray.7">
                Saving replaces the {typeLabel[saved.type]} connection.
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
