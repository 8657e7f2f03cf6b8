import type { RenderedEmail } from '../team/emails.js';
import { layout } from '../team/emails.js';

/** The emails of a transfer: the offer to the target's admins, the answer to the source's. */

function email(subject: string, lines: string[], link: { href: string; label: string }): RenderedEmail {
  return {
    subject,
    text: `${lines.join('\n\n')}\n\n${link.label}: ${link.href}\n`,
    html: layout(lines, link),
  };
}

export function offeredEmail(input: {
  senderName: string;
  sourceAccountName: string;
  workspaceName: string;
  expiresAt: Date;
  link: string;
}): RenderedEmail {
  return email(
    `${input.sourceAccountName} offers you the workspace “${input.workspaceName}”`,
    [
      `${input.senderName} of ${input.sourceAccountName} wants to move the workspace “${input.workspaceName}” to your account on Atrium, with all its people, events and content.`,
      `Accept or decline it before ${input.expiresAt.toUTCString()}. Accepting counts it against your plan's workspace limit; its API keys are revoked, so you will create new ones.`,
    ],
    { href: input.link, label: 'See the offer' },
  );
}

export function answeredEmail(input: {
  answer: 'accepted' | 'declined';
  deciderName: string;
  targetAccountName: string;
  workspaceName: string;
  link: string;
}): RenderedEmail {
  const accepted = input.answer === 'accepted';
  return email(
    `${input.targetAccountName} ${input.answer} the workspace “${input.workspaceName}”`,
    accepted
      ? [
          `${input.deciderName} of ${input.targetAccountName} accepted the workspace “${input.workspaceName}”. It now belongs to their account: your team no longer has access to it, and its API keys were revoked.`,
        ]
      : [
          `${input.deciderName} of ${input.targetAccountName} declined the workspace “${input.workspaceName}”. It stays in your account, unchanged.`,
        ],
    { href: input.link, label: 'See your transfers' },
  );
}

export function cancelledEmail(input: {
  cancellerName: string;
  cancellerAccountName: string;
  workspaceName: string;
  link: string;
}): RenderedEmail {
  return email(
    `The transfer of “${input.workspaceName}” was cancelled`,
    [
      `${input.cancellerName} of ${input.cancellerAccountName} cancelled the transfer of the workspace “${input.workspaceName}”. It stays where it was, unchanged.`,
    ],
    { href: input.link, label: 'See your transfers' },
  );
}

export function newKeysEmail(input: {
  workspaceName: string;
  /** nextSteps() of the transfer: what the keys are and what to do, one sentence for any count. */
  nextSteps: string;
  link: string;
}): RenderedEmail {
  return email(
    `“${input.workspaceName}” is now in your account: create new API keys`,
    [
      `The workspace “${input.workspaceName}” now belongs to your account.`,
      input.nextSteps,
      'Give the new keys to whoever sends it data.',
    ],
    { href: input.link, label: 'Open the workspace' },
  );
}
