import { Accordion, Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ProblemAlert } from '../components/ProblemAlert';
import { PageTitle } from '../components/Shell';
import { get, Problem } from '../lib/api';
import { formatDateTime } from '../lib/hooks';

interface Email {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  state: string;
  createdAt: string;
}

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
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {parts}
    </Text>
  );
}

/** The embedded mailbox: every email the service sent while no SMTP server is configured. */
export function OutboxPage() {
  const outbox = useQuery({
    queryKey: ['outbox'],
    queryFn: () => get<{ items: Email[] }>('/api/outbox'),
    refetchInterval: 5000,
    retry: false,
  });
  const smtp = outbox.error instanceof Problem && outbox.error.status === 404;
  return (
    <Stack>
      <PageTitle title="Outbox" />
      {smtp ? (
        <Alert color="gray">
          Emails are delivered over SMTP (SMTP_URL is set), so there is no embedded outbox.
        </Alert>
      ) : (
        <ProblemAlert error={outbox.error} />
      )}
      {outbox.data?.items.length === 0 && <Text c="dimmed">No email yet.</Text>}
      <Accordion variant="separated" data-testid="outbox">
        {(outbox.data?.items ?? []).map((m) => (
          <Accordion.Item key={m.id} value={m.id}>
            <Accordion.Control>
              <Group justify="space-between" wrap="nowrap">
                <div>
                  <Text size="sm" fw={500}>
                    {m.subject}
                  </Text>
                  <Text size="xs" c="dimmed">
                    To {m.to} · {formatDateTime(m.createdAt)}
                  </Text>
                </div>
                <Badge variant="light">{m.kind}</Badge>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Linked text={m.text} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
