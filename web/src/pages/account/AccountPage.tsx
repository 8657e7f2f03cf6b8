import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { PageTitle } from '../../components/Shell';
import { ErrorPanel, LoadingSkeleton } from '../../components/States';
import { type Answer, sdk, unwrap } from '../../lib/api';
import { notifySuccess, usePageTitle } from '../../lib/feedback';
import { formatDate, formatRelative, usePermissions } from '../../lib/hooks';
import { ChangePlan } from './ChangePlan';
import { UsageMeter } from './PlanUsage';

type Account = Answer<'/api/account', 'get'>;

function AccountName({ account, allowed }: { account: Account; allowed: boolean }) {
  const client = useQueryClient();
  const [name, setName] = useState(account.name);
  useEffect(() => setName(account.name), [account.name]);
  const rename = useMutation({
    mutationFn: () => unwrap(sdk.PATCH('/api/account', { body: { name } })),
    onSuccess: (updated) => {
      client.setQueryData(['account'], updated);
      client.invalidateQueries({ queryKey: ['me'] });
      notifySuccess(`The account is now called ${updated.name}.`);
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        rename.mutate();
      }}
    >
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Account name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          disabled={!allowed}
          required
          error={fieldError(rename.error, '/name')}
          style={{ flex: '1 1 240px' }}
        />
        <Button type="submit" disabled={!allowed || name.trim() === account.name} loading={rename.isPending}>
          Save name
        </Button>
      </Group>
      <ProblemAlert error={rename.error} fields={['/name']} />
    </form>
  );
}

/** Account & plan: the account's name, its plan with usage against the limits, trial, plan change. */
export function AccountPage() {
  usePageTitle('Account & plan');
  const { can } = usePermissions(null);
  const allowed = can('account.billing');
  const account = useQuery({ queryKey: ['account'], queryFn: () => unwrap(sdk.GET('/api/account')) });
  const plans = useQuery({
    queryKey: ['plans'],
    queryFn: () => unwrap(sdk.GET('/api/plans')),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const failed = account.error ?? plans.error;
  return (
    <Stack>
      <PageTitle title="Account & plan" />
      {failed ? (
        <ErrorPanel
          error={failed}
          onRetry={() => {
            account.refetch();
            plans.refetch();
          }}
        />
      ) : !account.data || !plans.data ? (
        <LoadingSkeleton rows={6} label="Loading the account" />
      ) : (
        <AccountDetails account={account.data} plans={plans.data.items} allowed={allowed} />
      )}
    </Stack>
  );
}

function AccountDetails({
  account,
  plans,
  allowed,
}: {
  account: Account;
  plans: Answer<'/api/plans', 'get'>['items'];
  allowed: boolean;
}) {
  const plan = plans.find((p) => p.name === account.plan);
  return (
    <>
      <Card withBorder radius="md">
        <AccountName account={account} allowed={allowed} />
      </Card>
      <Card withBorder radius="md" data-testid="plan">
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h4">
              {plan?.label ?? account.plan} plan
            </Title>
            {account.trialEndsAt && (
              <Badge variant="light" color="yellow" tt="none" size="lg" data-testid="trial">
                Trial ends {formatDate(account.trialEndsAt)} ({formatRelative(account.trialEndsAt)})
              </Badge>
            )}
          </Group>
          <UsageMeter label="workspaces" used={account.usage.workspaces} limit={account.limits.workspaces} />
          <UsageMeter
            label="team members"
            used={account.usage.teamMembers}
            limit={account.limits.teamMembers}
          />
        </Stack>
      </Card>
      <Card withBorder radius="md">
        <Title order={2} size="h4" mb="sm">
          Change plan
        </Title>
        <ChangePlan account={account} plans={plans} allowed={allowed} />
      </Card>
      <Card withBorder radius="md">
        <Text size="sm">
          Two-factor is {account.requireTwoFactor ? 'required of everyone' : 'not required'} in this account.
          Account Admins change that on the{' '}
          <Anchor component={Link} to="/team" size="sm">
            Team members
          </Anchor>{' '}
          page.
        </Text>
      </Card>
    </>
  );
}
