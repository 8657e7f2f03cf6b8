import { Button } from '@mantine/core';
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
