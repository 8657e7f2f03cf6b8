import type { AppContext } from '../../context.js';
import { settingEverChanged } from '../activity/store.js';
import { countKeys } from '../api-keys/store.js';
import type { Actor } from '../auth/actor.js';
import { countMembers } from '../team/store.js';

/**
 * The dashboard's setup guide (seed: "create a workspace, invite your team, choose identifiers,
 * choose how to send messages, create API keys"), each step ticked from what has happened — the
 * data and the activity log — with nothing stored for the guide itself.
 */
export async function setupGuide(ctx: AppContext, actor: Actor, workspaceId: string) {
  const { db } = ctx;
  return {
    steps: [
      { key: 'workspace', label: 'Create a workspace', done: true, href: '/workspaces' },
      {
        key: 'team',
        label: 'Invite your team',
        done: (await countMembers(db, actor.subject.accountId)) > 1,
        href: '/team',
      },
      {
        key: 'identifiers',
        label: 'Choose identifiers',
        done: await settingEverChanged(db, workspaceId, 'identifiers'),
        href: '/settings',
      },
      {
        key: 'sending',
        label: 'Choose how to send messages',
        done: await settingEverChanged(db, workspaceId, 'sendMode'),
        href: '/settings',
      },
      {
        key: 'api_keys',
        label: 'Create API keys',
        done: (await countKeys(db, workspaceId)) > 0,
        href: '/api-keys',
      },
    ],
  };
}
