import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** The part of an infinite query (TanStack Query) a "show more" button reads. */
interface NextPage {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** A list's next page on demand ("Show 50 more"), shown only while there is one. */
export function ShowMore({
  list,
  children,
  testId,
}: {
  list: NextPage;
  children: ReactNode;
  testId?: string;
}) {
  if (!list.hasNextPage) return null;
  return (
    <Button
      variant="default"
      onClick={() => list.fetchNextPage()}
      loading={list.isFetchingNextPage}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}

/**
 * Beneath a paged list: how much of it is shown ("Showing 50 people; there are more") and the
 * button that shows the next page.
 */
export function ListFooter({
  list,
  shown,
  more,
  testId,
}: {
  list: NextPage;
  /** What is shown, in words: "50 people", "3 deliveries, oldest first". */
  shown: string;
  /** The button's words: "Show 50 more". */
  more: string;
  /** Names the count `${testId}-count` and the button `${testId}-load-more`. */
  testId: string;
}) {
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" data-testid={`${testId}-count`}>
        Showing {shown}
        {list.hasNextPage ? '; there are more' : ''}
      </Text>
      <ShowMore list={list} testId={`${testId}-load-more`}>
        {more}
      </ShowMore>
    </Group>
  );
}
