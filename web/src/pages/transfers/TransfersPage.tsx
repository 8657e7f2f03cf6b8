import { Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { confirmAction } from '../../components/Confirm';
import { CopyValue } from '../../components/CopyValue';
import { ProblemAlert } from '../../components/ProblemAlert';
import { PageTitle } from '../../components/Shell';
import { EmptyState, QueryView } from '../../components/States';
import { sdk, unwrap } from '../../lib/api';
import { usePageTitle } from '../../lib/feedback';
import { useMe } from '../../lib/hooks';
import { count } from '../../lib/words';
import { type Answering, type Transfer, useAnswer, useTransfers } from './queries';
import { TransferCard } from './TransferCard';

/** The plan's room for one more workspace, in a sentence, for the accept confirmation. */
async function planSentence(client: ReturnType<typeof useQueryClient>): Promise<string> {
  const account = await client
    .fetchQuery({ queryKey: ['account'], queryFn: () => unwrap(sdk.GET('/api/account')) })
    .catch(() => null);
  if (!account) return 'It counts against your plan’s workspace limit.';
  const max = account.limits.workspaces;
  const used = count(account.usage.workspaces, 'workspace');
  return max === null
    ? `Your plan has no workspace limit (you have ${used}).`
    : `It counts against your plan’s limit of ${count(max, 'workspace')}; you have ${used}.`;
}

async function confirmAnswer(t: Transfer, answer: Answering, plan: () => Promise<string>) {
  if (answer === 'accept') {
    return confirmAction({
      title: `Accept ${t.workspace.name}?`,
      confirmLabel: 'Accept workspace',
      danger: false,
      message: (
        <Stack gap="xs">
          <Text size="sm">
            {t.workspace.name} moves from {t.sourceAccount.name} to your account with all its people, events,
            content and settings. Your Account Admins get access to it; {t.sourceAccount.name}’s team loses
            it.
          </Text>
          <Text size="sm">{await plan()}</Text>
          <Text size="sm" fw={600}>
            Its API keys are revoked: create new ones afterwards, and give them to whoever sends it data.
          </Text>
        </Stack>
      ),
    });
  }
  if (answer === 'decline') {
    return confirmAction({
      title: `Decline ${t.workspace.name}?`,
      confirmLabel: 'Decline',
      message: `${t.workspace.name} stays with ${t.sourceAccount.name}; they are told by email.`,
    });
  }
  return confirmAction({
    title: `Cancel the transfer of ${t.workspace.name}?`,
    confirmLabel: 'Cancel transfer',
    message: `${t.targetAccount.name} can no longer accept it; the workspace stays in your account, unchanged.`,
  });
}

/** Workspaces offered to other accounts, and offered to this one: answer, follow, cancel. */
export function TransfersPage() {
  usePageTitle('Workspace transfers');
  const client = useQueryClient();
  const me = useMe();
  const list = useTransfers();
  const answer = useAnswer();
  const navigate = useNavigate();
  const onAnswer = async (transfer: Transfer, verb: Answering) => {
    answer.reset();
    // Retrying changes nothing but the queue, switching only the reader's view: no confirmation.
    if (verb === 'open') {
      answer.mutate({ transfer, answer: verb }, { onSuccess: () => navigate('/api-keys') });
      return;
    }
    if (verb === 'retry' || (await confirmAnswer(transfer, verb, () => planSentence(client))))
      answer.mutate({ transfer, answer: verb });
  };
  const section = (title: string, items: Transfer[], empty: string) => (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        items.map((t) => (
          <TransferCard
            key={t.id}
            transfer={t}
            onAnswer={onAnswer}
            busy={answer.isPending && answer.variables?.transfer.id === t.id}
          />
        ))
      )}
    </Stack>
  );
  return (
    <Stack>
      <PageTitle title="Workspace transfers" />
      <Text size="sm" c="dimmed" maw={640}>
        An Account Admin can move a workspace to another account from the Workspaces page. The other account’s
        Account Admins accept or decline it here within 7 days.
      </Text>
      {me.data && (
        <CopyValue label="Your account ID, for whoever moves a workspace to you" value={me.data.account.id} />
      )}
      <ProblemAlert error={answer.error} />
      <QueryView
        query={list}
        empty={(d) => d.items.length === 0}
        emptyState={
          <EmptyState title="No transfers yet">
            Offers of workspaces to or from your account will show here, with their progress.
          </EmptyState>
        }
      >
        {(data) => (
          <Stack gap="lg">
            {section(
              'Offered to your account',
              data.items.filter((t) => t.direction === 'incoming'),
              'No workspace has been offered to your account.',
            )}
            {section(
              'Offered to other accounts',
              data.items.filter((t) => t.direction === 'outgoing'),
              'You have not offered a workspace to another account.',
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
