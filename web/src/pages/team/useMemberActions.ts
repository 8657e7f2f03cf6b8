import { useMutation, useQueryClient } from '@tanstack/react-query';
import { confirmAction } from '../../components/Confirm';
import { sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';
import { fullName, type TeamMember } from './model';

type Action = 'resetPassword' | 'resendInvite' | 'revokeInvite' | 'delete' | 'resetTwoFactor';

/**
 * The one-member actions of the team list. Each asks first, saying what the server will do, then
 * says it was done; a failure stays in `error` for the page to show.
 */
export function useMemberActions() {
  const client = useQueryClient();
  const run = useMutation({
    mutationFn: async ({ action, member }: { action: Action; member: TeamMember }) => {
      const path = { params: { path: { memberId: member.id } } };
      if (action === 'resetPassword')
        await unwrap(sdk.POST('/api/team-members/{memberId}/reset-password', path));
      if (action === 'resendInvite')
        await unwrap(sdk.POST('/api/team-members/{memberId}/resend-invite', path));
      if (action === 'revokeInvite')
        await unwrap(sdk.POST('/api/team-members/{memberId}/revoke-invite', path));
      if (action === 'delete') await unwrap(sdk.DELETE('/api/team-members/{memberId}', path));
      if (action === 'resetTwoFactor')
        await unwrap(sdk.DELETE('/api/team-members/{memberId}/two-factor', path));
    },
    onSuccess: async (_, { action, member }) => {
      notifySuccess(done[action](member));
      await client.invalidateQueries({ queryKey: ['team'] });
    },
  });
  const ask = async (action: Action, member: TeamMember) => {
    run.reset();
    if (await confirmAction(questions[action](member))) run.mutate({ action, member });
  };
  return {
    error: run.error,
    pending: run.isPending,
    resetPassword: (m: TeamMember) => ask('resetPassword', m),
    resendInvite: (m: TeamMember) => ask('resendInvite', m),
    revokeInvite: (m: TeamMember) => ask('revokeInvite', m),
    remove: (m: TeamMember) => ask('delete', m),
    resetTwoFactor: (m: TeamMember) => ask('resetTwoFactor', m),
  };
}

const questions: Record<Action, (m: TeamMember) => Parameters<typeof confirmAction>[0]> = {
  resetPassword: (m) => ({
    title: `Reset ${fullName(m)}’s password?`,
    message:
      `Send ${fullName(m)} a link at ${m.email} to set a new password? The link works for 24 hours. ` +
      'Their current password keeps working until they set the new one; then they are signed out everywhere.',
    confirmLabel: 'Send reset link',
    danger: false,
  }),
  resendInvite: (m) => ({
    title: `Resend the invitation to ${m.email}?`,
    message:
      `${fullName(m)} gets a new invitation at ${m.email}, valid for 7 days. ` +
      'The link in the earlier invitation stops working.',
    confirmLabel: 'Resend invitation',
    danger: false,
  }),
  revokeInvite: (m) => ({
    title: `Revoke the invitation to ${m.email}?`,
    message: `The link in their email stops working and ${fullName(m)} leaves the team list. You can invite them again later.`,
    confirmLabel: 'Revoke invitation',
  }),
  delete: (m) => ({
    title: `Delete ${fullName(m)}?`,
    message:
      `${fullName(m)} (${m.email}) loses access to the account and every workspace at once and is signed ` +
      'out everywhere. What they did stays, under their name.',
    confirmLabel: 'Delete team member',
  }),
  resetTwoFactor: (m) => ({
    title: `Reset ${fullName(m)}’s two-factor?`,
    message:
      `${fullName(m)} (${m.email}) is signed out everywhere, and their authenticator app and recovery codes ` +
      'stop working. They sign in again with their password alone and, if the account requires two-factor, ' +
      'must set it up again.',
    confirmLabel: 'Reset two-factor',
  }),
};

const done: Record<Action, (m: TeamMember) => string> = {
  resetPassword: (m) => `A link to set a new password is on its way to ${m.email}.`,
  resendInvite: (m) => `A new invitation is on its way to ${m.email}.`,
  revokeInvite: (m) => `The invitation to ${m.email} is revoked.`,
  delete: (m) => `${fullName(m)} is no longer on the team.`,
  resetTwoFactor: (m) => `${fullName(m)}’s two-factor is reset.`,
};
