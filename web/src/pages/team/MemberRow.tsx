import { Badge, Button, Menu, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { formatDate, formatRelative, useVocabulary } from '../../lib/hooks';
import { fullName, listInWords, statusLabel, type TeamMember } from './model';

const statusColor = { active: 'teal.9', invited: 'blue.8', expired: 'red.9', deactivated: 'gray.7' } as const;

/** Who the member is: name, email, and whether their address is confirmed. */
export function MemberName({ member: m }: { member: TeamMember }) {
  return (
    <>
      <Text size="sm" fw={500}>
        {fullName(m)}
      </Text>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {m.email}
        {m.status === 'active' && !m.emailVerified && (
          <Badge ml={6} size="xs" variant="light" color="gray" tt="none">
            Email not confirmed
          </Badge>
        )}
      </Text>
    </>
  );
}

/** The account role, and the member flags in words under it. */
export function MemberRole({ member: m }: { member: TeamMember }) {
  const vocabulary = useVocabulary();
  const flags = (vocabulary.data?.memberFlags ?? []).filter((f) => m.permissions[f.key]);
  return (
    <>
      <Text size="sm">{vocabulary.roleLabel(m.accountRole)}</Text>
      {vocabulary.everyWorkspaceAs(m.accountRole) === null && flags.length > 0 && (
        <Text size="xs" c="dimmed">
          Also: {flags.map((f) => f.label).join(' · ')}
        </Text>
      )}
    </>
  );
}

/** The workspaces and the role in each, in words: "All workspaces: Viewer", "Author in Staging". */
export function MemberWorkspaces({ member: m }: { member: TeamMember }) {
  const vocabulary = useVocabulary();
  const role = (r: string, hidden: boolean) =>
    `${vocabulary.roleLabel(r)}${hidden ? ' (hidden attributes)' : ''}`;
  const everywhere = vocabulary.everyWorkspaceAs(m.accountRole);
  if (everywhere) return <Text size="sm">All workspaces: {vocabulary.roleLabel(everywhere)}</Text>;
  const all = m.workspaceAccess.mode === 'all' ? m.workspaceAccess : null;
  // With All, only the workspaces where another role is held over it are named.
  const named = all
    ? m.workspaces.filter((w) => w.role !== all.role || w.hideAttributes !== all.hideAttributes)
    : m.workspaces;
  const byRole = new Map<string, string[]>();
  for (const w of named) {
    const key = role(w.role, w.hideAttributes);
    byRole.set(key, [...(byRole.get(key) ?? []), w.workspaceName]);
  }
  return (
    <Stack gap={0}>
      {all && <Text size="sm">All workspaces: {role(all.role, all.hideAttributes)}</Text>}
      {[...byRole].map(([r, names]) => (
        <Text key={r} size={all ? 'xs' : 'sm'} c={all ? 'dimmed' : undefined}>
          {r} in {listInWords(names)}
        </Text>
      ))}
      {!all && named.length === 0 && (
        <Text size="sm" c="dimmed">
          No workspaces
        </Text>
      )}
    </Stack>
  );
}

export function MemberStatus({ member: m }: { member: TeamMember }) {
  return (
    <Text size="sm" fw={600} c={statusColor[m.status]}>
      {statusLabel[m.status]}
    </Text>
  );
}

export function TwoFactor({ member: m }: { member: TeamMember }) {
  return (
    <Text size="sm" c={m.twoFactorEnabled ? 'teal.9' : undefined} data-testid="two-factor">
      {m.twoFactorEnabled ? 'On' : 'Off'}
    </Text>
  );
}

export function LastLogin({ member: m }: { member: TeamMember }) {
  return (
    <Text size="sm" title={m.lastLoginAt ? undefined : `Added ${formatDate(m.createdAt)}`}>
      {m.lastLoginAt ? formatRelative(m.lastLoginAt) : statusLabel[m.status]}
    </Text>
  );
}

export interface MemberActions {
  resetPassword: (m: TeamMember) => void;
  resendInvite: (m: TeamMember) => void;
  revokeInvite: (m: TeamMember) => void;
  remove: (m: TeamMember) => void;
  resetTwoFactor: (m: TeamMember) => void;
}

/** The "…" menu of one member: what the signed-in member may do to them. */
export function MemberMenu({
  member: m,
  manages,
  self,
  actions,
}: {
  member: TeamMember;
  manages: boolean;
  self: boolean;
  actions: MemberActions;
}) {
  const navigate = useNavigate();
  if (!manages && !self) return null;
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button size="xs" variant="subtle" aria-label={`Actions for ${m.email}`}>
          •••
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => navigate(`/team/${m.id}/edit`)}>Edit</Menu.Item>
        {manages && m.status === 'active' && (
          <Menu.Item onClick={() => actions.resetPassword(m)}>Reset password</Menu.Item>
        )}
        {manages && m.status !== 'active' && (
          <Menu.Item onClick={() => actions.resendInvite(m)}>Resend invitation</Menu.Item>
        )}
        {manages && m.status !== 'active' && (
          <Menu.Item onClick={() => actions.revokeInvite(m)}>Revoke invitation</Menu.Item>
        )}
        {manages && m.twoFactorEnabled && !self && (
          <Menu.Item onClick={() => actions.resetTwoFactor(m)}>Reset two-factor</Menu.Item>
        )}
        {manages && (
          <Menu.Item color="red" onClick={() => actions.remove(m)}>
            Delete
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
