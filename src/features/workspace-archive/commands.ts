import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { AppContext } from '../../context.js';
import { UsageError } from '../../shared/usage-error.js';
import { exportWorkspace } from './export.js';
import { importWorkspace } from './import.js';

/** The usage lines of the two commands, for `atrium help`. */
export const archiveUsage = `  export-workspace --workspace WORKSPACE_ID --out FILE
                   write the workspace to one archive (tar.gz of NDJSON) for another installation
  import-workspace --account ACCOUNT_ID --in FILE
                   add an archived workspace to an account of this installation, ids kept
`;

type WithService = <T>(work: (ctx: AppContext) => Promise<T>) => Promise<T>;

export async function exportWorkspaceCommand(args: string[], withService: WithService): Promise<void> {
  const { values } = parseArgs({ args, options: { workspace: { type: 'string' }, out: { type: 'string' } } });
  const { workspace, out } = values;
  if (!workspace || !out) throw new UsageError('export-workspace needs --workspace and --out');
  // Written beside the destination and renamed at the end: a failed export leaves no half file.
  const partial = `${out}.partial`;
  try {
    const summary = await withService((ctx) =>
      exportWorkspace(ctx.db, ctx.clock, workspace, createWriteStream(partial)),
    );
    await rename(partial, out);
    console.log(JSON.stringify({ ...summary, file: out }));
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

export async function importWorkspaceCommand(args: string[], withService: WithService): Promise<void> {
  const { values } = parseArgs({ args, options: { account: { type: 'string' }, in: { type: 'string' } } });
  const { account, in: file } = values;
  if (!account || !file) throw new UsageError('import-workspace needs --account and --in');
  const summary = await withService((ctx) => importWorkspace(ctx, account, createReadStream(file)));
  console.log(JSON.stringify(summary));
}
