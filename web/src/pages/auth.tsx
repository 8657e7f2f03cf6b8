import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Loader,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { AuthCard } from '../components/AuthCard';
import { PasskeySignIn } from '../components/PasskeySignIn';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { get, post } from '../lib/api';
import { useSessionChanged } from '../lib/hooks';
import { roleLabels, type WorkspaceRole } from '../lib/types';
import { type Credentials, LoginSecondStep, secondFactorMethods } from './LoginSecondStep';

const value = (form: FormData, name: string) => String(form.get(name) ?? '');

export function SignUpPage() {
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const signup = useMutation({
    mutationFn: (body: Record<string, string>) => post('/api/signup', body),
    onSuccess: async () => {
      await sessionChanged();
      navigate('/');
    },
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    signup.mutate(
      Object.fromEntries(
        ['accountName', 'firstName', 'lastName', 'email', 'password'].map((k) => [k, value(f, k)]),
      ),
    );
  };
  const err = (p: string) => fieldError(signup.error, p);
  return (
    <AuthCard
      title="Create your account"
      subtitle="An account, its first workspace, and you as its Account Admin."
    >
      <form onSubmit={submit}>
        <Stack>
          <TextInput name="accountName" label="Account name" required error={err('/accountName')} />
          <Group grow>
            <TextInput name="firstName" label="First name" required error={err('/firstName')} />
            <TextInput name="lastName" label="Last name" required error={err('/lastName')} />
          </Group>
          <TextInput name="email" type="email" label="Email" required error={err('/email')} />
          <PasswordInput
            name="password"
            label="Password"
            description="At least 8 characters"
            required
            error={err('/password')}
          />
          <ProblemAlert
            error={signup.error}
            fields={['/accountName', '/firstName', '/lastName', '/email', '/password']}
          />
          <Button type="submit" loading={signup.isPending}>
            Create account
          </Button>
          <Text size="sm">
            Already have an account?{' '}
            <Anchor component={Link} to="/login">
              Log in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}

export function LogInPage() {
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const signedIn = async () => {
    await sessionChanged();
    navigate('/');
  };
  // Set when the password was right and a second factor is due (LoginSecondStep).
  const [secondStep, setSecondStep] = useState<{ credentials: Credentials; methods: string[] } | null>(null);
  const login = useMutation({
    mutationFn: (body: Credentials) => post('/api/session', body),
    onSuccess: signedIn,
    onError: (error, body) => {
      const methods = secondFactorMethods(error);
      if (methods) setSecondStep({ credentials: body, methods });
    },
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    login.mutate({ email: value(f, 'email'), password: value(f, 'password') });
  };
  if (secondStep) {
    const back = () => {
      login.reset();
      setSecondStep(null);
    };
    return (
      <LoginSecondStep
        credentials={secondStep.credentials}
        methods={secondStep.methods}
        onSignedIn={signedIn}
        onBack={back}
      />
    );
  }
  return (
    <AuthCard title="Log in">
      <form onSubmit={submit}>
        <Stack>
          <TextInput name="email" type="email" label="Email" required autoComplete="username" />
          <PasswordInput name="password" label="Password" required autoComplete="current-password" />
          <ProblemAlert error={login.error} />
          <Button type="submit" loading={login.isPending}>
            Log in
          </Button>
          <Group justify="space-between">
            <Anchor component={Link} to="/forgot-password" size="sm">
              Forgot your password?
            </Anchor>
            <Anchor component={Link} to="/signup" size="sm">
              Create an account
            </Anchor>
          </Group>
        </Stack>
      </form>
      <PasskeySignIn />
    </AuthCard>
  );
}

export function ForgotPasswordPage() {
  const [sent, setSent] = useState(false);
  const forgot = useMutation({
    mutationFn: (email: string) => post('/api/password-resets', { email }),
    onSuccess: () => setSent(true),
  });
  return (
    <AuthCard title="Reset your password">
      {sent ? (
        <Alert color="green">If that address belongs to a team member, a reset link is on its way.</Alert>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            forgot.mutate(value(new FormData(e.currentTarget), 'email'));
          }}
        >
          <Stack>
            <TextInput name="email" type="email" label="Email" required />
            <ProblemAlert error={forgot.error} />
            <Button type="submit" loading={forgot.isPending}>
              Email me a link
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm">
        Back to log in
      </Anchor>
    </AuthCard>
  );
}

export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const link = useQuery({
    queryKey: ['reset', token],
    queryFn: () => get<{ email: string }>(`/api/password-resets/${token}`),
    retry: false,
  });
  const reset = useMutation({
    mutationFn: (password: string) => post(`/api/password-resets/${token}`, { password }),
    onSuccess: () => navigate('/login'),
  });
  if (link.isPending) return <Loader m="xl" />;
  if (link.error) {
    return (
      <AuthCard title="This link does not work">
        <ProblemAlert error={link.error} />
        <Anchor component={Link} to="/forgot-password">
          Ask for a new one
        </Anchor>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" subtitle={link.data.email}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          reset.mutate(value(new FormData(e.currentTarget), 'password'));
        }}
      >
        <Stack>
          <PasswordInput
            name="password"
            label="New password"
            description="At least 8 characters"
            required
            error={fieldError(reset.error, '/password')}
          />
          <ProblemAlert error={reset.error} fields={['/password']} />
          <Button type="submit" loading={reset.isPending}>
            Set password
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

interface Invitation {
  accountName: string;
  inviterName: string;
  email: string;
  firstName: string;
  lastName: string;
  workspaces: { id: string; name: string; role: WorkspaceRole }[];
  trialToCancel: { accountName: string; passwordRequired: boolean } | null;
}

export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => get<Invitation>(`/api/invitations/${token}`),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: (body: Record<string, unknown>) => post(`/api/invitations/${token}/accept`, body),
    onSuccess: async () => {
      await sessionChanged();
      navigate('/');
    },
  });
  if (invitation.isPending) return <Loader m="xl" />;
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
  return (
    <AuthCard
      title={`Join ${inv.accountName}`}
      subtitle={`${inv.inviterName} invited ${inv.email}${inv.workspaces.length ? ` to ${inv.workspaces.map((w) => `${w.name} (${roleLabels[w.role]})`).join(', ')}` : ''}.`}
    >
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
