import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './shell.css';
import { type CSSVariablesResolver, createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ConfirmHost } from './components/Confirm';
import { Shell } from './components/Shell';
import { Problem } from './lib/api';
import { AcceptInvitationPage } from './pages/AcceptInvitation';
import { AccountActivityPage, WorkspaceActivityPage } from './pages/Activity';
import { AccountPage } from './pages/account/AccountPage';
import { ApiKeysPage } from './pages/api-keys/ApiKeysPage';
import { ForgotPasswordPage, LogInPage, ResetPasswordPage, SignUpPage } from './pages/auth';
import { DashboardPage } from './pages/Dashboard';
import { MetricsPage } from './pages/metrics/MetricsPage';
import { NotFoundPage, RouteErrorPage } from './pages/NotFound';
import { OutboxPage } from './pages/Outbox';
import { PeoplePage } from './pages/people/PeoplePage';
import { ProfilePage } from './pages/profile/ProfilePage';
import { ResourcePage } from './pages/resources/ResourcePage';
import { SecurityPage } from './pages/security/SecurityPage';
import { AdAudiencesPage } from './pages/segments/AdAudiences';
import { RelationshipsPage } from './pages/segments/Relationships';
import { SegmentImportPage } from './pages/segments/SegmentImport';
import { SegmentPeoplePage } from './pages/segments/SegmentPeople';
import { SupportAccessPage } from './pages/support/SupportAccessPage';
import { SupportSignInPage } from './pages/support/SupportSignIn';
import { EditMemberPage, InviteMemberPage } from './pages/team/MemberPages';
import { PermissionsPage } from './pages/team/PermissionsPage';
import { TeamPage } from './pages/team/TeamPage';
import { TransfersPage } from './pages/transfers/TransfersPage';
import { VerifyEmailPage } from './pages/VerifyEmail';
import { WorkspaceSettingsPage } from './pages/workspace-settings/WorkspaceSettingsPage';
import { WorkspacesPage } from './pages/workspaces/WorkspacesPage';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 401 means the session ended (deleted member, logout elsewhere): back to the login page.
      retry: (count, error) => !(error instanceof Problem && error.status < 500) && count < 2,
    },
  },
});
queryClient.getQueryCache().subscribe((event) => {
  const error = event.query.state.error;
  if (error instanceof Problem && error.status === 401 && event.query.queryKey[0] !== 'me') {
    queryClient.setQueryData(['me'], null);
  }
});

// Pages are added one line each; the frame's error page catches what a page throws while drawing.
const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage standalone />,
    children: [
      { path: '/signup', element: <SignUpPage /> },
      { path: '/login', element: <LogInPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password/:token', element: <ResetPasswordPage /> },
      { path: '/invitations/:token', element: <AcceptInvitationPage /> },
      { path: '/verify-email/:token', element: <VerifyEmailPage /> },
      { path: '/support/sign-in', element: <SupportSignInPage /> },
      {
        element: <Shell />,
        children: [
          {
            errorElement: <RouteErrorPage />,
            children: [
              { path: '/', element: <DashboardPage /> },
              { path: '/people', element: <PeoplePage /> },
              { path: '/settings', element: <WorkspaceSettingsPage /> },
              { path: '/api-keys', element: <ApiKeysPage /> },
              { path: '/workspace-activity', element: <WorkspaceActivityPage /> },
              { path: '/account', element: <AccountPage /> },
              { path: '/account/security', element: <SecurityPage /> },
              // Journeys, Data and Content: one generic page for every kind GET /api/resource-kinds serves.
              { path: '/resources/:path', element: <ResourcePage /> },
              { path: '/ad-audiences', element: <AdAudiencesPage /> },
              { path: '/relationships', element: <RelationshipsPage /> },
              { path: '/segment-import', element: <SegmentImportPage /> },
              { path: '/segment-people', element: <SegmentPeoplePage /> },
              { path: '/workspaces', element: <WorkspacesPage /> },
              { path: '/team', element: <TeamPage /> },
              { path: '/team/invite', element: <InviteMemberPage /> },
              { path: '/team/:id/edit', element: <EditMemberPage /> },
              { path: '/permissions', element: <PermissionsPage /> },
              { path: '/activity', element: <AccountActivityPage /> },
              { path: '/outbox', element: <OutboxPage /> },
              { path: '/profile', element: <ProfilePage /> },
              { path: '/transfers', element: <TransfersPage /> },
              { path: '/account/support-access', element: <SupportAccessPage /> },
              { path: '/metrics', element: <MetricsPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);

/**
 * WCAG AA contrast everywhere, from the theme rather than page by page: filled colours a shade
 * darker (white on indigo.6 is 4.3:1, under 4.5), "dimmed" and error text readable (gray.6 is 3.3:1),
 * and text on light fills (the yellow test-mode badge) dark rather than white.
 */
const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 9, dark: 8 },
  autoContrast: true,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif',
});

const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // A field's error in words, readable under it (red.6 is 3.3:1).
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // The current page's link, hovered, sits on indigo.2: indigo.9 a fifth darker keeps 4.5:1.
    '--mantine-color-indigo-light-color': '#2b3f9f',
    // Text on the light tints (badges, alerts' titles): the palette's own shades 6 of yellow,
    // orange and teal are 2–3:1 there, so each tint's text is its darkest shade or darker.
    '--mantine-color-yellow-light-color': '#6b4a00',
    '--mantine-color-orange-light-color': '#8f3a06',
    '--mantine-color-teal-light-color': '#05664a',
    '--mantine-color-green-light-color': '#1e6b2c',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-9)',
    '--mantine-color-gray-light-color': 'var(--mantine-color-gray-8)',
  },
  dark: {},
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <Notifications position="top-right" />
        <ConfirmHost />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
