import { parseArgs } from 'node:util';
import { Value } from 'typebox/value';
import { buildApp } from './app.js';
import { type Config, loadConfig } from './config.js';
import type { AppContext } from './context.js';
import { openDatabase } from './db/connection.js';
import { migrate } from './db/migrate.js';
import { planNames } from './features/accounts/plans.js';
import { SignupBody } from './features/accounts/schemas.js';
import { createAccount, hashNewPassword, setPlan } from './features/accounts/service.js';
import { latestEmailTo } from './features/mail/store.js';
import { supportSessionCommand, supportSessionUsage } from './features/support/cli.js';
import { serve } from './main.js';
import { DomainError } from './shared/errors.js';
import { UsageError } from './shared/usage-error.js';

const usage = `atrium <command>

  serve            start the service (PORT, DATA_DIR or DATABASE_URL, PUBLIC_URL …)
  migrate          apply pending database migrations and exit
  create-account   --account-name NAME --email EMAIL --password PASSWORD
                   [--first-name F] [--last-name L] [--plan free|essentials|premium|team]
  set-plan         --account ACCOUNT_ID --plan ${planNames.join('|')}
                   [--workspaces N --members N]   (custom limits: the operator's, not the account's)
  last-email       --to EMAIL [--kind password_reset|invitation|…]
                   print the newest email the service wrote to EMAIL (the embedded outbox, when
                   no SMTP_URL is set: how a person who forgot their password gets the link)
${supportSessionUsage}
`;

/** Runs `work` with the service's context on a migrated database, then closes everything. */
async function withService<T>(config: Config, work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const database = await openDatabase(config.database);
  try {
    await migrate(database.db);
    const { app, ctx } = await buildApp({
      config: { ...config, logLevel: 'warn', workerIdleMs: 0 },
      database,
    });
    try {
      return await work(ctx);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

async function createAccountCommand(config: Config, args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      'account-name': { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      'first-name': { type: 'string', default: 'Account' },
      'last-name': { type: 'string', default: 'Admin' },
      plan: { type: 'string', default: 'premium' },
    },
  });
  const body = {
    accountName: values['account-name'],
    email: values.email,
    password: values.password,
    firstName: values['first-name'],
    lastName: values['last-name'],
    plan: values.plan,
  };
  // The same rules as POST /api/signup.
  if (!Value.Check(SignupBody, body)) {
    const problems = [...Value.Errors(SignupBody, body)].map(
      (e) => `  ${e.instancePath || '/'}: ${e.message}`,
    );
    throw new UsageError(`invalid account:\n${problems.join('\n')}`);
  }
  const created = await withService(config, async (ctx) => {
    const passwordHash = await hashNewPassword(ctx, body);
    return ctx.db.transaction((tx) => createAccount(ctx, tx, body, passwordHash));
  });
  console.log(
    JSON.stringify({
      accountId: created.account.id,
      memberId: created.member.id,
      workspaceId: created.workspace.id,
    }),
  );
}

async function setPlanCommand(config: Config, args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      account: { type: 'string' },
      plan: { type: 'string' },
      workspaces: { type: 'string' },
      members: { type: 'string' },
    },
  });
  const plan = planNames.find((p) => p === values.plan);
  if (!values.account || !plan) throw new UsageError('set-plan needs --account and a --plan');
  const limit = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const [workspaces, teamMembers] = [limit(values.workspaces), limit(values.members)];
  const custom =
    workspaces !== undefined &&
    teamMembers !== undefined &&
    Number.isInteger(workspaces) &&
    Number.isInteger(teamMembers) &&
    workspaces > 0 &&
    teamMembers > 0
      ? { workspaces, teamMembers }
      : undefined;
  if (plan === 'custom' && !custom)
    throw new UsageError('the custom plan needs --workspaces N --members N (positive integers)');
  const account = await withService(config, (ctx) => setPlan(ctx, values.account!, plan, custom));
  console.log(JSON.stringify(account));
}

async function lastEmailCommand(config: Config, args: string[]) {
  const { values } = parseArgs({ args, options: { to: { type: 'string' }, kind: { type: 'string' } } });
  if (!values.to) throw new UsageError('last-email needs --to EMAIL');
  const database = await openDatabase(config.database);
  try {
    const email = await latestEmailTo(database.db, values.to, values.kind);
    if (!email) throw new Error(`no email to ${values.to}${values.kind ? ` of kind ${values.kind}` : ''}`);
    console.log(
      [
        `Id: ${email.id}`,
        `Kind: ${email.kind}`,
        `To: ${email.toAddress}`,
        `From: ${email.fromAddress}`,
        `Date: ${email.createdAt.toISOString()}`,
        `Subject: ${email.subject}`,
        '',
        email.textBody,
      ].join('\n'),
    );
  } finally {
    await database.close();
  }
}

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
    case 'create-account':
      await createAccountCommand(config, rest);
      return 0;
    case 'set-plan':
      await setPlanCommand(config, rest);
      return 0;
    case 'last-email':
      await lastEmailCommand(config, rest);
      return 0;
    case 'support-session':
      await supportSessionCommand(rest, (work) => withService(config, work));
      return 0;
    case undefined:
    case 'help':
    case '--help':
      console.log(usage);
      return 0;
    default:
      console.error(usage);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      process.exit(2);
    }
    console.error(
      error instanceof DomainError
        ? `${error.title}: ${error.detail}`
        : error instanceof Error
          ? error.message
          : error,
    );
    process.exit(1);
  },
);
