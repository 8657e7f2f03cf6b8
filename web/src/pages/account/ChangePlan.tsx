import { Alert, Button, Group, List, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { confirmAction } from '../../components/Confirm';
import { ProblemAlert } from '../../components/ProblemAlert';
import { type Answer, sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';
import { formatDate } from '../../lib/hooks';
import { limitInWords } from './PlanUsage';

type Account = Answer<'/api/account', 'get'>;
type Plan = Answer<'/api/plans', 'get'>['items'][number];
type Limits = NonNullable<Plan['limits']>;

const limitNames = { workspaces: 'workspaces', teamMembers: 'team members' } as const;

/** The limits the account already goes past on a plan: the server refuses such a move (409). */
function outgrown(account: Account, limits: Limits) {
  return (Object.keys(limitNames) as (keyof Limits)[])
    .filter((k) => limits[k] !== null && account.usage[k] > (limits[k] ?? 0))
    .map((k) => ({ what: limitNames[k], used: account.usage[k], max: limits[k] ?? 0 }));
}

/** The plans an account may choose itself; the move says what changes before it is made. */
export function ChangePlan({
  account,
  plans,
  allowed,
}: {
  account: Account;
  plans: Plan[];
  allowed: boolean;
}) {
  const client = useQueryClient();
  const [chosen, setChosen] = useState(account.plan);
  const choices = plans.filter((p) => p.selfService);
  const target = choices.find((p) => p.name === chosen);
  const current = plans.find((p) => p.name === account.plan);
  const tooBig = target?.limits ? outgrown(account, target.limits) : [];
  const change = useMutation({
    mutationFn: (plan: Plan) =>
      unwrap(sdk.PATCH('/api/account', { body: { plan: plan.name as Exclude<Plan['name'], 'custom'> } })),
    onSuccess: (updated, plan) => {
      client.setQueryData(['account'], updated);
      client.invalidateQueries({ queryKey: ['me'] });
      notifySuccess(`The account is now on the ${plan.label} plan.`);
    },
  });
  const ask = async () => {
    if (!target?.limits) return;
    const ok = await confirmAction({
      title: `Move to the ${target.label} plan?`,
      confirmLabel: `Move to ${target.label}`,
      danger: false,
      message: (
        <Stack gap="xs">
          <Text size="sm">
            From {current?.label ?? account.plan} to {target.label}, the account may have:
          </Text>
          <List size="sm">
            <List.Item>
              Workspaces: {limitInWords(target.limits.workspaces)} (you have {account.usage.workspaces})
            </List.Item>
            <List.Item>
              Team members: {limitInWords(target.limits.teamMembers)} (you have {account.usage.teamMembers})
            </List.Item>
          </List>
          <Text size="sm">
            Nothing is deleted. Creating a workspace or inviting someone past a limit is refused until the
            plan allows it.
          </Text>
          {account.trialEndsAt && (
            <Text size="sm">
              Your trial, due to end on {formatDate(account.trialEndsAt)}, ends with this change.
            </Text>
          )}
        </Stack>
      ),
    });
    if (ok) change.mutate(target);
  };
  return (
    <Stack>
      <Radio.Group
        value={chosen}
        onChange={(v) => setChosen(v as Account['plan'])}
        label="Plan"
        description="What each plan allows. Changing the plan takes effect at once."
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} mt="xs">
          {choices.map((p) => (
            <Radio.Card key={p.name} value={p.name} p="sm" radius="md" disabled={!allowed}>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator />
                <div>
                  <Text fw={600} size="sm">
                    {p.label}
                    {p.name === account.plan && ' (current)'}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Workspaces: {limitInWords(p.limits?.workspaces ?? null)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Team members: {limitInWords(p.limits?.teamMembers ?? null)}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>
      {tooBig.length > 0 && target && (
        <Alert color="yellow" variant="light" data-testid="plan-outgrown">
          {tooBig.map((t) => (
            <Text size="sm" key={t.what}>
              This account has {t.used} {t.what} and {target.label} allows {t.max}: remove {t.used - t.max}{' '}
              first. Atrium refuses the move until then.
            </Text>
          ))}
        </Alert>
      )}
      <ProblemAlert error={change.error} />
      <Group>
        <Button
          onClick={ask}
          disabled={!allowed || !target || chosen === account.plan || tooBig.length > 0}
          loading={change.isPending}
        >
          Change plan
        </Button>
      </Group>
    </Stack>
  );
}
