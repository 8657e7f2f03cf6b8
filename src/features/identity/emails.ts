import { escapeHtml } from '../../shared/html.js';
import { layout, type RenderedEmail } from '../team/emails.js';

/** Mail kinds of this feature. The two carrying a link are recipient-only in the outbox. */
export const EMAIL_VERIFICATION_KIND = 'email_verification';
export const EMAIL_CHANGE_KIND = 'email_change';
export const EMAIL_CHANGE_NOTICE_KIND = 'email_change_notice';

export function verificationEmail(input: {
  accountName: string;
  link: string;
  expiresAt: Date;
}): RenderedEmail {
  const lines = [
    `Confirm that this address is yours to finish setting up ${input.accountName} on Atrium.`,
    `The link works once and expires on ${input.expiresAt.toUTCString()}. ` +
      'If you did not sign up for Atrium, ignore this email.',
  ];
  return {
    subject: 'Confirm your email address for Atrium',
    text: `${lines.join('\n\n')}\n\nConfirm your email address: ${input.link}\n`,
    html: layout(lines, { href: input.link, label: 'Confirm your email address' }),
  };
}

export function emailChangeEmail(input: {
  accountName: string;
  oldEmail: string;
  link: string;
  expiresAt: Date;
}): RenderedEmail {
  const lines = [
    `You asked to use this address instead of ${input.oldEmail} for ${input.accountName} on Atrium.`,
    `Your address changes when you open the link below; it works once and expires on ${input.expiresAt.toUTCString()}. ` +
      'If you did not ask for this, ignore this email: nothing changes.',
  ];
  return {
    subject: 'Confirm your new email address for Atrium',
    text: `${lines.join('\n\n')}\n\nConfirm your new address: ${input.link}\n`,
    html: layout(lines, { href: input.link, label: 'Confirm your new address' }),
  };
}

/** To the old address: no link, only what is happening and what to do if it was not them. */
export function emailChangeNotice(input: { accountName: string; newEmail: string }): RenderedEmail {
  const lines = [
    `Your email address for ${input.accountName} on Atrium is being changed to ${input.newEmail}. ` +
      'It changes once that address confirms it.',
    'If this was not you, log in and change your password now, then tell an Account Admin of your account: ' +
      'someone may be using your session.',
  ];
  return {
    subject: 'Your Atrium email address is being changed',
    text: `${lines.join('\n\n')}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
${lines.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</body></html>`,
  };
}
