import { Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Guarded } from '../../components/Guarded';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { QueryView } from '../../components/States';
import { type Answer, sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';
import { formatRelative, usePermissions } from '../../lib/hooks';

/** The ad platforms a workspace connects its ad accounts of, for its segments' Ad Audiences. */

export type Platform = Answer<
  '/api/workspaces/{workspaceId}/ad-audience-platforms',
  'get'
>['items'][number]['platform'];

export const platforms: { key: Platform; label: string }[] = [
  { key: 'facebook', label: 'Facebook' },
  { key: 'google', label: 'Google' },
  { key: 'linkedin', label: 'LinkedIn' },
];
export const platformLabel = (key: Platform) => platforms.find((p) => p.key === key)?.label ?? key;

export function usePlatforms(workspaceId: string) {
  return useQuery({
    queryKey: ['ad-platforms', workspaceId],
    queryFn: () =>
      unwrap(
        sdk.GET('/api/workspaces/{workspaceId}/ad-audience-platforms', { params: { path: { workspaceId } } }),
      ),
  });
}

export function Platforms({ workspaceId }: { workspaceId: string }) {
  const connected = usePlatforms(workspaceId);
  const { can, why } = usePermissions(workspaceId);
  const [connecting, setConnecting] = useState<Platform | null>(null);
  return (
    <section aria-labelledby="ad-platforms">
      <Title order={2} size="h4" mb="xs" id="ad-platforms">
        Ad platforms
      </Title>
      <QueryView query={connected} skeletonRows={3}>
        {(data) => (
          <Stack gap="xs">
            {platforms.map((p) => {
              const found = data.items.find((c) => c.platform === p.key);
              return (
                <Paper withBorder p="sm" key={p.key} data-testid={`platform-${p.key}`}>
                  <Group justify="space-between" wrap="wrap">
                    <div>
                      <Text fw={600}>{p.label}</Text>
                      <Text size="sm" c="dimmed">
                        {found
                          ? `Connected to ad account ${found.adAccountId} by ${found.createdBy}, ${formatRelative(found.updatedAt)}`
                          : 'Not connected'}
                      </Text>
                    </div>
                    <Guarded
                      allowed={can('segments.ad_audience.integrate')}
                      why={why('segments.ad_audience.integrate')}
                    >
                      <Button size="xs" variant="default" onClick={() => setConnecting(p.key)}>
                        {found ? `Change ${p.label} account` : `Connect ${p.label}`}
                      </Button>
                    </Guarded>
                  </Group>
                </Paper>
              );
            })}
          </Stack>
        )}
      </QueryView>
      <ConnectDialog workspaceId={workspaceId} platform={connecting} onClose={() => setConnecting(null)} />
    </section>
  );
}

function ConnectDialog({
  workspaceId,
  platform,
  onClose,
}: {
  workspaceId: string;
  platform: Platform | null;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const [account, setAccount] = useState('');
  const connect = useMutation({
    mutationFn: (p: Platform) =>
      unwrap(
        sdk.PUT('/api/workspaces/{workspaceId}/ad-audience-platforms/{platform}', {
          params: { path: { workspaceId, platform: p } },
          body: { adAccountId: account.trim() },
        }),
      ),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['ad-platforms', workspaceId] });
      notifySuccess(`${platformLabel(saved.platform)} connected to ad account ${saved.adAccountId}`);
      close();
    },
  });
  const close = () => {
    setAccount('');
    connect.reset();
    onClose();
  };
  const label = platform ? platformLabel(platform) : '';
  return (
    <Modal
      opened={platform !== null}
      onClose={close}
      title={`Connect ${label}`}
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (platform) connect.mutate(platform);
        }}
      >
        <Stack>
          <Text size="sm">
            Audiences added for {label} go to this ad account, and stay in sync with their segments.
          </Text>
          <TextInput
            label={`${label} ad account ID`}
            value={account}
            onChange={(e) => setAccount(e.currentTarget.value)}
            error={fieldError(connect.error, '/adAccountId')}
            required
            data-autofocus
          />
          <ProblemAlert error={connect.error} fields={['/adAccountId']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={connect.isPending} disabled={account.trim() === ''}>
              Connect
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
