import { Anchor, Card, Group, List, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PageTitle, useCurrentWorkspace } from '../components/Shell';
import { QueryView } from '../components/States';
import { sdk, unwrap } from '../lib/api';
import { usePageTitle } from '../lib/feedback';
import { useMe } from '../lib/hooks';

export function DashboardPage() {
  usePageTitle('Dashboard');
  const me = useMe().data!;
  const { id, workspace } = useCurrentWorkspace();
  const guide = useQuery({
    queryKey: ['setup-guide', id],
    queryFn: () =>
      unwrap(
        sdk.GET('/api/workspaces/{workspaceId}/setup-guide', { params: { path: { workspaceId: id! } } }),
      ),
    enabled: Boolean(id),
  });
  return (
    <Stack>
      <PageTitle title={`Welcome, ${me.member.firstName}`} />
      {workspace && (
        <QueryView query={guide}>
          {({ steps }) => {
            const done = steps.filter((s) => s.done).length;
            return (
              <Card withBorder radius="md" padding="lg" data-testid="setup-guide">
                <Group justify="space-between" mb="sm">
                  <Title order={3}>Set up {workspace.name}</Title>
                  <Text c="dimmed" size="sm">
                    {done} of {steps.length} done
                  </Text>
                </Group>
                <Progress
                  aria-label={`Set-up: ${done} of ${steps.length} steps done`}
                  value={steps.length ? (100 * done) / steps.length : 0}
                  mb="md"
                />
                <List spacing="sm" center>
                  {steps.map((s) => (
                    <List.Item
                      key={s.key}
                      data-done={s.done}
                      icon={
                        <ThemeIcon
                          color={s.done ? 'teal' : 'gray'}
                          variant={s.done ? 'filled' : 'light'}
                          size={22}
                          radius="xl"
                        >
                          {s.done ? '✓' : '·'}
                        </ThemeIcon>
                      }
                    >
                      <Anchor
                        component={Link}
                        to={s.href}
                        c={s.done ? 'dimmed' : undefined}
                        td={s.done ? 'line-through' : undefined}
                      >
                        {s.label}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              </Card>
            );
          }}
        </QueryView>
      )}
    </Stack>
  );
}
