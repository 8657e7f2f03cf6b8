import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { AuthCard } from '../components/AuthCard';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { LoadingSkeleton } from '../components/States';
import { type Body, sdk, unwrap } from '../lib/api';
import { usePageTitle } from '../lib/feedback';
import { useSessionChanged, useVocabulary } from '../lib/hooks';
import { value } from './auth';
import { ContinueWithSso } from './security/sso/SignInWithSso';

/**
 * /invitations/:token: who invited whom to what, and joining with a name and a password, or through
 * the account's identity provider when it has single sign-on (only that way when it requires it).
 */
export function AcceptInvitationPage() {
  usePageTitle('Accept your invitation');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const { roleLabel } = useVocabulary();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => unwrap(sdk.GET('/api/invitations/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: (body: Body<'/api/invitations/{token}/accept', 'post'>) =>
      unwrap(sdk.POST('/api/invitations/{token}/accept', { params: { path: { token } }, body })),
    onSuccess: async () => {
      await sessionChanged();
      navigate('/');
    },
  });
  if (invitation.isPending)
    return (
      <AuthCard title="Your invitation">
        <LoadingSkeleton rows={3} />
      </AuthCard>
    );
  if (invitation.error) {
    return (
      <AuthCard title="This invitation does not work">
        <ProblemAlert error={invitation.error} />
        <Text size="sm">Ask the person who invited you to send a new invitation.</Text>
      </AuthCard>
    );
  }
  const inv = invitation.data;
  const err = (p: string) => fieldError(accept.error, p);
  const title = `Join ${inv.accountName}`;
  const subtitle = `${inv.inviterName} invited ${inv.email}${inv.workspaces.length ? ` to ${inv.workspaces.map((w) => `${w.name} (${roleLabel(w.role)})`).join(', ')}` : ''}.`;
  if (inv.singleSignOn === 'enforced') {
    return (
      <AuthCard title={title} subtitle={subtitle}>
        <Stack>
          <Text size="sm">
            {inv.accountName} signs in through its identity provider, so you choose no password here: continue
            with single sign-on as {inv.email} to join.
          </Text>
          <ContinueWithSso invitation={token} />
        </Stack>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={title} subtitle={subtitle}>
      {inv.singleSignOn === 'offered' && (
        <Stack gap="xs" data-testid="invitation-sso">
          <Text size="sm">
            {inv.accountName} uses single sign-on: join with your organisation’s sign-in as {inv.email}, and
            you need no password here.
          </Text>
          <ContinueWithSso invitation={token} />
          <Divider label="or choose a password" labelPosition="center" />
        </Stack>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          accept.mutate({
            firstName: value(f, 'firstName'),
            lastName: value(f, 'lastName'),
            password: value(f, 'password'),
            marketingOptIn: f.get('marketingOptIn') === 'on',
            ...(inv.trialToCancel?.passwordRequired && {
              cancelTrial: { password: value(f, 'trialPassword') },
            }),
          });
        }}
      >
        <Stack>
          <Group grow>
            <TextInput
              name="firstName"
              label="First name"
              defaultValue={inv.firstName}
              required
              error={err('/firstName')}
            />
            <TextInput
              name="lastName"
              label="Last name"
              defaultValue={inv.lastName}
              required
              error={err('/lastName')}
            />
          </Group>
          <PasswordInput
            name="password"
            label="Choose a password"
            description="At least 8 characters"
            required
            error={err('/password')}
          />
          {inv.trialToCancel && (
            <Alert
              color="yellow"
              title={`Your address belongs to the trial account “${inv.trialToCancel.accountName}”`}
            >
              {inv.trialToCancel.passwordRequired ? (
                <Stack gap="xs">
                  <Text size="sm">
                    Joining cancels that trial and deletes its data. Enter its password to confirm.
                  </Text>
                  <PasswordInput
                    name="trialPassword"
                    label="Password of the trial account"
                    required
                    error={err('/cancelTrial')}
                  />
                </Stack>
              ) : (
                <Text size="sm">
                  That trial never confirmed this email address, so it does not keep it: joining cancels the
                  trial and deletes its data. Opening this link from your inbox proves the address is yours.
                </Text>
              )}
            </Alert>
          )}
          <Checkbox name="marketingOptIn" label="Send me product updates by email" />
          <ProblemAlert
            error={accept.error}
            fields={['/firstName', '/lastName', '/password', '/cancelTrial']}
          />
          <Button type="submit" loading={accept.isPending}>
            Accept invitation
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
