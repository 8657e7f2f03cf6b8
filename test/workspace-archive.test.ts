import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../src/db/connection.js';
import { workspaceTables, workspaceTablesKept } from '../src/db/workspace-tables.js';
import { setPlan } from '../src/features/accounts/service.js';
import { exportWorkspace } from '../src/features/workspace-archive/export.js';
import { importWorkspace } from '../src/features/workspace-archive/import.js';
import { archivedTables, tablesLeftOut } from '../src/features/workspace-archive/tables.js';
import { DomainError } from '../src/shared/errors.js';
import { startService, type TestService } from './support/service.js';
import { setUpTenant, type Tenant } from './support/tenant.js';

let source: TestService;
let target: TestService;
let tenant: Tenant;
let dir: string;
let archive: string;

/** Rows of a table in one workspace, each as PostgreSQL's to_jsonb writes it, in key order. */
async function rowsOf(service: TestService, table: string, workspaceId: string) {
  const key = archivedTables.find((t) => t.name === table)?.key ?? ['workspace_id'];
  const rows = await queryRows<{ row: Record<string, unknown> }>(
    service.ctx.db,
    sql`SELECT to_jsonb(t) AS row FROM ${sql.identifier(table)} t WHERE workspace_id = ${workspaceId}
        ORDER BY ${sql.join(
          key.map((k) => sql.identifier(k)),
          sql`, `,
        )}`,
  );
  return rows.map((r) => r.row);
}

const countIn = async (service: TestService, table: string, workspaceId: string) =>
  (await rowsOf(service, table, workspaceId)).length;

/** A fresh account on the target, on a plan with room, signed in as its admin. */
async function targetAccount(plan: 'premium' | 'free' = 'premium') {
  const admin = target.client();
  const signedUp = await admin.signup();
  await setPlan(target.ctx, signedUp.account.id, plan);
  return { admin, accountId: signedUp.account.id };
}

const importFile = (service: TestService, accountId: string, file: string) =>
  importWorkspace(service.ctx, accountId, createReadStream(file));

/** The archive rewritten entry by entry (decompressed, changed, compressed again). */
async function rewritten(file: string, change: (name: string, data: Buffer) => Buffer): Promise<string> {
  const extract = tar.extract();
  const pack = tar.pack();
  const out: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of pack) out.push(chunk as Buffer);
  })();
  extract.end(gunzipSync(await readFile(file)));
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    const data = change(entry.header.name, Buffer.concat(chunks));
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name: entry.header.name, size: data.length }, data, (e) => (e ? reject(e) : resolve())),
    );
  }
  pack.finalize();
  await done;
  const changed = join(dir, `changed-${Math.random().toString(36).slice(2)}.tar.gz`);
  await writeFile(changed, gzipSync(Buffer.concat(out)));
  return changed;
}

async function expectRefused(promise: Promise<unknown>, code: string, detail: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code, detail: expect.stringMatching(detail) });
}

/** Nothing of the workspace was written on the target. */
async function expectNothingImported(workspaceId: string) {
  const [row] = await queryRows<{ n: number }>(
    target.ctx.db,
    sql`SELECT (SELECT count(*)::int FROM workspaces WHERE id = ${workspaceId})
             + (SELECT count(*)::int FROM people WHERE workspace_id = ${workspaceId})
             + (SELECT count(*)::int FROM resources WHERE workspace_id = ${workspaceId})
             + (SELECT count(*)::int FROM activity WHERE workspace_id = ${workspaceId}) AS n`,
  );
  expect(row?.n).toBe(0);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atrium-archive-'));
  [source, target] = [await startService(), await startService()];
  tenant = await setUpTenant(source);
  await source.worker.runUntilIdle(); // the tenant's people export: no work in progress
  // More people and events than a page (1,000) and an insert batch (500), with fat attributes.
  await source.ctx.db.execute(sql`
    INSERT INTO people (workspace_id, cio_id, external_id, email, attributes, created_at, updated_at)
    SELECT ${tenant.workspace.id}, 'p' || lpad(g::text, 6, '0'), 'ext-' || g, 'p' || g || '@example.com',
           jsonb_build_object('plan', 'gold', 'note', repeat('é', 40), 'n', g), now(), clock_timestamp()
    FROM generate_series(1, 2500) AS g`);
  await source.ctx.db.execute(sql`
    INSERT INTO events (workspace_id, id, cio_id, name, data, created_at)
    SELECT ${tenant.workspace.id}, 'evt_' || lpad(g::text, 6, '0'), 'p' || lpad(g::text, 6, '0'),
           'signed_up', jsonb_build_object('n', g), clock_timestamp()
    FROM generate_series(1, 1200) AS g`);
  archive = join(dir, 'workspace.tar.gz');
  await exportWorkspace(source.ctx.db, source.clock, tenant.workspace.id, createWriteStream(archive));
}, 120_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
  await rm(dir, { recursive: true, force: true });
});

