import type { WorkspaceRole } from '../../src/access/roles.js';
import { hashPassword } from '../../src/features/auth/passwords.js';
import { insertMember } from '../../src/features/team/store.js';
import { setRoles } from '../../src/features/workspaces/store.js';
import { newId } from '../../src/shared/ids.js';
import { type Client, uniqueEmail } from './client.js';
import type { TestService } from './service.js';

/**
 * Puts a team member straight into the database and signs them in over HTTP. Until invitations
 * exist this is how tests get Members with workspace roles; it writes what accepting an invite would.
 */
export async function addMember(
  service: TestService,
  accountId: string,
  options: {
    accountRole?: 'account_admin' | 'member';
    roles?: { workspaceId: string; role: WorkspaceRole; hideAttributes?: boolean }[];
  } = {},
): Promise<{ id: string; email: string; client: Client }> {
  const now = service.clock.now();
  const email = uniqueEmail('member');
  const password = 'member password 123';
  const id = newId('mem');
  await service.ctx.db.transaction(async (tx) => {
    await insertMember(tx, {
      id,
      accountId,
      email,
      firstName: 'Mo',
      lastName: 'Member',
      passwordHash: await hashPassword(password, service.config.passwordHashing),
      accountRole: options.accountRole ?? 'member',
      canBilling: false,
      canApiCredentials: false,
      canSupportAccess: false,
      status: 'active',
      marketingOptIn: false,
      createdAt: now,
      updatedAt: now,
    });
    for (const r of options.roles ?? []) {
      await setRoles(tx, r.workspaceId, [
        { memberId: id, role: r.role, hideAttributes: r.hideAttributes ?? false },
      ]);
    }
  });
  const client = service.client();
  const login = await client.post('/api/session', { email, password });
  if (login.status !== 200) throw new Error(`member login failed: ${JSON.stringify(login.body)}`);
  return { id, email, client };
}
