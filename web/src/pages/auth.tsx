import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { AuthCard } from '../components/AuthCard';
import { PasskeySignIn } from '../components/PasskeySignIn';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { LoadingSkeleton } from '../components/States';
import { type Body, Problem, sdk, unwrap } from '../lib/api';
import { notifySuccess, usePageTitle } from '../lib/feedback';
import { useSessionChanged } from '../lib/hooks';
import { safeNext, useAfterSignIn } from '../lib/next';
import { type Credentials, LoginSecondStep, secondFactorMethods } from './LoginSecondStep';
import { ssoStartUrl } from './security/sso/model';
import { ContinueWithSso, SsoErrorAlert, useSsoLookup } from './security/sso/SignInWithSso';

export const value = (form: FormData, name: string) => String(form.get(name) ?? '');

export function SignUpPage() {
  usePageTitle('Create your account');
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const signup = useMutation({
    mutationFn: (body: Body<'/api/signup', 'post'>) => unwrap(sdk.POST('/api/signup', { body })),
    onSuccess: async () => {
      await sessionChanged();
      navigate('/');
    },
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    signup.mutate({
      accountName: value(f, 'accountName'),
      firstName: value(f, 'firstName'),
      lastName: value(f, 'lastName'),
      email: value(f, 'email'),
      password: value(f, 'password'),
    });
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
  usePageTitle('Log in');
  const signedIn = useAfterSignIn();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  // An Account Admin's way past an enforced single sign-on: password + second factor, logged.
  const [breakGlass, setBreakGlass] = useState(false);
  const lookup = useSsoLookup(email);
  // Set when the password was right and a second factor is due (LoginSecondStep).
  const [secondStep, setSecondStep] = useState<{ credentials: Credentials; methods: string[] } | null>(null);
  const login = useMutation({
    mutationFn: (body: Credentials) => unwrap(sdk.POST('/api/session', { body })),
    onSuccess: signedIn,
    onError: (error, body) => {
      const methods = secondFactorMethods(error);
      if (methods) setSecondStep({ credentials: body, methods });
    },
  });
  const next = params.has('next') ? safeNext(params.get('next')) : null;
  const account = params.get('account');
  const ssoRequired = login.error instanceof Problem && login.error.code === 'sso_required';
  const passwordHidden = lookup.enforced && !breakGlass;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    if (passwordHidden) {
      window.location.assign(ssoStartUrl({ email: email.trim(), next }));
      return;
    }
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
          <SsoErrorAlert message={params.get('ssoError')} />
          <TextInput
            name="email"
            type="email"
            label="Email"
            required
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          {/* ?account=: an identity provider's app tile. A click, never an automatic start, so that
              another site's link cannot sign the visitor into an account of its choosing. */}
          {(lookup.sso || ssoRequired || account) && (
            <ContinueWithSso email={email} account={account} next={next} />
          )}
          {passwordHidden ? (
            <Stack gap={4} align="flex-start">
              <Text size="sm" c="gray.7">
                Your organisation signs in through its identity provider.
              </Text>
              <Anchor component="button" type="button" size="sm" onClick={() => setBreakGlass(true)}>
                Account Admin? Sign in with your password
              </Anchor>
            </Stack>
          ) : (
            <>
              <PasswordInput name="password" label="Password" required autoComplete="current-password" />
              <ProblemAlert error={login.error} />
              <Button
                type="submit"
                loading={login.isPending}
                variant={lookup.sso || ssoRequired ? 'default' : 'filled'}
              >
                Log in
              </Button>
            </>
          )}
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
      {!passwordHidden && <PasskeySignIn />}
    </AuthCard>
  );
}

export function ForgotPasswordPage() {
  usePageTitle('Reset your password');
  const [sent, setSent] = useState(false);
  const forgot = useMutation({
    mutationFn: (email: string) => unwrap(sdk.POST('/api/password-resets', { body: { email } })),
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
  usePageTitle('Choose a new password');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const link = useQuery({
    queryKey: ['reset', token],
    queryFn: () => unwrap(sdk.GET('/api/password-resets/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const reset = useMutation({
    mutationFn: (password: string) =>
      unwrap(sdk.POST('/api/password-resets/{token}', { params: { path: { token } }, body: { password } })),
    onSuccess: () => {
      notifySuccess('Your password is set: log in with it');
      navigate('/login');
    },
  });
  if (link.isPending)
    return (
      <AuthCard title="Choose a new password">
        <LoadingSkeleton rows={3} />
      </AuthCard>
    );
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
