import { Alert, Stack, Text } from '@mantine/core';
import { CopyValue } from '../../components/CopyValue';
import type { Answer } from '../../lib/api';

export type CreatedApiKey = Answer<'/api/workspaces/{workspaceId}/api-keys', 'post'>;

/** The new key, shown this once, with how to use it in plain words. */
export function CreatedKey({ created, onClose }: { created: CreatedApiKey; onClose: () => void }) {
  return (
    <Alert
      color="teal"
      variant="light"
      title={`Copy your key now: it is shown this once`}
      withCloseButton
      closeButtonLabel="I have copied it"
      onClose={onClose}
      data-testid="created-key"
    >
      <Stack gap="sm">
        <Text size="sm">
          {created.kind === 'track'
            ? `“${created.name}” sends people and events to this workspace through the Track API: give your app the site ID and the API key (HTTP Basic, site ID as the user name).`
            : `“${created.name}” lets your backend call this workspace’s app API: send it as “Authorization: Bearer <key>”.`}{' '}
          Atrium keeps only a fingerprint of it: once you close this, nobody can see it again. If it is lost,
          create another and revoke this one.
        </Text>
        {created.siteId && <CopyValue label="Site ID" value={created.siteId} testId="secret" />}
        {created.apiKey && <CopyValue label="API key" value={created.apiKey} testId="secret" />}
        {created.key && <CopyValue label="App API key" value={created.key} testId="secret" />}
      </Stack>
    </Alert>
  );
}
