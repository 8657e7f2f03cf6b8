import { Badge, Button, Code, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { type Answer, sdk, unwrap } from '../../lib/api';
import type { Item } from '../../lib/resource-items';

/** Previewing a message of the library, and test-sending the email messages of an item. */

type Delivery = Answer<'/api/workspaces/{workspaceId}/messages/{messageId}/send-test', 'post'>;

/** A message of a campaign, broadcast or transactional message: they share one schema. */
type Message = NonNullable<Answer<'/api/workspaces/{workspaceId}/campaigns/{id}', 'get'>['messages']>[number];
type EmailMessage = { id: string; name: Message['name']; subject: string };

/** The saved email messages of an item (campaigns, broadcasts, transactional messages). */
export function emailMessages(item: Item): EmailMessage[] {
  const messages = Array.isArray(item.messages) ? (item.messages as Record<string, unknown>[]) : [];
  return messages
    .filter((m) => m.channel === 'email' && typeof m.id === 'string')
    .map((m) => ({ id: String(m.id), name: String(m.name ?? ''), subject: String(m.subject ?? '') }));
}

/** A message rendered for one person (or for nobody: empty values). */
export function PreviewDialog({
  workspaceId,
  message,
  opened,
  onClose,
}: {
  workspaceId: string;
  message: { id: string; name: string };
  opened: boolean;
  onClose: () => void;
}) {
  const [cioId, setCioId] = useState('');
  const preview = useMutation({
    mutationFn: () =>
      unwrap(
        sdk.POST('/api/workspaces/{workspaceId}/messages/{messageId}/preview', {
          params: { path: { workspaceId, messageId: message.id } },
          body: cioId.trim() ? { cioId: cioId.trim() } : {},
        }),
      ),
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={`Preview “${message.name}”`}
      size="xl"
    >
      <Stack>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            preview.mutate();
          }}
        >
          <Group align="flex-end">
            <TextInput
              label="Person"
              description="Their Customer.io id; leave empty to preview without a person"
              value={cioId}
              onChange={(e) => setCioId(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" loading={preview.isPending}>
              Preview
            </Button>
          </Group>
        </form>
        <ProblemAlert error={preview.error} />
        {preview.data && (
          <Stack gap="xs" data-testid="preview">
            <Text size="sm">
              <b>Subject:</b> {preview.data.subject}
            </Text>
            <Code block style={{ whiteSpace: 'pre-wrap' }}>
              {preview.data.body}
            </Code>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}

/** What became of a test send: where it went, or why it did not leave. */
const deliverySummary = (d: Delivery) =>
  d.state === 'suppressed' || d.state === 'failed'
    ? `${d.state}: ${d.reason ?? 'no reason given'}`
    : `${d.state} → ${d.recipient ?? '—'}`;

function TestSendRow({
  workspaceId,
  message,
  cioId,
}: {
  workspaceId: string;
  message: EmailMessage;
  cioId: string;
}) {
  const send = useMutation({
    mutationFn: () =>
      unwrap(
        sdk.POST('/api/workspaces/{workspaceId}/messages/{messageId}/send-test', {
          params: { path: { workspaceId, messageId: message.id } },
          body: cioId ? { cioId } : {},
        }),
      ),
  });
  return (
    <Table.Tr data-testid={`message-${message.name}`}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {message.name}
        </Text>
        <Text size="xs" c="dimmed">
          {message.subject}
        </Text>
      </Table.Td>
      <Table.Td>
        {send.data && (
          <Badge
            variant="light"
            tt="none"
            color={send.data.state === 'suppressed' || send.data.state === 'failed' ? 'yellow' : 'teal'}
            data-testid="test-delivery"
          >
            {deliverySummary(send.data)}
          </Badge>
        )}
        <ProblemAlert error={send.error} />
      </Table.Td>
      <Table.Td>
        <Button size="xs" variant="light" loading={send.isPending} onClick={() => send.mutate()}>
          Send test
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** The item's email messages, each test-sent on its own, optionally rendered for one person. */
export function TestSendDialog({
  workspaceId,
  item,
  title,
  opened,
  onClose,
}: {
  workspaceId: string;
  item: Item;
  title: string;
  opened: boolean;
  onClose: () => void;
}) {
  const [cioId, setCioId] = useState('');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={`Send a test of “${title}”`}
      size="xl"
    >
      <Stack>
        <Text size="sm">
          A test goes to you, or to the workspace’s test recipient in test mode; in “never” mode nothing
          leaves and it is recorded as suppressed. Tests count in no metrics.
        </Text>
        <TextInput
          label="Render for"
          description="A person’s Customer.io id; leave empty to render without a person"
          value={cioId}
          onChange={(e) => setCioId(e.currentTarget.value)}
        />
        <Table.ScrollContainer minWidth={480} type="native">
          <Table withTableBorder>
            <Table.Tbody>
              {emailMessages(item).map((m) => (
                <TestSendRow key={m.id} workspaceId={workspaceId} message={m} cioId={cioId.trim()} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Modal>
  );
}
