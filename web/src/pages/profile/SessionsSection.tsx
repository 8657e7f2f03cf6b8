import { Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Bowser from 'bowser';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { EmptyState, ErrorPanel, LoadingSkeleton } from '../../components/States';
import { type Answer, sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';
import { formatDateTime } from '../../lib/hooks';

type Session = Answer<'/api/me/sessions', 'get'>['items'][number];

/** "Firefox on Linux", "Safari on iPhone (iOS)": the browser and device in plain words. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'An unknown browser';
  const { browser, os, platform } = Bowser.parse(userAgent);
  const device =
    platform.type === 'mobile' || platform.type === 'tablet' ? platform.model || platform.vendor : null;
  const system = [device, os.name && device ? `(${os.name})` : os.name].filter(Boolean).join(' ');
  if (!browser.name) return system ? `A program on ${system}` : 'An unknown browser';
  return system ? `${browser.name} on ${system}` : browser.name;
}

type Ending = { kind: 'one'; session: Session } | { kind: 'others' };

/** The devices signed in as this person, and signing them out: one, or all but this one. */
export function SessionsSection() {
  const client = useQueryClient();
  const sessions = useQuery({
    queryKey: ['my-sessions'],
    queryFn: () => unwrap(sdk.GET('/api/me/sessions')),
  });
  const [ending, setEnding] = useState<Ending | null>(null);
  const end = useMutation({
    mutationFn: (what: Ending) =>
      what.kind === 'one'
        ? unwrap(
            sdk.DELETE('/api/me/sessions/{sessionId}', { params: { path: { sessionId: what.session.id } } }),
          )
        : unwrap(sdk.DELETE('/api/me/sessions')),
    onSuccess: (_, what) => {
      setEnding(null);
      notifySuccess(
        what.kind === 'one'
          ? `${describeDevice(what.session.userAgent)} is signed out`
          : 'Every other device is signed out',
      );
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['my-sessions'] }),
  });
  const items = sessions.data?.items ?? [];
  const others = items.filter((s) => !s.current).length;
  const close = () => {
    setEnding(null);
    end.reset();
  };
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="sessions-title">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4" id="sessions-title">
              Where you’re signed in
            </Title>
            <Text size="sm" c="gray.7">
              If you see a device you do not recognise, sign it out and change your password.
            </Text>
          </div>
          {others > 0 && (
            <Button variant="outline" color="red.9" onClick={() => setEnding({ kind: 'others' })}>
              Sign out everywhere else
            </Button>
          )}
        </Group>
        {sessions.isPending && <LoadingSkeleton rows={2} label="Loading your sessions" />}
        {sessions.error && !sessions.data && (
          <ErrorPanel error={sessions.error} onRetry={() => sessions.refetch()} />
        )}
        {sessions.isSuccess && items.length === 0 && <EmptyState title="You are signed in nowhere else" />}
        <Stack gap="xs" data-testid="sessions">
          {items.map((s) => (
            <Paper key={s.id} withBorder p="sm" radius="sm" data-testid="session">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {describeDevice(s.userAgent)}
                    </Text>
                    {s.current && (
                      <Badge size="sm" variant="filled" color="teal.9">
                        This device
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="gray.7">
                    {s.ipAddress ? `From ${s.ipAddress} · ` : ''}
                    {s.current ? 'Active now' : `Last active ${formatDateTime(s.lastSeenAt)}`} · Signed in{' '}
                    {formatDateTime(s.createdAt)}
                  </Text>
                </div>
                {!s.current && (
                  <Button
                    size="xs"
                    variant="outline"
                    color="red.9"
                    onClick={() => setEnding({ kind: 'one', session: s })}
                  >
                    Sign out
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      </Stack>
      <Modal
        opened={ending !== null}
        onClose={close}
        closeButtonProps={{ 'aria-label': 'Cancel' }}
        title={ending?.kind === 'one' ? 'Sign out this session?' : 'Sign out everywhere else?'}
      >
        <Stack>
          <Text size="sm">
            {ending?.kind === 'one'
              ? `${describeDevice(ending.session.userAgent)}${ending.session.ipAddress ? ` (${ending.session.ipAddress})` : ''} is signed out at once and has to log in again.`
              : `Every other device signed in as you (${others}) is signed out at once and has to log in again. This one stays signed in.`}
          </Text>
          <ProblemAlert error={end.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red.9" loading={end.isPending} onClick={() => ending && end.mutate(ending)}>
              Sign out
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
