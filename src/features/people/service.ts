import { attributeQueryRefusal, maskFields, maskRecord, masksAttributes } from '../../access/masking.js';
import type { AppContext } from '../../context.js';
import { DomainError, forbidden, invalid, missing } from '../../shared/errors.js';
import { cursors, pageOf } from '../../shared/pagination.js';
import { recordActivity } from '../activity/record.js';
import type { Actor } from '../auth/actor.js';
import { devicesOf } from '../track/store.js';
import { findWorkspace } from '../workspaces/store.js';
import { type ExportFormat, exportPeople } from './export.js';
import { rulesOf } from './identifier-rules.js';
import type { Device, PeopleQuery, Person, PersonDetail, PersonInput } from './schemas.js';
import type { PersonRow } from './store.js';
import * as store from './store.js';
import { upsertPerson } from './writer.js';

export function toPerson(row: PersonRow): Person {
  return {
    cioId: row.cioId,
    id: row.externalId,
    email: row.email,
    attributes: row.attributes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

// ---- the console's people API ----------------------------------------------------------------------

/** What a member sees of a person: everything, or with hidden attributes only system fields. */
export function seenBy(actor: Actor, workspaceId: string) {
  const masked = masksAttributes(actor.subject.workspaces.get(workspaceId));
  return (row: PersonRow) => (masked ? maskRecord(toPerson(row)) : toPerson(row));
}

const attributePrefix = 'attr.';

export async function listPeople(ctx: AppContext, actor: Actor, workspaceId: string, q: PeopleQuery) {
  const { limit = 50, cursor, email, id, ...rest } = q;
  const attributes = Object.fromEntries(
    Object.entries(rest)
      .filter(([k]) => k.startsWith(attributePrefix))
      .map(([k, v]) => [k.slice(attributePrefix.length), String(v)]),
  );
  const unknown = Object.keys(rest).find((k) => !k.startsWith(attributePrefix));
  if (unknown)
    throw invalid(`/query/${unknown}`, 'unknown parameter; filter on attributes with attr.<name>=<value>');
  const filtered = [...(email !== undefined ? ['email'] : []), ...(id !== undefined ? ['id'] : [])];
  // A filter on a hidden value would reveal it one question at a time.
  const refusal = attributeQueryRefusal(
    actor.subject.workspaces.get(workspaceId),
    filtered,
    Object.keys(attributes),
  );
  if (refusal) throw forbidden('people.view', refusal);
  const rows = await store.listPeople(ctx.db, workspaceId, {
    after: cursors.person.read(cursor),
    limit: limit + 1,
    email,
    id,
    attributes,
  });
  const page = pageOf(rows, limit, (r) => cursors.person.write(r.cioId));
  return { items: page.rows.map(seenBy(actor, workspaceId)), nextCursor: page.nextCursor };
}

/** One person, with their devices; a masked member sees neither the devices' tokens nor their attributes. */
export async function getPerson(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  cioId: string,
): Promise<PersonDetail> {
  const row =
    (await store.findPerson(ctx.db, workspaceId, { by: 'cioId', value: cioId })) ?? missing('Person');
  const masked = masksAttributes(actor.subject.workspaces.get(workspaceId));
  const devices = (await devicesOf(ctx.db, workspaceId, cioId)).map(
    (d): Device => ({
      token: d.token,
      platform: d.platform,
      lastUsed: d.lastUsed?.toISOString() ?? null,
      attributes: d.attributes,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    }),
  );
  return {
    ...seenBy(actor, workspaceId)(row),
    devices: masked ? devices.map((d) => maskFields(d, ['token', 'attributes'])) : devices,
  };
}

async function settingsOf(ctx: AppContext, actor: Actor, workspaceId: string) {
  return rulesOf((await findWorkspace(ctx.db, actor.subject.accountId, workspaceId)) ?? missing('Workspace'));
}

const personRecord = (p: PersonRow) => ({ id: p.externalId, email: p.email, attributes: p.attributes });

export async function createPerson(ctx: AppContext, actor: Actor, workspaceId: string, body: PersonInput) {
  if (!body.email && !body.id) {
    throw new DomainError('invalid', 'A person needs an email or an id.', {
      errors: [{ path: '/email', message: 'give an email or an id (or both)' }],
    });
  }
  const rules = await settingsOf(ctx, actor, workspaceId);
  const key = body.id
    ? ({ by: 'id', value: body.id } as const)
    : ({ by: 'email', value: body.email! } as const);
  const row = await ctx.db.transaction(async (tx) => {
    const { person } = (await upsertPerson(tx, ctx.clock, workspaceId, key, body, rules, 'only'))!;
    await recordActivity(tx, ctx.clock, {
      accountId: actor.subject.accountId,
      workspaceId,
      author: actor,
      action: 'person.created',
      target: { type: 'person', id: person.cioId },
      after: personRecord(person),
    });
    return person;
  });
  return seenBy(actor, workspaceId)(row);
}

/** The console names people by cio_id, so it may change their email and id (people.edit). */
export async function updatePerson(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  cioId: string,
  body: PersonInput,
) {
  const rules = await settingsOf(ctx, actor, workspaceId);
  const row = await ctx.db.transaction(async (tx) => {
    const result =
      (await upsertPerson(tx, ctx.clock, workspaceId, { by: 'cioId', value: cioId }, body, rules)) ??
      missing('Person');
    await recordActivity(tx, ctx.clock, {
      accountId: actor.subject.accountId,
      workspaceId,
      author: actor,
      action: 'person.updated',
      target: { type: 'person', id: cioId },
      before: result.before ? personRecord(result.before) : null,
      after: personRecord(result.person),
    });
    return result.person;
  });
  return seenBy(actor, workspaceId)(row);
}

export async function deletePerson(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  cioId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const person =
      (await store.findPerson(tx, workspaceId, { by: 'cioId', value: cioId })) ?? missing('Person');
    await store.deletePerson(tx, workspaceId, cioId);
    await recordActivity(tx, ctx.clock, {
      accountId: actor.subject.accountId,
      workspaceId,
      author: actor,
      action: 'person.deleted',
      target: { type: 'person', id: cioId },
      before: personRecord(person),
    });
  });
}

export async function dataIndex(ctx: AppContext, workspaceId: string) {
  return {
    attributes: await store.attributeIndex(ctx.db, workspaceId),
    events: await store.eventIndex(ctx.db, workspaceId),
  };
}

/** The export, logged: who took the workspace's people out, and when. */
export async function exportPeopleOf(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  format: ExportFormat,
) {
  await ctx.db.transaction((tx) =>
    recordActivity(tx, ctx.clock, {
      accountId: actor.subject.accountId,
      workspaceId,
      author: actor,
      action: 'people.exported',
      target: { type: 'workspace', id: workspaceId },
      after: { format },
    }),
  );
  return exportPeople(ctx, workspaceId, format);
}
