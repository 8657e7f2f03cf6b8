import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { PageTitle } from '../../components/Shell';
import { ErrorPanel, LoadingSkeleton } from '../../components/States';
import { sdk, unwrap } from '../../lib/api';
import { usePageTitle } from '../../lib/feedback';
import { MemberExplanation } from './MemberExplanation';
import { AccountRules, PermissionMatrix } from './PermissionMatrix';

/** The roles' permissions as the server enforces them (GET /api/permissions), and one member's, explained. */
export function PermissionsPage() {
  usePageTitle('Permissions');
  const catalog = useQuery({
    queryKey: ['catalog'],
    queryFn: () => unwrap(sdk.GET('/api/permissions')),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <Stack>
      <PageTitle title="Permissions" />
      {catalog.isPending ? (
        <LoadingSkeleton rows={8} label="Loading permissions" />
      ) : catalog.error ? (
        <ErrorPanel error={catalog.error} onRetry={() => catalog.refetch()} />
      ) : (
        <>
          <MemberExplanation catalog={catalog.data} />
          <PermissionMatrix catalog={catalog.data} />
          <AccountRules catalog={catalog.data} />
        </>
      )}
    </Stack>
  );
}
