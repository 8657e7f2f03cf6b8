import { escapeHtml } from '../../shared/html.js';
import type { RenderedEmail } from '../team/emails.js';

/** What changed in how a person signs in: each tells them, so a change they did not make is seen. */
const notices = {
  password_changed: {
    subject: 'Your Atrium password was changed',
    happened: (account: string) => `The password of your ${account} account on Atrium was changed`,
    after: 'Your other sessions were signed out.',
  },
  passkey_added: {
    subject: 'A passkey was added to your Atrium account',
    happened: (account: string) => `A passkey was added to your ${account} account on Atrium`,
    after: 'It signs you in without your password.',
  },
  two_factor_disabled: {
    subject: 'Two-factor was turned off on your Atrium account',
    happened: (account: string) =>
      `Two-factor authentication (the authenticator app and its recovery codes) was turned off on your ${account} account on Atrium`,
    after: 'Your password alone may now sign you in.',
  },
};

export type SecurityNotice = keyof typeof notices;

/**
 * Tells a person how they sign in changed, when and from which address, and what to do if it was
 * not them. No link: the email proves nothing and may be read by anyone with the outbox.
 */
export function securityNoticeEmail(
  notice: SecurityNotice,
  input: { accountName: string; at: Date; ip: string | undefined },
): RenderedEmail {
  const { subject, happened, after } = notices[notice];
  const lines = [
    `${happened(input.accountName)} on ${input.at.toUTCString()}` +
      `${input.ip ? ` from the address ${input.ip}` : ''}. ${after}`,
    'If you made this change, there is nothing to do. If you did not, reset your password at once ' +
      '(“Forgot password” on the log-in page), check the passkeys and sessions in Your profile, and ' +
      'tell your Account Admin.',
  ];
  return {
    subject,
    text: `${lines.join('\n\n')}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
</body></html>`,
  };
}
