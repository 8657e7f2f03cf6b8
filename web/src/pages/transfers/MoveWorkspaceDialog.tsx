import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { confirmAction } from '../../components/Confirm';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';
import { count } from '../../lib/words';
import { accessQuery, type Workspace } from '../workspaces/queries';

type By = 'email' | 'account';

/**
 * "Move to another account": who receives it (an Account Admin's address, or the account's id),
 * then a confirmation saying what happens once they accept.
 */
export function MoveWorkspaceDialog({ workspace, onDone }: { workspace: Workspace; onDone: () => void }) {
  const client = useQueryClient();
  const [by, setBy] = useState<By>('email');
  const [value, setValue] = useState('');
  const offer = useMutation({
    mutationFn: () =>
      unwrap(
        sdk.POST('/api/workspaces/{workspaceId}/transfers', {
          params: { path: { workspaceId: workspace.id } },
          body: by === 'email' ? { targetAdminEmail: value.trim() } : { targetAccountId: value.trim() },
        }),
      ),
    onSuccess: async (t) => {
      await client.invalidateQueries({ queryKey: ['workspace-transfers'] });
      notifySuccess(`${workspace.name} is offered to ${t.targetAccount.name}. It moves once they accept.`);
      onDone();
    },
  });
  const submit = async () => {
    offer.reset();
    const access = await client.fetchQuery(accessQuery(workspace.id)).catch(() => null);
    const confirmed = await confirmAction({
      title: `Move ${workspace.name} to another account?`,
      confirmLabel: 'Offer workspace',
      message: (
        <Stack gap="xs">
          <Text size="sm">
            The account you named is checked next: if it cannot receive the workspace you are told why, and
            nothing is sent. The other account’s Account Admins are asked to accept it within 7 days. Until
            then nothing changes, and you can cancel.
          </Text>
          <Text size="sm">
            Once they accept, {workspace.name} belongs to them with all its people, events, content and
            settings
            {access
              ? `, and ${count(access.items.length, 'member of your team loses', 'members of your team lose')} access to it`
              : ', and your team loses access to it'}
            .
          </Text>
          <Text size="sm" fw={600}>
            Its API keys are revoked then, so apps using them stop working.
          </Text>
        </Stack>
      ),
    });
    if (confirmed) offer.mutate();
  };
  const path = by === 'email' ? '/targetAdminEmail' : '/targetAccountId';
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <SegmentedControl
          fullWidth
          value={by}
          onChange={(v) => {
            setBy(v as By);
            offer.reset();
          }}
          data={[
            { value: 'email', label: 'Admin’s email' },
            { value: 'account', label: 'Account ID' },
          ]}
          aria-label="Name the receiving account by"
        />
        <TextInput
          label={
            by === 'email'
              ? 'Email of an Account Admin of the other account'
              : 'Account ID of the other account'
          }
          description={
            by === 'account'
              ? 'They find it on their Workspace transfers page.'
              : 'They are asked to accept it.'
          }
          type={by === 'email' ? 'email' : 'text'}
          required
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={fieldError(offer.error, path)}
        />
        <ProblemAlert error={offer.error} fields={[path]} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={offer.isPending} disabled={value.trim() === ''}>
            Continue
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