test('every workspace table is either archived or deliberately left out, never both', () => {
  const archived = archivedTables.map((t) => t.name as string);
  const leftOut = Object.keys(tablesLeftOut);
  expect(archived.filter((t) => leftOut.includes(t))).toEqual([]);
  const all = [...workspaceTables, ...Object.keys(workspaceTablesKept)];
  expect([...archived, ...leftOut].sort()).toEqual([...all].sort());
});

// Before the round trip below: each refusal must leave the target without the workspace.
describe('refused archives write nothing', () => {
  test('a changed byte in a table part: the checksum does not match', async () => {
    const { accountId } = await targetAccount();
    const tampered = await rewritten(archive, (name, data) => {
      if (!name.startsWith('data/people/')) return data;
      const at = data.indexOf('"plan": "gold"') + '"plan": "'.length;
      data[at] = 'G'.charCodeAt(0);
      return data;
    });
    await expectRefused(
      importFile(target, accountId, tampered),
      'invalid',
      /checksum of data\/people\/00001\.ndjson does not match/,
    );
    await expectNothingImported(tenant.workspace.id);
  });

  test('a flipped byte in the compressed file, and a truncated file', async () => {
    const { accountId } = await targetAccount();
    const bytes = await readFile(archive);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)]! ^= 0xff;
    await writeFile(join(dir, 'flipped.tar.gz'), flipped);
    await expectRefused(importFile(target, accountId, join(dir, 'flipped.tar.gz')), 'invalid', /damaged/);
    await writeFile(join(dir, 'cut.tar.gz'), bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    await expectRefused(importFile(target, accountId, join(dir, 'cut.tar.gz')), 'invalid', /damaged/);
    // Whole entries missing at the end (a tar cut at an entry's edge): no checksums, refused.
    const noSums = await rewritten(archive, (name, data) =>
      name === 'checksums.sha256' ? Buffer.alloc(0) : data,
    );
    await expectRefused(importFile(target, accountId, noSums), 'invalid', /checksum/);
    await expectNothingImported(tenant.workspace.id);
  });

  test('a row the database refuses: "damaged" until the checksums agree, then PostgreSQL says why', async () => {
    const { accountId } = await targetAccount();
    // A well-formed row PostgreSQL cannot store, as a damaged file can inflate to.
    const badDate = (name: string, data: Buffer) =>
      name.startsWith('data/people/00001')
        ? Buffer.from(data.toString('utf8').replace(/"created_at": "[^"]*"/, '"created_at": "not a date"'))
        : data;
    const unsummed = await rewritten(archive, badDate);
    await expectRefused(
      importFile(target, accountId, unsummed),
      'invalid',
      /damaged.*checksum of data\/people/,
    );
    const sums = new Map<string, string>();
    const summed = await rewritten(archive, (name, data) => {
      if (name !== 'checksums.sha256') {
        const changed = badDate(name, data);
        sums.set(name, createHash('sha256').update(changed).digest('hex'));
        return changed;
      }
      return Buffer.from([...sums].map(([entry, sum]) => `${sum}  ${entry}\n`).join(''));
    });
    const error = await importFile(target, accountId, summed).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid', detail: expect.stringMatching(/do not fit.*not a date/) });
    expect((error as DomainError).detail).not.toMatch(/Failed query|INSERT/);
    await expectNothingImported(tenant.workspace.id);
  });

  test('another schema version: refused naming both', async () => {
    const { accountId } = await targetAccount();
    const older = await rewritten(archive, (name, data) => {
      if (name !== 'manifest.json') return data;
      return Buffer.from(JSON.stringify({ ...JSON.parse(data.toString()), schemaVersion: '0019_old.sql' }));
    });
    const [here] = await queryRows<{ name: string }>(
      target.ctx.db,
      sql`SELECT max(name) AS name FROM schema_migrations`,
    );
    await expectRefused(
      importFile(target, accountId, older),
      'invalid',
      new RegExp(`schema version 0019_old\\.sql; this installation is at ${here!.name.replace('.', '\\.')}`),
    );
    await expectNothingImported(tenant.workspace.id);
  });

  test('a workspace id already present: refused', async () => {
    // Into the source installation itself, where the workspace still is.
    await expectRefused(importFile(source, tenant.accountId, archive), 'conflict', /already exists/);
  });

  test('the plan limit of the account: refused with the numbers', async () => {
    const { accountId } = await targetAccount('free');
    await expectRefused(
      importFile(target, accountId, archive),
      'limit_reached',
      /The Free plan allows 1 workspace and this account has 1/,
    );
    await expectNothingImported(tenant.workspace.id);
  });

  test('an account that does not exist: not found', async () => {
    await expectRefused(
      importFile(target, 'acc_01jzzzzzzzzzzzzzzzzzzzzzzz', archive),
      'not_found',
      /Account/,
    );
  });
});

