import { parseArgs } from 'node:util';
import type { AppContext } from '../../context.js';
import { UsageError } from '../../shared/usage-error.js';
import { issueSignInLink } from './sessions.js';

export const supportSessionUsage = `  support-session  --grant GRANT_ID --agent "name@operator" --reason "ticket 123"
                   print a one-time sign-in link (10 minutes) into the account that made the grant`;

/**
 * `atrium support-session`: the operator's agent gets a sign-in link inside a live grant. An
 * unknown, revoked or expired grant is refused with a DomainError (the CLI prints it, exit 1).
 */
export async function supportSessionCommand(
  args: string[],
  withService: <T>(work: (ctx: AppContext) => Promise<T>) => Promise<T>,
): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { grant: { type: 'string' }, agent: { type: 'string' }, reason: { type: 'string' } },
  });
  if (!values.grant || !values.agent || !values.reason)
    throw new UsageError('support-session needs --grant GRANT_ID --agent NAME --reason TEXT');
  const input = { grantId: values.grant, agent: values.agent, reason: values.reason };
  const { link, expiresAt, grant } = await withService((ctx) => issueSignInLink(ctx, input));
  const where = grant.workspaceIds === null ? 'every workspace' : `${grant.workspaceIds.length} workspace(s)`;
  console.log(
    [
      `Support sign-in link for ${values.agent} (grant ${grant.id}: ${grant.role} in ${where}, until ${grant.expiresAt.toISOString()}).`,
      `It works once, until ${expiresAt.toISOString()}:`,
      link,
    ].join('\n'),
  );
}
