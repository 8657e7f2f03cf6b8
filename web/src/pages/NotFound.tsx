import { Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { isRouteErrorResponse, Link, useLocation, useRouteError } from 'react-router';
import { usePageTitle } from '../lib/feedback';

function Message({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper
      withBorder
      p="xl"
      radius="md"
      maw={560}
      data-testid="page-message"
      style={{ overflowWrap: 'anywhere' }}
    >
      <Stack gap="sm">
        <Title order={1} size="h2">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** Any address the console does not know, shown inside the frame: where to go instead. */
export function NotFoundPage() {
  const { pathname } = useLocation();
  usePageTitle('Page not found');
  return (
    <Message title="Page not found">
      <Text size="sm">
        There is no page at <strong>{pathname}</strong>. The link may be old, or the address mistyped.
      </Text>
      <Group>
        <Button component={Link} to="/">
          Go to the dashboard
        </Button>
      </Group>
    </Message>
  );
}

/**
 * What a page that failed while drawing shows (React Router's errorElement), in place of a blank
 * screen or a stack trace: a sentence, a reload, and a way back.
 */
export function RouteErrorPage({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  usePageTitle('Something went wrong');
  const missing = isRouteErrorResponse(error) && error.status === 404;
  const body = missing ? (
    <NotFoundPage />
  ) : (
    <Message title="Something went wrong on this page">
      <Text size="sm">
        The page stopped working. Reloading it usually helps; if it happens again, go back to the dashboard
        and try another way.
      </Text>
      <Group>
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
        {/* A plain link: the router's state may be what failed. */}
        <Button component="a" href="/" variant="default">
          Go to the dashboard
        </Button>
      </Group>
    </Message>
  );
  if (!standalone) return body;
  return (
    <Center mih="100vh" bg="gray.0" p="md" component="main">
      {body}
    </Center>
  );
}