test('round trip to another installation and account: ids, rows and counts equal; the API reads it', async () => {
  const { admin, accountId } = await targetAccount();
  const summary = await importFile(target, accountId, archive);
  const wsId = tenant.workspace.id;
  expect(summary).toMatchObject({ workspaceId: wsId, accountId });
  expect(summary.rows.people).toBe(2501);

  for (const table of archivedTables) {
    const [from, to] = [await rowsOf(source, table.name, wsId), await rowsOf(target, table.name, wsId)];
    // The activity log gains the import's own entry.
    expect(to.length, table.name).toBe(from.length + (table.name === 'activity' ? 1 : 0));
    // Every row keeps its id and values, except what the import clears or re-points.
    const adjusted = (r: Record<string, unknown>) => {
      const copy = { ...r };
      for (const c of table.clear) copy[c] = null;
      for (const c of table.account ?? []) copy[c] = accountId;
      return copy;
    };
    if (table.name === 'activity') expect(to).toEqual(expect.arrayContaining(from.map(adjusted)));
    else expect(to).toEqual(from.map(adjusted));
  }
  expect(await countIn(target, 'people', wsId)).toBe(2501);
  expect(await countIn(target, 'asset_blobs', wsId)).toBe(1);

  const [ws] = await queryRows<{ account_id: string; test_recipient_member_id: string | null; name: string }>(
    target.ctx.db,
    sql`SELECT account_id, test_recipient_member_id, name FROM workspaces WHERE id = ${wsId}`,
  );
  expect(ws).toEqual({ account_id: accountId, test_recipient_member_id: null, name: tenant.workspace.name });

  // The target's Account Admin reaches it through the API, by rule.
  const person = await admin.get(`/api/workspaces/${wsId}/people/${tenant.fixtures.personCioId}`);
  expect(person.status, JSON.stringify(person.body)).toBe(200);
  expect(person.body.email).toBe(tenant.personEmail);
  const list = await admin.get(`/api/workspaces/${wsId}/people?limit=100`);
  expect(list.status).toBe(200);
  expect(list.body.items).toHaveLength(100);
  const asset = await admin.get(`/api/workspaces/${wsId}/assets/${tenant.assetId}`);
  expect(asset.status).toBe(200);
  const log = await admin.get(`/api/workspaces/${wsId}/activity`);
  expect(log.status).toBe(200);
  expect(log.body.items[0].summary).toBe(
    `Operator (atrium import-workspace) imported the workspace ‘${tenant.workspace.name}’ from an archive`,
  );
  // API keys never travel; the target creates new ones.
  expect(await countIn(target, 'api_keys', wsId)).toBe(0);
  expect(await countIn(target, 'workspace_roles', wsId)).toBe(0);

  // Imported once: the same archive again is refused, nothing more written.
  const again = await targetAccount();
  await expectRefused(
    importFile(target, again.accountId, archive),
    'conflict',
    new RegExp(`${wsId} already exists`),
  );
  expect(await countIn(target, 'people', wsId)).toBe(2501);
}, 120_000);

test('export refuses a workspace with Track calls waiting, and one deleted', async () => {
  const wsId = tenant.second.id;
  await source.ctx.db.execute(sql`
    INSERT INTO track_queue (workspace_id, operation, identifier, body, received_at)
    VALUES (${wsId}, 'identify', 'x', '{}'::jsonb, now())`);
  await expectRefused(
    exportWorkspace(source.ctx.db, source.clock, wsId, createWriteStream(join(dir, 'busy.tar.gz'))),
    'conflict',
    /work in progress/,
  );
  await expectRefused(
    exportWorkspace(
      source.ctx.db,
      source.clock,
      'ws_01jzzzzzzzzzzzzzzzzzzzzzzz',
      createWriteStream(join(dir, 'x')),
    ),
    'not_found',
    /Workspace/,
  );
});
