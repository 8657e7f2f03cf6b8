import { escapeHtml } from '../../shared/html.js';
import type { RenderedEmail } from '../team/emails.js';

/** Tells a person their password changed, so that a change they did not make does not go unnoticed. */
export function passwordChangedEmail(input: {
  accountName: string;
  at: Date;
  ip: string | undefined;
}): RenderedEmail {
  const lines = [
    `The password of your ${input.accountName} account on Atrium was changed on ${input.at.toUTCString()}` +
      `${input.ip ? ` from the address ${input.ip}` : ''}. Your other sessions were signed out.`,
    'If you made this change, there is nothing to do. If you did not, reset your password at once ' +
      '(“Forgot password” on the log-in page) and tell your Account Admin.',
  ];
  return {
    subject: 'Your Atrium password was changed',
    text: `${lines.join('\n\n')}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
</body></html>`,
  };
}
