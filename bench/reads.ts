/**
 * The data the authenticated-reads benchmark reads, made in this process on the database the
 * service will then serve: an account of 300 team members (5 Account Admins, the others with a
 * role in 3 workspaces each) and 100 workspaces, made through the API as an admin would (members
 * then marked active, as if each had accepted their invitation: accepting hashes a password, 300
 * times, and the benchmark is not about that). A one-member account beside it shows that the team
 * list's number of queries does not grow with the team.
 *
 * Each route is also called once here, cold and then warm, counting the statements it sends
 * through the query layer (BEGIN and COMMIT included).
 */
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/connection.js';
import { migrate } from '../src/db/migrate.js';
import { freshDatabase } from './http.js';

export const TEAM = { members: 300, workspaces: 100, admins: 5, rolesEach: 3 };

export interface ReadRoute {
  label: string;
  path: string;
  /** Statements sent: the first call (nothing cached), and the next. */
  queries: { cold: number; warm: number };
  /** The answer's size. */
  bytes: number;
}

export interface PreparedReads {
  /** What the service is to open: PGlite's data directory, or a PostgreSQL database of its own. */
  env: Record<string, string | undefined>;
  /** Removes the data directory or drops the database. */
  remove(): Promise<void>;
  /** The cookie of an Account Admin of the big account. */
  cookie: string;
  routes: ReadRoute[];
  /** Statements of the team list of the one-member account, cold. */
  smallTeamQueries: number;
}

export async function prepareReads(database: 'PGlite' | 'PostgreSQL'): Promise<PreparedReads> {
  const fresh = await freshDatabase(database);
  try {
    return await prepareOn(fresh);
  } catch (error) {
    await fresh.remove();
    throw error;
  }
}

async function prepareOn({
  target,
  env,
  remove,
}: Awaited<ReturnType<typeof freshDatabase>>): Promise<PreparedReads> {
  let statements = 0;
  const opened = await openDatabase(target, { onQuery: () => statements++ });
  try {
    await migrate(opened.db);
    const config = { ...loadConfig({ PORT: '0', LOG_LEVEL: 'warn' }), database: target };
    const { app } = await buildApp({ config, database: opened });
    try {
      const signUp = async (name: string) => {
        const reply = await app.inject({
          method: 'POST',
          url: '/api/signup',
          payload: {
            accountName: name,
            firstName: 'B',
            lastName: 'B',
            email: `${name.toLowerCase()}.${Date.now()}@example.com`,
            password: 'bench password',
          },
        });
        if (reply.statusCode !== 201) throw new Error(`sign-up answered ${reply.statusCode}`);
        const cookies = reply.cookies.map((c) => `${c.name}=${c.value}`);
        const csrf = reply.cookies.find((c) => c.name === 'csrf')!.value;
        const body = reply.json() as { account: { id: string }; workspace: { id: string } };
        return { ...body, headers: { cookie: cookies.join('; '), 'x-csrf-token': csrf } };
      };
      const big = await signUp('Bench');
      await opened.db.execute(
        sql`UPDATE accounts SET plan = 'custom', custom_max_workspaces = 1000, custom_max_members = 1000 WHERE id = ${big.account.id}`,
      );
      const send = async (method: 'POST' | 'GET', url: string, payload?: object) => {
        const reply = await app.inject({ method, url, headers: big.headers, ...(payload && { payload }) });
        if (reply.statusCode >= 300) throw new Error(`${method} ${url} answered ${reply.statusCode}`);
        return reply.json() as { id: string };
      };
      const workspaceIds = [big.workspace.id];
      for (let i = 1; i < TEAM.workspaces; i++)
        workspaceIds.push((await send('POST', '/api/workspaces', { name: `Workspace ${i}` })).id);
      for (let i = 1; i < TEAM.members; i++) {
        const admin = i < TEAM.admins;
        await send('POST', '/api/team-members', {
          firstName: `Member${i}`,
          lastName: 'Bench',
          email: `member${i}.${Date.now()}@example.com`,
          accountRole: admin ? 'account_admin' : 'member',
          workspaceAccess: {
            mode: 'custom',
            roles: admin
              ? []
              : Array.from({ length: TEAM.rolesEach }, (_, k) => ({
                  workspaceId: workspaceIds[(i * TEAM.rolesEach + k) % TEAM.workspaces]!,
                  role: 'author',
                })),
          },
        });
      }
      await opened.db.execute(
        sql`UPDATE members SET status = 'active' WHERE account_id = ${big.account.id} AND status = 'invited'`,
      );

      let bytes = 0;
      const count = async (path: string, headers: Record<string, string>) => {
        // On PostgreSQL the notices of the changes just made arrive a moment later, and drop the
        // account's cache: let them, so that each call counts what it sends itself.
        await new Promise((r) => setTimeout(r, 200));
        statements = 0;
        const reply = await app.inject({ method: 'GET', url: path, headers });
        if (reply.statusCode !== 200) throw new Error(`GET ${path} answered ${reply.statusCode}`);
        bytes = reply.rawPayload.length;
        return statements;
      };
      const routes: ReadRoute[] = [];
      const route = async (label: string, path: string) => {
        const cold = await count(path, big.headers);
        routes.push({ label, path, queries: { cold, warm: await count(path, big.headers) }, bytes });
      };
      // Cold: the route's first call (the caller's session is cached after the first route).
      await route('GET /api/me', '/api/me');
      await route('GET /api/workspaces/{id}/settings', `/api/workspaces/${big.workspace.id}/settings`);
      await route(`GET /api/team-members (${TEAM.members} × ${TEAM.workspaces})`, '/api/team-members');
      const small = await signUp('Small');
      await count('/api/me', small.headers); // its session cached, as the big account's is by now
      const smallTeamQueries = await count('/api/team-members', small.headers);
      return { env, remove, cookie: big.headers.cookie, routes, smallTeamQueries };
    } finally {
      await app.close();
    }
  } finally {
    await opened.close();
  }
}
