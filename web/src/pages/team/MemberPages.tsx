import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { PageTitle } from '../../components/Shell';
import { ErrorPanel, LoadingSkeleton } from '../../components/States';
import { sdk, unwrap } from '../../lib/api';
import { usePageTitle } from '../../lib/feedback';
import { MemberForm } from './MemberForm';
import { fullName } from './model';

export function InviteMemberPage() {
  usePageTitle('Invite team member');
  return (
    <>
      <PageTitle title="Invite team member" />
      <MemberForm />
    </>
  );
}

export function EditMemberPage() {
  const { id = '' } = useParams();
  const member = useQuery({
    queryKey: ['team', id],
    queryFn: () => unwrap(sdk.GET('/api/team-members/{memberId}', { params: { path: { memberId: id } } })),
  });
  usePageTitle(member.data ? `Edit ${fullName(member.data)}` : 'Edit team member');
  return (
    <>
      <PageTitle title={member.data ? `Edit ${fullName(member.data)}` : 'Edit team member'} />
      {member.isPending ? (
        <LoadingSkeleton rows={6} label="Loading the team member" />
      ) : member.error ? (
        <ErrorPanel error={member.error} onRetry={() => member.refetch()} />
      ) : (
        <MemberForm key={member.data.id} member={member.data} />
      )}
    </>
  );
}
