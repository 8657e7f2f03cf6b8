import { Alert, Button, Card, Group, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { Problem, sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';
import { useMe, usePermissions, useRefreshAll, useVocabulary } from '../../lib/hooks';
import { AccountAccessCard } from './AccountAccessCard';
import { type AccessState, accessBody, accessOf, type WorkspaceAccessBody } from './access';
import { fullName, type TeamMember } from './model';
import { WorkspaceAccessCard } from './WorkspaceAccessCard';

// Account Admins hold no stored workspace role: they are Workspace Admins everywhere by their account role.
const noWorkspaces: WorkspaceAccessBody = { mode: 'custom', roles: [] };

const FIELDS = ['/firstName', '/lastName', '/email', '/currentPassword', '/accountRole', '/workspaceAccess'];

/** Invite someone (no member) or edit a member: their details, account role and workspace access. */
export function MemberForm({ member }: { member?: TeamMember }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const refresh = useRefreshAll();
  const me = useMe().data;
  const vocabulary = useVocabulary();
  const manages = usePermissions(null).can('team_members.manage');
  const workspaces = useQuery({
    queryKey: ['workspaces'],
    queryFn: () => unwrap(sdk.GET('/api/workspaces')),
  });
  const self = member !== undefined && member.id === me?.member.id;
  const [firstName, setFirstName] = useState(member?.firstName ?? '');
  const [lastName, setLastName] = useState(member?.lastName ?? '');
  const [email, setEmail] = useState(member?.email ?? '');
  // Changing someone's email takes the caller's own password (one's own changes in the profile).
  const [currentPassword, setCurrentPassword] = useState('');
  const emailChanges = member !== undefined && !self && email !== member.email;
  const [accountRole, setAccountRole] = useState<TeamMember['accountRole']>(member?.accountRole ?? 'member');
  const [flags, setFlags] = useState(
    member?.permissions ?? { billing: false, apiCredentials: false, supportAccess: false },
  );
  const [access, setAccess] = useState<AccessState>(accessOf(member));
  const [missingRole, setMissingRole] = useState(false);
  const admin = vocabulary.everyWorkspaceAs(accountRole) !== null;
  const allAccess = member?.workspaceAccess.mode === 'all' ? member.workspaceAccess : null;
  const overridden = allAccess
    ? (member?.workspaces ?? [])
        .filter((w) => w.role !== allAccess.role || w.hideAttributes !== allAccess.hideAttributes)
        .map((w) => w.workspaceName)
    : [];

  const save = useMutation({
    mutationFn: async () => {
      const grants = manages && {
        accountRole,
        permissions: flags,
        workspaceAccess: admin ? noWorkspaces : accessBody(access, vocabulary.hidesAttributes),
      };
      if (!member)
        return unwrap(sdk.POST('/api/team-members', { body: { firstName, lastName, email, ...grants } }));
      return unwrap(
        sdk.PATCH('/api/team-members/{memberId}', {
          params: { path: { memberId: member.id } },
          body: {
            firstName,
            lastName,
            ...(!self && { email }),
            ...(emailChanges && { currentPassword }),
            ...grants,
          },
        }),
      );
    },
    onSuccess: async () => {
      notifySuccess(
        member ? `${fullName({ firstName, lastName })} is saved.` : `Invitation sent to ${email}.`,
      );
      await client.invalidateQueries({ queryKey: ['team'] });
      if (self) await refresh();
      navigate('/team');
    },
  });
  const err = (path: string) => fieldError(save.error, path);
  const limit = save.error instanceof Problem && save.error.code === 'limit_reached' ? save.error.body : null;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const needsRole = manages && !admin && access.mode === 'all' && !access.all.role;
        setMissingRole(needsRole);
        if (!needsRole) save.mutate();
      }}
    >
      <Stack maw={760}>
        <Card withBorder radius="md">
          <Title order={2} size="h4" mb="sm">
            User details
          </Title>
          <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
            <TextInput
              label="First name"
              value={firstName}
              onChange={(e) => setFirstName(e.currentTarget.value)}
              required
              miw={160}
              error={err('/firstName')}
            />
            <TextInput
              label="Last name"
              value={lastName}
              onChange={(e) => setLastName(e.currentTarget.value)}
              required
              miw={160}
              error={err('/lastName')}
            />
          </Group>
          <TextInput
            mt="sm"
            type="email"
            label="Email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
            // One's own address changes by confirmation, in Your profile.
            readOnly={self}
            description={
              self ? (
                <>
                  Change your own email in <Link to="/profile">Your profile</Link>: the new address confirms
                  it.
                </>
              ) : member ? undefined : (
                'They get an email with a link to join, valid for 7 days.'
              )
            }
            error={err('/email')}
          />
          {emailChanges && (
            <PasswordInput
              mt="sm"
              label="Your current password"
              description="Changing someone’s email needs your own password: reset links go to the new address."
              value={currentPassword}
              onChange={(e) => setCurrentPassword(e.currentTarget.value)}
              required
              autoComplete="current-password"
              error={err('/currentPassword')}
            />
          )}
        </Card>
        {manages && (
          <AccountAccessCard
            role={accountRole}
            flags={flags}
            onRole={setAccountRole}
            onFlags={setFlags}
            error={err('/accountRole')}
          />
        )}
        {manages && !admin && (
          <WorkspaceAccessCard
            value={access}
            onChange={setAccess}
            workspaces={workspaces}
            overridden={overridden}
            error={missingRole ? 'Choose the role they have in every workspace.' : err('/workspaceAccess')}
          />
        )}
        {limit ? (
          <Alert color="red" title="The plan’s limit is reached" data-testid="limit-reached">
            Your plan allows {String(limit.max)} team members and the account has {String(limit.current)}.
            Remove someone, or revoke an invitation, or change the plan, then invite again.
          </Alert>
        ) : (
          <ProblemAlert error={save.error} fields={FIELDS} />
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {member ? 'Save' : 'Send invite'}
          </Button>
          <Button variant="default" onClick={() => navigate('/team')}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
