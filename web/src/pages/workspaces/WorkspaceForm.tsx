import { Box, Button, ColorInput, Group, Radio, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type AccessChoice, AccessEditor } from '../../components/AccessEditor';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { type Body, sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';
import { useVocabulary } from '../../lib/hooks';
import { fullName, listInWords } from '../../lib/words';
import { accessQuery, type TeamMember, useTeam, type Workspace } from './queries';

type SendMode = NonNullable<NonNullable<Body<'/api/workspaces', 'post'>['settings']>['sendMode']>;
type AccessInput = NonNullable<Body<'/api/workspaces', 'post'>['access']>;

/** What each send mode does, in words (product spec §3, the seeds' "How do you want to send messages?"). */
export const sendModes: { value: SendMode; label: string; explanation: string }[] = [
  {
    value: 'normal',
    label: 'Send normally',
    explanation: 'Every message goes to the people it is addressed to.',
  },
  {
    value: 'test',
    label: 'Test address',
    explanation:
      'Every email goes to one test address (a team member) instead of the people it is addressed to; other channels send normally. Good while you try things out.',
  },
  {
    value: 'never',
    label: 'Never send',
    explanation: 'No message of any kind leaves this workspace.',
  },
];

/** Add a workspace, or rename, recolour and change who has access to one. */
export function WorkspaceForm({ workspace, onDone }: { workspace?: Workspace; onDone: () => void }) {
  const client = useQueryClient();
  const { everyWorkspaceAs } = useVocabulary();
  const team = useTeam().data?.items ?? [];
  // Account Admins are in every workspace by their account role: not something to choose here.
  const admins = team.filter((m) => everyWorkspaceAs(m.accountRole) !== null);
  const members = team.filter((m) => everyWorkspaceAs(m.accountRole) === null);
  const access = useQuery({ ...accessQuery(workspace?.id ?? ''), enabled: Boolean(workspace) });
  const [name, setName] = useState(workspace?.name ?? '');
  const [color, setColor] = useState(workspace?.color ?? '#5b5bd6');
  const [sendMode, setSendMode] = useState<SendMode>('test');
  const [openTracking, setOpenTracking] = useState(true);
  const [choices, setChoices] = useState<Record<string, AccessChoice> | null>(workspace ? null : {});
  const current =
    choices ??
    Object.fromEntries(
      (access.data?.items ?? [])
        .filter((a) => !a.viaAccountRole)
        .map((a) => [a.memberId, { role: a.role, hideAttributes: a.hideAttributes }]),
    );
  const accessBody = (list: TeamMember[]): AccessInput =>
    list
      .filter((m) => current[m.id])
      .map((m) => {
        const choice = current[m.id]!;
        return {
          memberId: m.id,
          role: choice.role,
          ...(choice.role && { hideAttributes: choice.hideAttributes }),
        };
      });
  const save = useMutation({
    mutationFn: () =>
      workspace
        ? unwrap(
            sdk.PATCH('/api/workspaces/{workspaceId}', {
              params: { path: { workspaceId: workspace.id } },
              body: { name, color, access: accessBody(members) },
            }),
          )
        : unwrap(
            sdk.POST('/api/workspaces', {
              body: { name, color, settings: { sendMode, openTracking }, access: accessBody(members) },
            }),
          ),
    onSuccess: async (saved) => {
      await client.invalidateQueries();
      notifySuccess(workspace ? `Workspace ${saved.name} saved.` : `Workspace ${saved.name} added.`);
      onDone();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        <TextInput
          label="Name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          error={fieldError(save.error, '/name')}
          data-autofocus
        />
        <ColorInput
          label="Colour"
          description="Tells your workspaces apart at a glance"
          value={color}
          onChange={setColor}
          format="hex"
          withEyeDropper={false}
          error={fieldError(save.error, '/color')}
        />
        {!workspace && (
          <>
            <Radio.Group
              label="Default send behaviour"
              description="You can change it later in the workspace’s settings."
              value={sendMode}
              onChange={(v) => setSendMode(v as SendMode)}
            >
              <Stack gap="xs" mt="xs">
                {sendModes.map((m) => (
                  <Radio key={m.value} value={m.value} label={m.label} description={m.explanation} />
                ))}
              </Stack>
            </Radio.Group>
            <Switch
              label="Track email opens"
              description="Off: no tracking pixel in this workspace’s emails; opens then read zero."
              checked={openTracking}
              onChange={(e) => setOpenTracking(e.currentTarget.checked)}
            />
          </>
        )}
        <Box>
          <Text size="sm" fw={500}>
            Who should have access to this workspace?
          </Text>
          {admins.length > 0 && (
            <Text size="xs" c="dimmed">
              Account Admins ({listInWords(admins.map(fullName))}) are always Workspace Admins here.
            </Text>
          )}
          {members.length > 0 ? (
            <AccessEditor members={members} value={current} onChange={setChoices} />
          ) : (
            <Text size="xs" c="dimmed">
              No other team members yet: invite them from Team members, then give them a role here.
            </Text>
          )}
        </Box>
        <ProblemAlert error={save.error} fields={['/name', '/color']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {workspace ? 'Save' : 'Add workspace'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
