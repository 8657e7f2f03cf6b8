import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { Problem, sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';

const empty = { currentPassword: '', newPassword: '', confirm: '' };

/** Change one's password: the current one, the new one twice. The other sessions end. */
export function PasswordSection() {
  const client = useQueryClient();
  const [form, setForm] = useState(empty);
  const [mismatch, setMismatch] = useState(false);
  const [tooShort, setTooShort] = useState(false);
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: () =>
      unwrap(
        sdk.PUT('/api/me/password', {
          body: { currentPassword: form.currentPassword, newPassword: form.newPassword },
        }),
      ),
    onSuccess: () => {
      notifySuccess('Your password was changed');
      setForm(empty);
      setDone(true);
      client.invalidateQueries({ queryKey: ['my-sessions'] });
    },
  });
  const set = (field: keyof typeof empty) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setForm({ ...form, [field]: e.currentTarget.value });
    setDone(false);
    if (field !== 'currentPassword') setMismatch(false);
    if (field === 'newPassword') setTooShort(false);
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if ([...form.newPassword].length < 8) return setTooShort(true);
    if (form.newPassword !== form.confirm) return setMismatch(true);
    change.mutate();
  };
  const wrongCurrent = change.error instanceof Problem && change.error.code === 'current_password_wrong';
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="password-title">
      <form onSubmit={submit} data-testid="password-form">
        <Stack>
          <div>
            <Title order={2} size="h4" id="password-title">
              Password
            </Title>
            <Text size="sm" c="gray.7">
              Changing it signs you out on every other device; this one stays signed in.
            </Text>
          </div>
          {done && (
            <Alert color="teal" data-testid="password-changed">
              Your password was changed. Your other sessions were signed out, and we emailed you a notice.
            </Alert>
          )}
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            value={form.currentPassword}
            onChange={set('currentPassword')}
            error={wrongCurrent ? 'That is not your current password.' : undefined}
          />
          <PasswordInput
            label="New password"
            description="At least 8 characters, and not one of the passwords people use most. A few unrelated words make a strong one."
            // Darker than Mantine's dimmed grey, which is too faint to read (WCAG AA contrast).
            styles={{ description: { color: 'var(--mantine-color-gray-7)' } }}
            autoComplete="new-password"
            required
            value={form.newPassword}
            onChange={set('newPassword')}
            error={tooShort ? 'Use at least 8 characters.' : fieldError(change.error, '/newPassword')}
          />
          <PasswordInput
            label="New password again"
            autoComplete="new-password"
            required
            value={form.confirm}
            onChange={set('confirm')}
            error={mismatch ? 'The two new passwords differ.' : undefined}
          />
          <ProblemAlert error={change.error} fields={['/currentPassword', '/newPassword']} />
          <Button
            type="submit"
            color="indigo.7"
            loading={change.isPending}
            style={{ alignSelf: 'flex-start' }}
          >
            Change password
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
