import {
  Alert,
  AppShell,
  Avatar,
  Badge,
  Box,
  Button,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { del, get, Problem, post, put } from '../lib/api';
import { useMe, usePermissions, useRefreshAll, useSessionChanged } from '../lib/hooks';
import { resourceGroups, resourceRoute, useResourceKinds } from '../lib/resource-kinds';
import { roleLabels, type Settings } from '../lib/types';
import { TwoFactorEnrolmentScreen } from '../pages/profile/TwoFactorEnrolment';
import { ReauthenticationPrompt } from './ReauthenticationPrompt';

function Dot({ color }: { color: string }) {
  return <Box w={12} h={12} style={{ borderRadius: 3, background: color, flex: 'none' }} />;
}

/** Colour-coded switcher; the current workspace is marked "Current"; a switch is immediate and remembered. */
function WorkspaceSwitcher() {
  const me = useMe().data!;
  const refresh = useRefreshAll();
  const navigate = useNavigate();
  const current = me.workspaces.find((w) => w.id === me.currentWorkspaceId);
  const switchTo = useMutation({
    mutationFn: (workspaceId: string) => put('/api/me/current-workspace', { workspaceId }),
    onSuccess: () => refresh(),
  });
  return (
    <Menu position="bottom-start" width={280} shadow="md">
      <Menu.Target>
        <UnstyledButton
          data-testid="workspace-switcher"
          px="sm"
          py={6}
          style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Group gap="xs">
            <Dot color={current?.color ?? '#ccc'} />
            <Text fw={600} size="sm">
              {current?.name ?? 'No workspace'}
            </Text>
            <Text c="dimmed" size="xs">
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
function TestModeBanner() {
  const { id } = useCurrentWorkspace();
  const workspace = useQuery({
    queryKey: ['workspace', id],
    queryFn: () =>
      get<{ sendMode: Settings['sendMode']; testRecipientEmail: string | null }>(`/api/workspaces/${id}`),
    enabled: Boolean(id),
  });
  if (workspace.data?.sendMode !== 'test') return null;
  return (
    <Badge color="yellow" variant="filled" size="lg" radius="sm" data-testid="test-mode-banner" tt="none">
      Emails send to {workspace.data.testRecipientEmail ?? 'nobody yet: choose a test recipient'}
    </Badge>
  );
}

/** While the member's address is unconfirmed: where the link went, and a way to send another. */
function VerifyEmailBanner() {
  const me = useMe().data!;
  const resend = useMutation({ mutationFn: () => post('/api/me/email-verification') });
  if (me.member.emailVerified) return null;
  return (
    // No Alert title: it would name the alert "…email address…", which form labels must not collide with.
    <Alert color="blue" mb="md" data-testid="verify-email-banner">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
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
        <Text size="sm" c="red" mt="xs">
          {resend.error instanceof Problem && resend.error.status === 429
            ? 'Too many links asked for: try again in an hour.'
            : 'The link could not be sent. Try again in a moment.'}
        </Text>
      )}
    </Alert>
  );
}

function MemberMenu() {
  const me = useMe().data!;
  const sessionChanged = useSessionChanged();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => del('/api/session'),
    onSettled: async () => {
      await sessionChanged();
      navigate('/login');
    },
  });
  const name = `${me.member.firstName} ${me.member.lastName}`;
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton data-testid="member-menu">
          <Group gap="xs">
            <Avatar size="sm" color="indigo" radius="xl">
              {me.member.firstName[0]}
              {me.member.lastName[0]}
            </Avatar>
            <Text size="sm">{name}</Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {me.member.email}
          <br />
          {roleLabels[me.member.accountRole]} · {me.account.name}
        </Menu.Label>
        <Menu.Item component={Link} to="/profile">
          Your profile
        </Menu.Item>
        <Menu.Item color="red" onClick={() => logout.mutate()}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

interface NavLinkEntry {
  to: string;
  label: string;
  /** The permission its page needs (the server's key); without it the link is not shown. */
  permission?: string;
}

interface NavSection {
  section: string;
  links: NavLinkEntry[];
}

