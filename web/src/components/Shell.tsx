import { Alert, AppShell, Box, Burger, Center, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useMe, usePermissions, useVocabulary } from '../lib/hooks';
import { resourceGroups, resourceRoute, useResourceKinds } from '../lib/resource-kinds';
import { TwoFactorEnrolmentScreen } from '../pages/profile/TwoFactorEnrolment';
import { SupportBanner } from '../pages/support/SupportBanner';
import { ReauthenticationPrompt } from './ReauthenticationPrompt';
import {
  MemberMenu,
  TestModeBanner,
  useCurrentWorkspace,
  VerifyEmailBanner,
  WorkspaceSwitcher,
} from './ShellHeader';
import { ErrorPanel, LoadingSkeleton } from './States';

export { useCurrentWorkspace } from './ShellHeader';

interface NavLinkEntry {
  to: string;
  label: string;
  /** The permission its page needs (the server's key), or every one of several; without it the link is not shown. */
  permission?: string | readonly string[];
}

interface NavSection {
  section: string;
  links: NavLinkEntry[];
}

// One line per page: a new screen adds its link here.
const workspaceNav: NavSection = {
  section: 'Workspace',
  links: [
    { to: '/', label: 'Dashboard' },
    { to: '/people', label: 'People' },
    { to: '/settings', label: 'General settings', permission: 'workspace.settings.view' },
    { to: '/api-keys', label: 'API keys' },
    { to: '/workspace-activity', label: 'Activity log' },
    { to: '/segment-import', label: 'Segment import', permission: 'segments.view' },
    { to: '/ad-audiences', label: 'Ad Audiences', permission: 'segments.ad_audience.view' },
    { to: '/relationships', label: 'Relationships', permission: 'objects.view' },
    // The page lists the segments, then a segment's people.
    { to: '/segment-people', label: 'Segment people', permission: ['segments.view', 'people.view'] },
  ],
};

const accountNav: NavSection = {
  section: 'Account settings',
  links: [
    { to: '/account', label: 'Account & plan', permission: 'account.billing' },
    { to: '/account/security', label: 'Security', permission: 'account.security.manage' },
    { to: '/workspaces', label: 'Workspaces' },
    { to: '/team', label: 'Team members' },
    { to: '/permissions', label: 'Permissions' },
    { to: '/activity', label: 'Account activity', permission: 'account.activity.view' },
    { to: '/outbox', label: 'Outbox', permission: 'mail.outbox.view' },
    { to: '/transfers', label: 'Workspace transfers', permission: 'workspaces.transfer' },
    { to: '/account/support-access', label: 'Support access', permission: 'support_access.manage' },
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
    links: section.links.filter((l) => [l.permission ?? []].flat().every(can)),
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

function Navigation({ onNavigate }: { onNavigate: () => void }) {
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
              aria-current={location.pathname === l.to ? 'page' : undefined}
              onClick={onNavigate}
            />
          ))}
        </Box>
      ))}
    </AppShell.Section>
  );
}

/** The whole window while the console gets ready: the frame's outline, never a blank page. */
function FullPageSkeleton() {
  return (
    <Box p="lg" bg="gray.0" mih="100vh" component="main">
      <Stack maw={960} mx="auto">
        <LoadingSkeleton rows={8} label="Loading the console" />
      </Stack>
    </Box>
  );
}

/** The console could not be loaded (the server or the network failed): say so, and offer to retry. */
function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => unknown }) {
  return (
    <Center mih="100vh" bg="gray.0" p="md" component="main">
      <Box maw={520} w="100%">
        <ErrorPanel error={error} onRetry={onRetry} title="The console could not be loaded" />
      </Box>
    </Center>
  );
}

/**
 * Every signed-in page. Drawn only once the member and their permissions (in the current
 * workspace and in the account) have arrived, so nobody sees a console with the wrong things in it.
 */
export function Shell() {
  const me = useMe();
  const location = useLocation();
  const { id } = useCurrentWorkspace();
  const inWorkspace = usePermissions(id);
  const inAccount = usePermissions(null);
  // Role names in words on every page: drawn once the vocabulary is in, never as raw keys.
  const vocabulary = useVocabulary();
  if (me.isPending) return <FullPageSkeleton />;
  if (me.error) return <FullPageError error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.data.twoFactor.mustEnrol) return <TwoFactorEnrolmentScreen />;
  if (!inWorkspace.ready || !inAccount.ready || !vocabulary.isSuccess) {
    const error = inWorkspace.error ?? inAccount.error ?? vocabulary.error;
    if (!error) return <FullPageSkeleton />;
    return (
      <FullPageError
        error={error}
        onRetry={() =>
          Promise.all([
            inWorkspace.error && inWorkspace.retry(),
            inAccount.error && inAccount.retry(),
            vocabulary.error && vocabulary.refetch(),
          ])
        }
      />
    );
  }
  return <Frame noWorkspace={me.data.workspaces.length === 0} />;
}

function Frame({ noWorkspace }: { noWorkspace: boolean }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  // Whatever led to a new page (a link, the back button), the drawer closes on a phone.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of page
  useEffect(() => close(), [location.pathname, close]);
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={opened}
              aria-controls="navigation"
            />
            <Text fw={800} c="indigo.8" visibleFrom="sm">
              Atrium
            </Text>
            <WorkspaceSwitcher />
            <Box visibleFrom="md">
              <TestModeBanner />
            </Box>
          </Group>
          <MemberMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" id="navigation">
        <Navigation onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0" id="main" tabIndex={-1}>
        <Box hiddenFrom="md">
          <TestModeBanner full />
        </Box>
        <VerifyEmailBanner />
        <SupportBanner />
        {noWorkspace && (
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

export function PageTitle({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <Group justify="space-between" mb="lg" gap="sm">
      <Text component="h1" fz={24} fw={700} m={0} style={{ overflowWrap: 'anywhere' }}>
        {title}
      </Text>
      <Group>{children}</Group>
    </Group>
  );
}
