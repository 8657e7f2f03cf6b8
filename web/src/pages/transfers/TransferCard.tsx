import { Badge, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../lib/hooks';
import type { Answering, Transfer } from './queries';

const statusWords: Record<Transfer['status'], { label: string; color: string }> = {
  pending: { label: 'Waiting for an answer', color: 'yellow' },
  moving: { label: 'Moving', color: 'indigo' },
  done: { label: 'Moved', color: 'teal' },
  declined: { label: 'Declined', color: 'gray' },
  cancelled: { label: 'Cancelled', color: 'gray' },
  expired: { label: 'Expired', color: 'gray' },
};

/** What happened, in a sentence, from the reader's side. */
function story(t: Transfer): string {
  const out = t.direction === 'outgoing';
  const other = out ? t.targetAccount.name : t.sourceAccount.name;
  switch (t.status) {
    case 'pending':
      return out
        ? `${t.createdByName} offered it to ${other}. They have until ${formatDateTime(t.expiresAt)} to answer.`
        : `${t.createdByName} of ${other} offers it to your account. Answer before ${formatDateTime(t.expiresAt)}.`;
    case 'moving':
      return out
        ? `${t.decidedByName ?? other} accepted it: it belongs to ${other} now, and its history is moving there.`
        : `It is yours now; its history is still moving from ${other}.`;
    case 'done':
      return out ? `It moved to ${other}.` : `It moved here from ${other}.`;
    case 'declined':
      return `${t.decidedByName ?? other} declined it; it stayed with ${t.sourceAccount.name}.`;
    case 'cancelled':
      return `${t.decidedByName ?? 'Someone'} cancelled the offer; it stayed with ${t.sourceAccount.name}.`;
    default:
      return 'Nobody answered within 7 days; it stayed where it was.';
  }
}

/** One transfer: its state, its progress while it moves, and the answers open to the reader. */
export function TransferCard({
  transfer: t,
  onAnswer,
  busy,
}: {
  transfer: Transfer;
  onAnswer: (t: Transfer, answer: Answering) => void;
  busy: boolean;
}) {
  const status = t.stalled ? { label: 'Stopped', color: 'red' } : statusWords[t.status];
  const progress = t.progress;
  // Before the job has counted what to move, the total is 0: nothing moved yet, not all of it.
  const started = progress !== null && progress.total > 0;
  const value = started ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <Paper withBorder p="sm" radius="md" data-testid={`transfer-${t.workspace.name}`} data-status={t.status}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {t.workspace.name}
          </Text>
          <Badge color={status.color} variant="light">
            {status.label}
          </Badge>
        </Group>
        <Text size="sm">{story(t)}</Text>
        {t.stalled && (
          <Group gap="xs">
            <Text size="sm" c="red.8">
              Moving its history stopped after repeated errors. Nothing is lost: retrying goes on where it
              stopped.
            </Text>
            <Button size="xs" onClick={() => onAnswer(t, 'retry')} loading={busy}>
              Retry the move
            </Button>
          </Group>
        )}
        {t.status === 'moving' && !t.stalled && progress && (
          <Progress
            value={value}
            animated
            aria-label={`Moving ${t.workspace.name}: ${progress.done} of ${progress.total} records`}
          />
        )}
        {t.status === 'moving' && (
          <Text size="xs" c="dimmed" data-testid="transfer-count">
            {started
              ? `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} records of its history moved`
              : 'Waiting to start moving its history'}
          </Text>
        )}
        {t.nextSteps && (
          <Group gap="xs" justify="space-between">
            <Text size="sm" fw={600}>
              {t.nextSteps}
            </Text>
            <Button size="xs" variant="light" onClick={() => onAnswer(t, 'open')} loading={busy}>
              Switch to it and create API keys
            </Button>
          </Group>
        )}
        {t.status === 'pending' && (
          <Group gap="xs">
            {t.direction === 'incoming' && (
              <>
                <Button size="xs" onClick={() => onAnswer(t, 'accept')} loading={busy}>
                  Accept
                </Button>
                <Button size="xs" variant="default" onClick={() => onAnswer(t, 'decline')} disabled={busy}>
                  Decline
                </Button>
              </>
            )}
            {t.direction === 'outgoing' && (
              <Button size="xs" variant="default" onClick={() => onAnswer(t, 'cancel')} disabled={busy}>
                Cancel transfer
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
