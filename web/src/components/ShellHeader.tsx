import { Alert, Avatar, Badge, Box, Button, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { Problem, sdk, unwrap } from '../lib/api';
import { notifySuccess } from '../lib/feedback';
import { permissionsQuery, useMe, useRefreshAll, useVocabulary } from '../lib/hooks';
import { fullName } from '../lib/words';

const SUPPORT_WORKSPACE = 'atrium.supportWorkspace';

/** The current workspace id (every workspace page needs one). */
export function useCurrentWorkspace() {
  const me = useMe().data;
  // A support session changes nothing of a person's (the server refuses PUT /api/me/current-workspace
  // to it): its choice of workspace stays in this tab.
  const chosen = me?.support ? sessionStorage.getItem(SUPPORT_WORKSPACE) : null;
  const id =
    (chosen && me?.workspaces.some((w) => w.id === chosen) ? chosen : me?.currentWorkspaceId) ?? null;
  return { id, workspace: me?.workspaces.find((w) => w.id === id) ?? null };
}

function Dot({ color }: { color: string }) {
  return <Box w={12} h={12} style={{ borderRadius: 3, background: color, flex: 'none' }} />;
}

/** Colour-coded switcher; the current workspace is marked "Current"; a switch is immediate and remembered. */
export function WorkspaceSwitcher() {
  const me = useMe().data!;
  const client = useQueryClient();
  const refresh = useRefreshAll();
  const navigate = useNavigate();
  const currentId = useCurrentWorkspace().id;
  const current = me.workspaces.find((w) => w.id === currentId);
  const switchTo = useMutation({
    mutationFn: async (workspaceId: string) => {
      if (me.support) {
        sessionStorage.setItem(SUPPORT_WORKSPACE, workspaceId);
        client.setQueryData(['me'], { ...me, currentWorkspaceId: workspaceId });
      } else await unwrap(sdk.PUT('/api/me/current-workspace', { body: { workspaceId } }));
      // The new workspace's permissions before the console redraws: no moment with the old ones.
      await client.prefetchQuery(permissionsQuery(me.member.id, workspaceId));
    },
    onSuccess: (_, workspaceId) => {
      refresh();
      notifySuccess(
        `Switched to ${me.workspaces.find((w) => w.id === workspaceId)?.name ?? 'the workspace'}`,
      );
    },
  });
  return (
    <Menu position="bottom-start" width={280} shadow="md">
      <Menu.Target>
        <UnstyledButton
          data-testid="workspace-switcher"
          px="sm"
          py={6}
          miw={0}
          style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-4)' }}
        >
          <Group gap="xs" wrap="nowrap">
            <Dot color={current?.color ?? '#ccc'} />
            <Text fw={600} size="sm" truncate maw={{ base: 150, sm: 240 }}>
              {current?.name ?? 'No workspace'}
            </Text>
            <Text c="dimmed" size="xs" aria-hidden>
              ▾
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Workspaces</Menu.Label>
        {me.workspaces.map((w) => (
          <Menu.Item
            key={w.id}
            leftSection={<Dot color={w.color} />}
            onClick={() => w.id !== current?.id && switchTo.mutate(w.id)}
            rightSection={
              w.id === current?.id ? (
                <Badge size="xs" variant="light">
                  Current
                </Badge>
              ) : null
            }
          >
            {w.name}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item onClick={() => navigate('/workspaces')}>Manage all workspaces</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** "Emails send to <address>" while the current workspace sends to a test address. */
export function TestModeBanner({ full = false }: { full?: boolean }) {
  const { id } = useCurrentWorkspace();
  const workspace = useQuery({
    queryKey: ['workspace', id],
    queryFn: () =>
      unwrap(sdk.GET('/api/workspaces/{workspaceId}', { params: { path: { workspaceId: id! } } })),
    enabled: Boolean(id),
  });
  if (workspace.data?.sendMode !== 'test') return null;
  const text = `Emails send to ${workspace.data.testRecipientEmail ?? 'nobody yet: choose a test recipient'}`;
  if (full) {
    // On a phone: a strip of its own above the page, where the whole address fits.
    return (
      <Alert color="yellow" variant="light" mb="md" py={6} data-testid="test-mode-strip">
        <Text size="sm" c="dark.8" style={{ overflowWrap: 'anywhere' }}>
          {text}
        </Text>
      </Alert>
    );
  }
  return (
    <Badge
      color="yellow.4"
      autoContrast
      variant="filled"
      size="lg"
      radius="sm"
      data-testid="test-mode-banner"
      tt="none"
      maw={360}
      title={text}
    >
      {text}
    </Badge>
  );
}

/** While the member's address is unconfirmed: where the link went, and a way to send another. */
export function VerifyEmailBanner() {
  const me = useMe().data!;
  const resend = useMutation({ mutationFn: () => unwrap(sdk.POST('/api/me/email-verification')) });
  if (me.member.emailVerified || me.support) return null;
  return (
    // No Alert title: it would name the alert "…email address…", which form labels must not collide with.
    <Alert color="blue" mb="md" data-testid="verify-email-banner">
      <Group justify="space-between" gap="sm">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={700} size="sm">
            Confirm your email address
          </Text>{' '}
          — we sent a link to {me.member.email}. Open it to confirm that this address is yours.
        </Text>
        {resend.isSuccess ? (
          <Text size="sm" fw={600}>
            A new link is on its way.
          </Text>
        ) : (
          <Button size="xs" variant="light" loading={resend.isPending} onClick={() => resend.mutate()}>
            Resend
          </Button>
        )}
      </Group>
      {resend.isError && (
        <Text size="sm" c="red.8" mt="xs">
          {resend.error instanceof Problem && resend.error.status === 429
            ? 'Too many links asked for: try again in an hour.'
            : 'The link could not be sent. Try again in a moment.'}
        </Text>
      )}
    </Alert>
  );
}

export function MemberMenu() {
  const me = useMe().data!;
  const { roleLabel } = useVocabulary();
  const logout = useMutation({
    mutationFn: () => unwrap(sdk.DELETE('/api/session')),
    // A fresh page load of the log-in page: every cached answer is gone with it, and the frame never
    // sees itself signed out (it would send to /login?next=<this page>, and the next log-in there).
    onSettled: () => window.location.assign('/login'),
  });
  const name = fullName(me.member);
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton data-testid="member-menu">
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" color="indigo" radius="xl" aria-hidden>
              {/* A support session's name is "Support (agent)": one letter, not "S(". */}
              {me.member.firstName[0]}
              {me.support ? '' : me.member.lastName[0]}
            </Avatar>
            {/* Hidden from sight on a phone, still the button's name. */}
            <Text size="sm" truncate maw={180} className="phone-visually-hidden">
              {name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label style={{ overflowWrap: 'anywhere' }}>
          {me.member.email}
          <br />
          {roleLabel(me.member.accountRole)} · {me.account.name}
        </Menu.Label>
        {/* A support session has no profile of its own to change. */}
        {!me.support && (
          <Menu.Item component={Link} to="/profile">
            Your profile
          </Menu.Item>
        )}
        <Menu.Item color="red" onClick={() => logout.mutate()}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