const workspaceNav: NavSection = {
  section: 'Workspace',
  links: [
    { to: '/', label: 'Dashboard' },
    { to: '/people', label: 'People' },
    { to: '/settings', label: 'General settings', permission: 'workspace.settings.view' },
    { to: '/api-keys', label: 'API keys' },
    { to: '/workspace-activity', label: 'Activity log' },
    { to: '/segment-conditions', label: 'Segment conditions', permission: 'segments.view' },
    { to: '/segment-import', label: 'Segment import', permission: 'segments.view' },
    { to: '/ad-audiences', label: 'Ad Audiences', permission: 'segments.ad_audience.view' },
    { to: '/relationships', label: 'Relationships', permission: 'objects.view' },
    { to: '/broadcast-audience', label: 'Broadcast audience', permission: 'broadcasts.view' },
  ],
};

const accountNav: NavSection = {
  section: 'Account settings',
  links: [
    { to: '/account', label: 'Account & plan', permission: 'account.billing' },
    { to: '/workspaces', label: 'Workspaces' },
    { to: '/team', label: 'Team members' },
    { to: '/permissions', label: 'Permissions' },
    { to: '/activity', label: 'Account activity', permission: 'account.activity.view' },
    { to: '/outbox', label: 'Outbox', permission: 'mail.outbox.view' },
  ],
};

/**
 * The navigation: the pages the member may open (as the server's permissions say), with the
 * workspace resources they may view in the current workspace, by group.
 */
function useNav(): NavSection[] {
  const { id } = useCurrentWorkspace();
  // With a workspace, its permissions and the account's; without, the account's.
  const { can } = usePermissions(id);
  const permitted = (section: NavSection): NavSection => ({
    ...section,
    links: section.links.filter((l) => l.permission === undefined || can(l.permission)),
  });
  const resourceKinds = useResourceKinds().data?.items ?? [];
  const resources = resourceGroups
    .map((group) => ({
      section: group,
      links: resourceKinds
        .filter((k) => k.group === group && id && can(k.permissions.view))
        .map((k) => ({ to: resourceRoute(k), label: k.label.plural })),
    }))
    .filter((s) => s.links.length > 0);
  return [permitted(workspaceNav), ...resources, permitted(accountNav)];
}

function Navigation() {
  const location = useLocation();
  const nav = useNav();
  return (
    <AppShell.Section grow component={ScrollArea}>
      {nav.map((group) => (
        <Box key={group.section} mb="md" component="nav" aria-label={group.section}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
            {group.section}
          </Text>
          {group.links.map((l) => (
            <NavLink
              key={l.to}
              component={Link}
              to={l.to}
              label={l.label}
              active={location.pathname === l.to}
            />
          ))}
        </Box>
      ))}
    </AppShell.Section>
  );
}

/** Every signed-in page: top bar (switcher, test-mode banner, member menu) and navigation. */
export function Shell() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (me.data.twoFactor.mustEnrol) return <TwoFactorEnrolmentScreen />;
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 230, breakpoint: 'sm' }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="lg">
            <Text fw={800} c="indigo.7">
              Atrium
            </Text>
            <WorkspaceSwitcher />
            <TestModeBanner />
          </Group>
          <MemberMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Navigation />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <VerifyEmailBanner />
        {me.data.workspaces.length === 0 && (
          <Alert color="gray" mb="md">
            You have no workspace yet. Ask an Account Admin to give you a role in one.
          </Alert>
        )}
        <Outlet />
        <ReauthenticationPrompt />
      </AppShell.Main>
    </AppShell>
  );
}

/** The current workspace id (every workspace page needs one). */
export function useCurrentWorkspace() {
  const me = useMe().data;
  const id = me?.currentWorkspaceId ?? null;
  return { id, workspace: me?.workspaces.find((w) => w.id === id) ?? null };
}

export function PageTitle({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <Group justify="space-between" mb="lg">
      <Text component="h1" fz={24} fw={700} m={0}>
        {title}
      </Text>
      <Group>{children}</Group>
    </Group>
  );
}
