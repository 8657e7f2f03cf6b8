import { Button, Checkbox, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { confirmAction } from '../../components/Confirm';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ErrorPanel, LoadingSkeleton } from '../../components/States';
import { sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';
import { useVocabulary } from '../../lib/hooks';
import { count, fullName, listInWords, type TeamMember, type WorkspaceRole } from './model';
import { RoleSelect } from './RoleSelect';

/**
 * One role (or no access) for the selected members in the chosen workspaces. Members with access
 * to All workspaces keep it when given a role (the server holds the new role in those workspaces
 * over their All role); removing their access from some workspaces would turn theirs into Custom,
 * so the dialog says so and lets the admin leave them out.
 */
export function BulkRolesDialog({
  members,
  opened,
  onClose,
}: {
  members: TeamMember[];
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Change roles in bulk"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {opened && <BulkRolesForm members={members} onClose={onClose} />}
    </Modal>
  );
}

function BulkRolesForm({ members, onClose }: { members: TeamMember[]; onClose: () => void }) {
  const client = useQueryClient();
  const vocabulary = useVocabulary();
  const workspaces = useQuery({
    queryKey: ['workspaces'],
    queryFn: () => unwrap(sdk.GET('/api/workspaces')),
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [role, setRole] = useState<WorkspaceRole | null>(null);
  const [hide, setHide] = useState(false);
  const [withAll, setWithAll] = useState<'leave' | 'include'>('leave');

  // Account Admins are Workspace Admins everywhere by their account role: nothing here changes them.
  const admins = members.filter((m) => vocabulary.everyWorkspaceAs(m.accountRole) !== null);
  const others = members.filter((m) => !admins.includes(m));
  const withAllAccess = others.filter((m) => m.workspaceAccess.mode === 'all');
  const allItems = workspaces.data?.items ?? [];
  const names = allItems.filter((w) => selected.includes(w.id)).map((w) => w.name);
  const everyWorkspace = allItems.length > 0 && selected.length === allItems.length;
  const leaveOut = (remove: boolean) => remove && !everyWorkspace && withAll === 'leave';
  const targets = (remove: boolean) => others.filter((m) => !(leaveOut(remove) && withAllAccess.includes(m)));

  /** "Viewers", "Authors with hidden attributes". */
  const rolePlural = (r: WorkspaceRole) =>
    `${vocabulary.roleLabel(r)}s${vocabulary.hidesAttributes(r) && hide ? ' with hidden attributes' : ''}`;

  const apply = useMutation({
    mutationFn: (body: { memberIds: string[]; role: WorkspaceRole | null }) =>
      unwrap(
        sdk.POST('/api/team-members/bulk-roles', {
          body: {
            ...body,
            workspaceIds: selected,
            ...(body.role && vocabulary.hidesAttributes(body.role) && { hideAttributes: hide }),
          },
        }),
      ),
    onSuccess: async (_, body) => {
      const n = body.memberIds.length;
      notifySuccess(
        body.role
          ? `${count(n, 'member')} ${n === 1 ? 'is' : 'are'} now ${rolePlural(body.role)} in ${listInWords(names)}.`
          : `${count(n, 'member')} no longer ${n === 1 ? 'has' : 'have'} access to ${listInWords(names)}.`,
      );
      await client.invalidateQueries({ queryKey: ['team'] });
      onClose();
    },
  });

  const go = async (remove: boolean) => {
    const ids = targets(remove).map((m) => m.id);
    const who = count(ids.length, 'member');
    const where = listInWords(names);
    const roleWords = role ? rolePlural(role) : '';
    const ok = await confirmAction(
      remove
        ? {
            title: `Remove ${who} from ${where}?`,
            message: `${listInWords(targets(remove).map(fullName))} lose access to ${where} at once.`,
            confirmLabel: 'Remove access',
          }
        : {
            title: `Make ${who} ${roleWords} in ${where}?`,
            message: `${listInWords(targets(remove).map(fullName))} become ${roleWords} in ${where}. Their roles in other workspaces stay as they are.`,
            confirmLabel: `Make them ${roleWords}`,
            danger: false,
          },
    );
    if (ok) apply.mutate({ memberIds: ids, role: remove ? null : role });
  };

  if (workspaces.isPending) return <LoadingSkeleton rows={3} />;
  if (workspaces.error) return <ErrorPanel error={workspaces.error} onRetry={() => workspaces.refetch()} />;
  return (
    <Stack>
      <Text size="sm">
        {listInWords(members.map(fullName))}: choose workspaces, then give them one role there, or remove
        their access.
      </Text>
      {admins.length > 0 && (
        <Text size="sm" c="dimmed">
          {listInWords(admins.map(fullName))} {admins.length === 1 ? 'is an' : 'are'}{' '}
          {vocabulary.roleLabel(admins[0]?.accountRole)}
          {admins.length === 1 ? '' : 's'}, with every permission in every workspace: this leaves{' '}
          {admins.length === 1 ? 'them' : 'them'} as they are.
        </Text>
      )}
      <Checkbox.Group value={selected} onChange={setSelected} label="Workspaces">
        <Stack gap={4} mt={4}>
          {allItems.map((w) => (
            <Checkbox key={w.id} value={w.id} label={w.name} />
          ))}
        </Stack>
      </Checkbox.Group>
      <RoleSelect
        label="Role"
        role={role}
        hide={hide}
        onChange={(r, h) => {
          setRole(r);
          setHide(h);
        }}
      />
      {withAllAccess.length > 0 && (
        <Stack gap={6} data-testid="all-workspaces-note">
          <Text size="sm">
            {listInWords(withAllAccess.map(fullName))} {withAllAccess.length === 1 ? 'has' : 'have'} access to
            All workspaces, present and future. Given a role here, they keep it: the new role applies in the
            chosen workspaces
            {everyWorkspace ? ' and becomes their role in every workspace, including new ones' : ''}.
          </Text>
          {!everyWorkspace && (
            <Radio.Group
              value={withAll}
              onChange={(v) => setWithAll(v === 'include' ? 'include' : 'leave')}
              label="When removing access"
              description="Access to All workspaces cannot leave some out: removing them from the chosen workspaces turns their access into Custom, and workspaces created later will not include them."
            >
              <Stack gap={4} mt={4}>
                <Radio value="leave" label="Leave them as they are" />
                <Radio value="include" label="Remove them too (their access becomes Custom)" />
              </Stack>
            </Radio.Group>
          )}
        </Stack>
      )}
      <ProblemAlert error={apply.error} />
      <Group justify="flex-end">
        <Button
          variant="default"
          disabled={!selected.length || targets(true).length === 0}
          loading={apply.isPending}
          onClick={() => go(true)}
        >
          Remove access
        </Button>
        <Button
          disabled={!selected.length || !role || targets(false).length === 0}
          loading={apply.isPending}
          onClick={() => go(false)}
        >
          Apply role
        </Button>
      </Group>
    </Stack>
  );
}
