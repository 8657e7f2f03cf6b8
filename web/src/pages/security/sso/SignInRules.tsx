import { Alert, Button, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { confirmAction } from '../../../components/Confirm';
import { fieldError, ProblemAlert } from '../../../components/ProblemAlert';
import { sdk, unwrap } from '../../../lib/api';
import { notifySuccess } from '../../../lib/feedback';
import { useVocabulary } from '../../../lib/hooks';
import { type AccessState, accessBody } from '../../team/access';
import { WorkspaceAccessCard } from '../../team/WorkspaceAccessCard';
import { accessStateOf, bodyWith, type SsoSettings, useSaveSso } from './model';

/**
 * Who must use single sign-on (enforce, with the Account Admins' audited way in) and whether a
 * first sign-in from a verified domain creates the member, with the access they get.
 */
export function SignInRules({ saved }: { saved: SsoSettings }) {
  const vocabulary = useVocabulary();
  const save = useSaveSso();
  const workspaces = useQuery({
    queryKey: ['workspaces'],
    queryFn: () => unwrap(sdk.GET('/api/workspaces')),
  });
  const [enforce, setEnforce] = useState(saved.enforce);
  const [jit, setJit] = useState(saved.jitProvisioning);
  const [access, setAccess] = useState<AccessState>(accessStateOf(saved.jitAccess));
  const [missingRole, setMissingRole] = useState(false);
  const verified = saved.domains.some((d) => d.verified);

  const submit = async () => {
    const needsRole = jit && access.mode === 'all' && !access.all.role;
    setMissingRole(needsRole);
    if (needsRole) return;
    if (enforce && !saved.enforce) {
      const confirmed = await confirmAction({
        title: 'Require single sign-on?',
        message:
          'Members can no longer sign in with a password or a passkey: only through your identity provider. Account Admins keep a way in with their password and two-factor authentication, and each such sign-in is recorded in the activity log.',
        confirmLabel: 'Require single sign-on',
        danger: false,
      });
      if (!confirmed) return;
    }
    save.mutate(
      bodyWith(saved, {
        enforce,
        jitProvisioning: jit,
        ...(jit && { jitAccess: accessBody(access, vocabulary.hidesAttributes) }),
      }),
      { onSuccess: () => notifySuccess('The sign-in rules are saved.') },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sso-rules-title" data-testid="sso-rules">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h4" id="sso-rules-title">
            Sign-in rules
          </Title>
          <Switch
            label="Require single sign-on"
            description="Members sign in only through your identity provider, not with a password or a passkey. Account Admins keep a password + two-factor way in for when the provider is down; each use is logged."
            checked={enforce}
            onChange={(e) => setEnforce(e.currentTarget.checked)}
          />
          {enforce && !verified && (
            <Alert color="yellow" title="No domain is verified yet">
              <Text size="sm">
                The log-in page finds single sign-on by the email address’s domain: verify a domain, or
                members are refused their password with nowhere to go.
              </Text>
            </Alert>
          )}
          <Switch
            label="Create members at their first sign-in"
            description="Someone from a verified domain who signs in through your identity provider for the first time becomes a member, with the access below. Otherwise only people you invite can join."
            checked={jit}
            onChange={(e) => setJit(e.currentTarget.checked)}
          />
          {jit && (
            <WorkspaceAccessCard
              value={access}
              onChange={setAccess}
              workspaces={workspaces}
              overridden={[]}
              error={
                missingRole
                  ? 'Choose the role they get in every workspace.'
                  : fieldError(save.error, '/jitAccess')
              }
            />
          )}
          <ProblemAlert error={save.error} fields={['/jitAccess']} />
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            Save sign-in rules
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
