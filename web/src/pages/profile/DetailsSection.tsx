import {
  Badge,
  Button,
  Card,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';
import { useMe } from '../../lib/hooks';

/**
 * Name and email. A name changes at once; a new email asks for the current password and changes
 * only when the link sent to the new address is opened (the old address is told).
 */
export function DetailsSection() {
  const me = useMe().data!;
  const client = useQueryClient();
  const [firstName, setFirstName] = useState(me.member.firstName);
  const [lastName, setLastName] = useState(me.member.lastName);
  const [email, setEmail] = useState(me.member.email);
  const [currentPassword, setCurrentPassword] = useState('');
  const emailChanges = email.trim() !== me.member.email;
  const [notice, setNotice] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        sdk.PATCH('/api/me', {
          body: { firstName, lastName, ...(emailChanges && { email: email.trim(), currentPassword }) },
        }),
      ),
    onSuccess: async (saved) => {
      // A new address answers with the one waiting for confirmation (a union in the document).
      const pending = 'pendingEmail' in saved ? saved.pendingEmail : null;
      setCurrentPassword('');
      setEmail(saved.member.email);
      // A pending address shows in its own box below the field.
      setNotice(pending ? null : 'Your details are saved.');
      notifySuccess(pending ? `We sent a confirmation link to ${pending}` : 'Your details are saved');
      await client.invalidateQueries({ queryKey: ['me'] });
      await client.invalidateQueries({ queryKey: ['team'] });
    },
  });
  const err = (p: string) => fieldError(save.error, p);

  return (
    <Card withBorder radius="md" component="section" aria-labelledby="details-title">
      <Title order={3} id="details-title" mb="sm">
        Your details
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setNotice(null);
          save.mutate();
        }}
      >
        <Stack>
          <Group grow align="flex-start" wrap="wrap">
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
            label="Email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
            error={err('/email')}
            rightSectionWidth={120}
            rightSection={
              !emailChanges && (
                <Badge
                  size="sm"
                  variant="filled"
                  color={me.member.emailVerified ? 'teal.9' : 'dark.5'}
                  tt="none"
                  data-testid="email-status"
                >
                  {me.member.emailVerified ? 'Confirmed' : 'Not confirmed'}
                </Badge>
              )
            }
          />
          {me.pendingEmail && (
            <Paper withBorder p="sm" bg="blue.0" data-testid="pending-email">
              <Text size="sm">
                Waiting for confirmation from {me.pendingEmail}. Your email stays {me.member.email} until the
                link we sent there is opened.
              </Text>
            </Paper>
          )}
          {emailChanges && (
            <PasswordInput
              label="Your current password"
              description="A new email address needs your password. We send a link to the new address, and tell the current one."
              value={currentPassword}
              onChange={(e) => setCurrentPassword(e.currentTarget.value)}
              required
              error={err('/currentPassword')}
            />
          )}
          <ProblemAlert
            error={save.error}
            fields={['/firstName', '/lastName', '/email', '/currentPassword']}
          />
          {notice && !save.isError && (
            <Text size="sm" fw={500} role="status">
              {notice}
            </Text>
          )}
          <Group>
            <Button type="submit" color="indigo.8" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
