import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { confirmAction } from '../../components/Confirm';
import { ProblemAlert } from '../../components/ProblemAlert';
import { PageTitle } from '../../components/Shell';
import { EmptyState, QueryView } from '../../components/States';
import { type Answer, sdk, unwrap } from '../../lib/api';
import { notifySuccess, usePageTitle } from '../../lib/feedback';
import { formatDateTime, usePermissions, useVocabulary } from '../../lib/hooks';
import { count, listInWords } from '../../lib/words';
import { GrantForm } from './GrantForm';

type Grant = Answer<'/api/account/support-grants', 'get'>['items'][number];

const statusWords: Record<Grant['status'], { label: string; color: string }> = {
  active: { label: 'Active', color: 'green' },
  expired: { label: 'Expired', color: 'gray' },
  revoked: { label: 'Revoked', color: 'red' },
};

const where = (g: Grant) =>
  g.workspaces === 'all' ? 'every workspace' : listInWords(g.workspaces.map((w) => w.name));
const liveSessions = (g: Grant) => g.sessions.filter((s) => s.endedAt === null && g.status === 'active');

function GrantCard({ grant, onRevoke }: { grant: Grant; onRevoke: () => void }) {
  const { roleLabel } = useVocabulary();
  const status = statusWords[grant.status];
  return (
    <Paper withBorder p="md" radius="md" data-testid="support-grant">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs">
            <Badge color={status.color} variant="light">
              {status.label}
            </Badge>
            <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {roleLabel(grant.role)}
              {grant.hideAttributes ? ' (attributes hidden)' : ''} in {where(grant)}
            </Text>
          </Group>
          {grant.status === 'active' && (
            <Button size="xs" color="red" variant="light" onClick={onRevoke}>
              Revoke
            </Button>
          )}
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {grant.reason}
        </Text>
        <Text size="xs" c="dimmed">
          Granted by {grant.createdBy} on {formatDateTime(grant.createdAt)} ·{' '}
          {grant.status === 'revoked'
            ? `revoked by ${grant.revokedBy ?? 'someone'} on ${formatDateTime(grant.revokedAt)}`
            : `${grant.status === 'expired' ? 'ended' : 'until'} ${formatDateTime(grant.expiresAt)}`}
        </Text>
        {grant.sessions.length === 0 ? (
          <Text size="xs" c="dimmed">
            No support session yet.
          </Text>
        ) : (
          <Stack gap={4} component="ul" m={0} pl="md" aria-label="Support sessions">
            {grant.sessions.map((s) => (
              <Text component="li" size="xs" key={s.id} style={{ overflowWrap: 'anywhere' }}>
                {s.agent} — {s.reason} — started {formatDateTime(s.startedAt)},{' '}
                {s.endedAt
                  ? `ended ${formatDateTime(s.endedAt)}`
                  : grant.status === 'active'
                    ? `signed in until ${formatDateTime(s.endsAt)}`
                    : `ended ${formatDateTime(grant.revokedAt ?? s.endsAt)}`}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** Account settings → Support access: grant the operator's support staff access, see their sessions, revoke. */
export function SupportAccessPage() {
  usePageTitle('Support access');
  const client = useQueryClient();
  const { can, why, ready } = usePermissions(null);
  const allowed = can('support_access.manage');
  const [granting, setGranting] = useState(false);
  const grants = useQuery({
    queryKey: ['support-grants'],
    queryFn: () => unwrap(sdk.GET('/api/account/support-grants')),
    enabled: allowed,
  });
  const revoke = useMutation({
    mutationFn: (g: Grant) =>
      unwrap(sdk.DELETE('/api/account/support-grants/{grantId}', { params: { path: { grantId: g.id } } })),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['support-grants'] });
      client.invalidateQueries({ queryKey: ['me'] });
      notifySuccess('Support access revoked.');
    },
  });
  const askRevoke = async (g: Grant) => {
    const live = liveSessions(g);
    const ok = await confirmAction({
      title: 'Revoke support access?',
      confirmLabel: 'Revoke access',
      message:
        live.length > 0
          ? `Support loses access to ${where(g)} now: ${count(live.length, 'session')} signed in (${listInWords(live.map((s) => s.agent))}) ${live.length === 1 ? 'ends' : 'end'} at once, and no new session can start with this grant.`
          : `Support loses access to ${where(g)} now: no new session can start with this grant.`,
    });
    if (ok) revoke.mutate(g);
  };
  const grantButton = <Button onClick={() => setGranting(true)}>Grant access</Button>;
  return (
    <Stack>
      <PageTitle title="Support access">{allowed && grantButton}</PageTitle>
      {ready && !allowed && <Alert color="gray">{why('support_access.manage')}</Alert>}
      {allowed && (
        <Text size="sm" c="dimmed" maw={720}>
          Let the support team into the workspaces you choose, with one role, for at most 7 days. Every
          Account Admin gets an email when a support session starts, and everything support does is in the
          activity log.
        </Text>
      )}
      <ProblemAlert error={revoke.error} />
      {allowed && (
        <QueryView
          query={grants}
          empty={(d) => d.items.length === 0}
          emptyState={
            <EmptyState title="Support has no access" action={grantButton}>
              Grant access when you want the support team to look at something in your workspaces.
            </EmptyState>
          }
        >
          {(data) => (
            <Stack gap="sm" data-testid="support-grants">
              {data.items.map((g) => (
                <GrantCard key={g.id} grant={g} onRevoke={() => askRevoke(g)} />
              ))}
            </Stack>
          )}
        </QueryView>
      )}
      <Modal
        opened={granting}
        onClose={() => setGranting(false)}
        title="Grant support access"
        closeButtonProps={{ 'aria-label': 'Cancel' }}
      >
        <GrantForm onDone={() => setGranting(false)} />
      </Modal>
    </Stack>
  );
}
