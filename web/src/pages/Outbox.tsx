import { Accordion, Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PageTitle } from '../components/Shell';
import { EmptyState, ErrorPanel, LoadingSkeleton } from '../components/States';
import { Problem, sdk, unwrap } from '../lib/api';
import { usePageTitle } from '../lib/feedback';
import { formatDateTime } from '../lib/hooks';

/** "password_reset" → "Password reset": the kind of email in words. */
const kindWords = (kind: string) => {
  const words = kind.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Plain text with its links made clickable. */
function Linked({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    parts.push(text.slice(last, m.index));
    parts.push(
      <Anchor key={m.index} href={m[0]}>
        {m[0]}
      </Anchor>,
    );
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(text.slice(last));
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts}
    </Text>
  );
}

/** The embedded mailbox: every email the service sent while no SMTP server is configured. */
export function OutboxPage() {
  usePageTitle('Outbox');
  const outbox = useQuery({
    queryKey: ['outbox'],
    queryFn: () => unwrap(sdk.GET('/api/outbox')),
    refetchInterval: 5000,
    retry: false,
  });
  const smtp = outbox.error instanceof Problem && outbox.error.status === 404;
  const items = outbox.data?.items ?? [];
  return (
    <Stack>
      <PageTitle title="Outbox" />
      <Text size="sm" c="dimmed" mt={-12}>
        Every email Atrium sent while no mail server is set up: sign-up confirmations, invitations, password
        resets. Open one to read it and follow its links.
      </Text>
      {outbox.isPending ? (
        <LoadingSkeleton />
      ) : smtp ? (
        <Alert color="gray">
          Emails are delivered through your mail server (SMTP), so there is no outbox to show here.
        </Alert>
      ) : outbox.error && !outbox.data ? (
        <ErrorPanel error={outbox.error} onRetry={() => outbox.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No email yet">
          Emails appear here as Atrium sends them: invite a team member or ask for a password reset to see
          one.
        </EmptyState>
      ) : (
        <Accordion variant="separated" data-testid="outbox">
          {items.map((m) => (
            <Accordion.Item key={m.id} value={m.id}>
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    <Text size="sm" fw={500}>
                      {m.subject}
                    </Text>
                    <Text size="xs" c="dimmed">
                      To {m.to} · {formatDateTime(m.createdAt)}
                    </Text>
                  </div>
                  <Badge variant="light" tt="none" visibleFrom="sm">
                    {kindWords(m.kind)}
                  </Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Linked text={m.text} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}
