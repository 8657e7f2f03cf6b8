import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ConfirmHost } from './components/Confirm';
import { Shell } from './components/Shell';
import { Problem } from './lib/api';
import { resourceKinds, resourceRoute } from './lib/resources';
import { AccountActivityPage, WorkspaceActivityPage } from './pages/Activity';
import { ApiKeysPage } from './pages/ApiKeys';
import {
  AcceptInvitationPage,
  ForgotPasswordPage,
  LogInPage,
  ResetPasswordPage,
  SignUpPage,
} from './pages/auth';
import { DashboardPage } from './pages/Dashboard';
import { EditMemberPage, InviteMemberPage } from './pages/InviteMember';
import { OutboxPage } from './pages/Outbox';
import { PermissionsPage } from './pages/Permissions';
import { PeoplePage } from './pages/people/PeoplePage';
import { ProfilePage } from './pages/profile/ProfilePage';
import { ResourcePage } from './pages/Resources';
import { TeamPage } from './pages/Team';
import { VerifyEmailPage } from './pages/VerifyEmail';
import { WorkspaceSettingsPage } from './pages/WorkspaceSettings';
import { WorkspacesPage } from './pages/Workspaces';

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

const router = createBrowserRouter([
  { path: '/signup', element: <SignUpPage /> },
  { path: '/login', element: <LogInPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password/:token', element: <ResetPasswordPage /> },
  { path: '/invitations/:token', element: <AcceptInvitationPage /> },
  { path: '/verify-email/:token', element: <VerifyEmailPage /> },
  {
    element: <Shell />,
    children: [
      { path: '/', element: <DashboardPage /> },
      { path: '/people', element: <PeoplePage /> },
      { path: '/settings', element: <WorkspaceSettingsPage /> },
      { path: '/api-keys', element: <ApiKeysPage /> },
      { path: '/workspace-activity', element: <WorkspaceActivityPage /> },
      // Journeys, Data and Content: one generic page per kind of lib/resources.ts.
      ...resourceKinds.map((kind) => ({
        path: resourceRoute(kind),
        element: <ResourcePage key={kind.path} kind={kind} />,
      })),
      { path: '/workspaces', element: <WorkspacesPage /> },
      { path: '/team', element: <TeamPage /> },
      { path: '/team/invite', element: <InviteMemberPage /> },
      { path: '/team/:id/edit', element: <EditMemberPage /> },
      { path: '/permissions', element: <PermissionsPage /> },
      { path: '/activity', element: <AccountActivityPage /> },
      { path: '/outbox', element: <OutboxPage /> },
      { path: '/profile', element: <ProfilePage /> },
    ],
  },
]);

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif',
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <Notifications position="top-right" />
        <ConfirmHost />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
