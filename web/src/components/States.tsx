import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Problem } from '../lib/api';

/**
 * The three states every screen that loads something shows besides its data: a skeleton while it
 * loads, an error with "Try again" when it fails, and an empty state that says what to do next.
 * `<QueryView query={q} empty={(d) => d.items.length === 0} emptyState={…}>{(data) => …}</QueryView>`
 */

export function LoadingSkeleton({ rows = 4, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <Stack gap="sm" aria-busy="true" aria-label={label} data-testid="loading">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders with nothing else to key by
        <Skeleton key={i} height={i === 0 ? 28 : 20} width={i === 0 ? '40%' : `${90 - i * 7}%`} radius="sm" />
      ))}
    </Stack>
  );
}

/** A failure in words: the server's own sentence, or what to check when it could not be reached. */
export function errorMessage(error: unknown): string {
  if (error instanceof Problem) {
    if (error.status >= 500) return 'Atrium ran into a problem on its side. Try again in a moment.';
    return error.detail;
  }
  if (error instanceof TypeError) return 'Atrium could not be reached. Check your connection and try again.';
  return 'Something went wrong. Try again in a moment.';
}

export function ErrorPanel({
  error,
  onRetry,
  title = 'This could not be loaded',
}: {
  error: unknown;
  onRetry?: () => unknown;
  title?: string;
}) {
  return (
    <Alert color="red" variant="light" title={title} role="alert" data-testid="error-panel">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={() => onRetry()}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  /** What to do next, in a sentence. */
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Paper withBorder p="xl" radius="md" data-testid="empty-state">
      <Stack align="center" gap="xs" ta="center">
        <Title order={3} size="h4">
          {title}
        </Title>
        {children && (
          <Text c="dimmed" size="sm" maw={420}>
            {children}
          </Text>
        )}
        {action && <Group mt="sm">{action}</Group>}
      </Stack>
    </Paper>
  );
}

export function QueryView<T>({
  query,
  children,
  empty,
  emptyState,
  skeletonRows,
}: {
  query: Pick<UseQueryResult<T>, 'data' | 'error' | 'isPending' | 'refetch'>;
  children: (data: T) => ReactNode;
  empty?: (data: T) => boolean;
  emptyState?: ReactNode;
  skeletonRows?: number;
}) {
  if (query.isPending) return <LoadingSkeleton rows={skeletonRows} />;
  if (query.error || query.data === undefined)
    return <ErrorPanel error={query.error} onRetry={() => query.refetch()} />;
  if (empty?.(query.data) && emptyState) return <>{emptyState}</>;
  return <>{children(query.data)}</>;
}
