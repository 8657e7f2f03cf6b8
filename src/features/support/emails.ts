import type { RenderedEmail } from '../team/emails.js';
import { layout } from '../team/emails.js';

/** To each Account Admin when a support session starts: who, why, under which grant, until when, how to stop it. */
export function supportSessionStartedEmail(input: {
  accountName: string;
  agent: string;
  reason: string;
  grantId: string;
  grantReason: string;
  until: Date;
  link: string;
}): RenderedEmail {
  const lines = [
    `A support session has started in ${input.accountName} on Atrium.`,
    `Agent: ${input.agent}. Reason given: ${input.reason}.`,
    `It uses the support access grant ${input.grantId} ("${input.grantReason}") and can last until ` +
      `${input.until.toUTCString()}.`,
    'To end it now, revoke the grant on the Support access page: every session it allows ends at once.',
  ];
  return {
    subject: `Support (${input.agent}) signed in to ${input.accountName}`,
    text: `${lines.join('\n\n')}\n\nSupport access: ${input.link}\n`,
    html: layout(lines, { href: input.link, label: 'Open Support access' }),
  };
}
