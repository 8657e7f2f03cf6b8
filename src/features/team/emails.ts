import { escapeHtml } from '../../shared/html.js';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function layout(paragraphs: string[], link: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
${body}
<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>
<p style="color:#666;font-size:12px">If the button does not work, paste this address into your browser: ${escapeHtml(link.href)}</p>
</body></html>`;
}

export function invitationEmail(input: {
  inviterName: string;
  accountName: string;
  link: string;
  expiresAt: Date;
  trialAccountName: string | null;
}): RenderedEmail {
  const until = input.expiresAt.toUTCString();
  const lines = [
    `${input.inviterName} invited you to join ${input.accountName} on Atrium.`,
    `Set your password to accept the invitation. The link works once and expires on ${until}.`,
    ...(input.trialAccountName
      ? [
          `Your address is still used by the trial account "${input.trialAccountName}". ` +
            'Accepting this invitation cancels that trial (you are its only member).',
        ]
      : []),
  ];
  return {
    subject: `${input.inviterName} invited you to ${input.accountName} on Atrium`,
    text: `${lines.join('\n\n')}\n\nAccept the invitation: ${input.link}\n`,
    html: layout(lines, { href: input.link, label: 'Accept the invitation' }),
  };
}

export function passwordResetEmail(input: {
  accountName: string;
  link: string;
  expiresAt: Date;
}): RenderedEmail {
  const lines = [
    `Someone asked to reset your password for ${input.accountName} on Atrium.`,
    `Choose a new password with the link below; it works once and expires on ${input.expiresAt.toUTCString()}. ` +
      'Your current password keeps working until you set the new one. If you did not ask for this, ignore this email.',
  ];
  return {
    subject: 'Reset your Atrium password',
    text: `${lines.join('\n\n')}\n\nReset your password: ${input.link}\n`,
    html: layout(lines, { href: input.link, label: 'Reset your password' }),
  };
}
