import { Button, Checkbox, Radio, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { type Body, sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';
import { useMe, useVocabulary } from '../../lib/hooks';

type Role = Body<'/api/account/support-grants', 'post'>['role'];
const roles: Role[] = ['viewer', 'author', 'workspace_admin'];
const DAY = 24 * 60 * 60 * 1000;

/** A date and time as <input type="datetime-local"> reads and writes it: local, to the minute. */
function localInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** Let support in: which workspaces, with which role, until when (at most 7 days), and why. */
export function GrantForm({ onDone }: { onDone: () => void }) {
  const me = useMe().data!;
  const { roleLabel, hidesAttributes, everyWorkspaceAs } = useVocabulary();
  const client = useQueryClient();
  const [scope, setScope] = useState<'all' | 'some'>('some');
  const [picked, setPicked] = useState<string[]>(me.currentWorkspaceId ? [me.currentWorkspaceId] : []);
  const [role, setRole] = useState<Role>('viewer');
  const [hide, setHide] = useState(false);
  const [until, setUntil] = useState(() => localInput(new Date(Date.now() + DAY)));
  const [reason, setReason] = useState('');
  const canHide = hidesAttributes(role);
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        sdk.POST('/api/account/support-grants', {
          body: {
            workspaceIds: scope === 'all' ? 'all' : picked,
            role,
            hideAttributes: canHide && hide,
            // An empty or unreadable field is sent as is: the server says what is wrong with it.
            expiresAt: Number.isNaN(new Date(until).getTime()) ? until : new Date(until).toISOString(),
            reason: reason.trim(),
          },
        }),
      ),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['support-grants'] });
      notifySuccess('Support access granted.');
      onDone();
    },
  });
  const noneChosen = scope === 'some' && picked.length === 0;
  // "Every workspace" is for whom their account role gives every workspace (Account Admins); a
  // member with the flag names their own.
  const mayGrantAll = everyWorkspaceAs(me.member.accountRole) !== null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <Stack>
        <Radio.Group
          label="Workspaces"
          value={scope}
          onChange={(v) => setScope(v as 'all' | 'some')}
          error={fieldError(create.error, '/workspaceIds')}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="some" label="Some workspaces" />
            <Radio
              value="all"
              label="Every workspace, including ones created later"
              description={mayGrantAll ? undefined : 'Only Account Admins can give this.'}
              disabled={!mayGrantAll}
            />
          </Stack>
        </Radio.Group>
        {scope === 'some' && (
          <Checkbox.Group label="Which workspaces" value={picked} onChange={setPicked}>
            <Stack gap={6} mt="xs">
              {me.workspaces.map((w) => (
                <Checkbox key={w.id} value={w.id} label={w.name} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Radio.Group
          label="Role"
          description={mayGrantAll ? undefined : 'At most your own role in each workspace you choose.'}
          value={role}
          onChange={(v) => setRole(v as Role)}
          error={fieldError(create.error, '/role')}
        >
          <Stack gap="xs" mt="xs">
            {roles.map((r) => (
              <Radio key={r} value={r} label={roleLabel(r)} />
            ))}
          </Stack>
        </Radio.Group>
        <Checkbox
          label="Hide attributes"
          description={
            canHide ? 'Support does not see people’s attributes.' : 'For Authors and Viewers only.'
          }
          checked={canHide && hide}
          disabled={!canHide}
          onChange={(e) => setHide(e.currentTarget.checked)}
          error={fieldError(create.error, '/hideAttributes')}
        />
        <TextInput
          type="datetime-local"
          label="Until"
          description="At most 7 days from now. Support’s sessions end then."
          value={until}
          min={localInput(new Date())}
          max={localInput(new Date(Date.now() + 7 * DAY))}
          onChange={(e) => setUntil(e.currentTarget.value)}
          error={fieldError(create.error, '/expiresAt')}
          required
        />
        <TextInput
          label="Reason"
          description="What support should look at, e.g. a ticket number, in one line. Support sees it."
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldError(create.error, '/reason')}
          maxLength={500}
          required
        />
        <ProblemAlert
          error={create.error}
          fields={['/expiresAt', '/reason', '/workspaceIds', '/role', '/hideAttributes']}
        />
        <Button type="submit" loading={create.isPending} disabled={noneChosen}>
          Grant access
        </Button>
      </Stack>
    </form>
  );
}
