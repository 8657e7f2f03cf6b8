import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/connection.js';
import { migrate } from './db/migrate.js';
import { planNames } from './features/accounts/plans.js';
import { createAccount } from './features/accounts/service.js';
import { serve } from './main.js';

const usage = `atrium <command>

  serve            start the service (PORT, DATA_DIR or DATABASE_URL, PUBLIC_URL …)
  migrate          apply pending database migrations and exit
  create-account   --account-name NAME --email EMAIL --password PASSWORD
                   [--first-name F] [--last-name L] [--plan ${planNames.join('|')}]
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve':
      await serve(config);
      return -1; // keeps running
    case 'migrate': {
      const database = await openDatabase(config.database);
      try {
        const applied = await migrate(database.db);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'create-account': {
      const { values } = parseArgs({
        args: rest,
        options: {
          'account-name': { type: 'string' },
          email: { type: 'string' },
          password: { type: 'string' },
          'first-name': { type: 'string', default: 'Account' },
          'last-name': { type: 'string', default: 'Admin' },
          plan: { type: 'string', default: 'premium' },
        },
      });
      const plan = planNames.find((p) => p === values.plan);
      if (!values['account-name'] || !values.email || !values.password || !plan) {
        console.error(usage);
        return 2;
      }
      const database = await openDatabase(config.database);
      try {
        await migrate(database.db);
        const { ctx, app } = await buildApp({ config: { ...config, logLevel: 'warn' }, database });
        const { account, member, workspace } = await ctx.db.transaction((tx) =>
          createAccount(ctx, tx, {
            accountName: values['account-name']!,
            email: values.email!,
            password: values.password!,
            firstName: values['first-name']!,
            lastName: values['last-name']!,
            plan,
          }),
        );
        await app.close();
        console.log(
          JSON.stringify({ accountId: account.id, memberId: member.id, workspaceId: workspace.id }),
        );
      } finally {
        await database.close();
      }
      return 0;
    }
    default:
      console.error(usage);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
