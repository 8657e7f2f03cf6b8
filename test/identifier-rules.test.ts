import { describe, expect, test } from 'vitest';
import {
  type IdentifierRules,
  type IdentifyCall,
  type ImportWrite,
  identify,
  importRows,
  merge,
  parseIdentifier,
  type Upsert,
} from '../src/features/people/identifier-rules.js';
import { People, type WriteContext } from '../src/features/people/people-state.js';
import type { PersonRow } from '../src/features/people/store.js';
import { DomainError } from '../src/shared/errors.js';

// The identifier rules alone: no service, no database. People are given as the writer would load them.

const ALL_ON: IdentifierRules = { identifyByEmail: true, identifyById: true, allowEmailUpdateById: true };
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

function person(cioId: string, fields: Partial<PersonRow> = {}): PersonRow {
  return {
    workspaceId: 'ws',
    cioId,
    externalId: null,
    email: null,
    attributes: {},
    createdAt: at(0),
    updatedAt: at(0),
    ...fields,
  };
}

/** People as loaded, folding emails as lower() does for ASCII. */
const peopleOf = (...rows: PersonRow[]) => new People({ rows, fold: (email) => email.toLowerCase() });

function contextOf(): WriteContext {
  let n = 0;
  return { workspaceId: 'ws', now: at(30), newCioId: () => `new${++n}` };
}

const code = (outcome: unknown) => (outcome instanceof DomainError ? outcome.code : outcome);

describe('identify', () => {
  const run = (people: People, rules: IdentifierRules, calls: IdentifyCall[]) => {
    const context = contextOf();
    const rule = identify(rules);
    return calls.map((call) => rule(people, context, call));
  };

  test('an email or id naming nobody creates; a cio_id naming nobody is nobody', () => {
    const people = peopleOf();
    const [byId, byEmail, byCio] = run(people, ALL_ON, [
      { key: { by: 'id', value: 'u1' }, change: { attributes: { plan: 'free', gone: null } } },
      { key: { by: 'email', value: 'a@x.io' }, change: {} },
      { key: { by: 'cioId', value: 'nobody' }, change: {} },
    ]);
    expect(byId).toMatchObject({ created: true, person: { externalId: 'u1', attributes: { plan: 'free' } } });
    expect(byEmail).toMatchObject({ created: true, person: { email: 'a@x.io', externalId: null } });
    expect(byCio).toBeNull();
    expect(people.writes().inserts.map((w) => w.cio_id)).toEqual(['new1', 'new2']);
  });

  test('attributes merge, null removes; each person is written once, as the last call left them', () => {
    const people = peopleOf(person('p', { externalId: 'u1', attributes: { a: 1, b: 2 } }));
    const [first, second] = run(people, ALL_ON, [
      { key: { by: 'id', value: 'u1' }, change: { attributes: { b: null, c: 3 } } },
      { key: { by: 'cioId', value: 'p' }, change: { attributes: { d: 4 } } },
    ]) as Upsert[];
    expect(first!.person.attributes).toEqual({ a: 1, c: 3 });
    expect(second!.before?.attributes).toEqual({ a: 1, c: 3 });
    expect(people.writes()).toMatchObject({
      inserts: [],
      updates: [{ cio_id: 'p', external_id: 'u1', attributes: { a: 1, c: 3, d: 4 } }],
    });
  });

  test('an email changes by cio_id, or by id while allowed; an id changes by cio_id only', () => {
    const rows = () => [person('p', { externalId: 'u1', email: 'old@x.io' })];
    const byId = { key: { by: 'id', value: 'u1' }, change: { email: 'new@x.io' } } as const;
    expect(code(run(peopleOf(...rows()), ALL_ON, [byId])[0])).toMatchObject({
      person: { email: 'new@x.io' },
    });
    const off = { ...ALL_ON, allowEmailUpdateById: false };
    expect(code(run(peopleOf(...rows()), off, [byId])[0])).toBe('identifier_required');
    expect(
      code(run(peopleOf(...rows()), off, [{ ...byId, key: { by: 'cioId', value: 'p' } }])[0]),
    ).toMatchObject({
      person: { email: 'new@x.io' },
    });
    // The same address in another case is no change.
    expect(
      code(run(peopleOf(...rows()), off, [{ ...byId, change: { email: 'OLD@x.io' } }])[0]),
    ).toMatchObject({
      created: false,
    });
    const newId = { key: { by: 'email', value: 'old@x.io' }, change: { id: 'u2' } } as const;
    expect(code(run(peopleOf(...rows()), ALL_ON, [newId])[0])).toBe('identifier_required');
    expect(
      code(run(peopleOf(...rows()), ALL_ON, [{ ...newId, key: { by: 'cioId', value: 'p' } }])[0]),
    ).toMatchObject({ person: { externalId: 'u2' } });
  });

  test('an email or id held by another is refused, and leaves no trace; a value freed earlier in the run is free', () => {
    const people = peopleOf(person('p', { externalId: 'u1', email: 'a@x.io' }));
    const outcomes = run(people, ALL_ON, [
      { key: { by: 'id', value: 'u2' }, change: { email: 'A@x.io' } },
      { key: { by: 'id', value: 'u3' }, change: {} },
      { key: { by: 'cioId', value: 'new1' }, change: { id: 'u1' } },
      { key: { by: 'id', value: 'u1' }, change: { email: 'b@x.io' } },
      { key: { by: 'id', value: 'u2' }, change: { email: 'a@x.io' } },
    ]);
    expect(outcomes.map(code)).toEqual([
      'identifier_taken',
      expect.objectContaining({ created: true }),
      'identifier_taken',
      expect.objectContaining({ created: false }),
      expect.objectContaining({ created: true, person: expect.objectContaining({ cioId: 'new2' }) }),
    ]);
    // With email not an identifier, people may share an address.
    const shared = run(peopleOf(person('p', { email: 'a@x.io' })), { ...ALL_ON, identifyByEmail: false }, [
      { key: { by: 'id', value: 'u9' }, change: { email: 'a@x.io' } },
    ]);
    expect(shared[0]).toMatchObject({ created: true });
  });

  test("the console's new person is refused when its key names someone", () => {
    const people = peopleOf(person('p', { externalId: 'u1' }));
    const [refused] = run(people, ALL_ON, [{ key: { by: 'id', value: 'u1' }, change: {}, create: 'only' }]);
    expect(refused).toMatchObject({
      code: 'identifier_taken',
      message: 'A person with id u1 already exists.',
    });
  });

  test('Track API identifiers: cio_, an email while email identifies, else an id while ids do', () => {
    expect(parseIdentifier('cio_abc', ALL_ON)).toEqual({ by: 'cioId', value: 'abc' });
    expect(parseIdentifier('a@x.io', ALL_ON)).toEqual({ by: 'email', value: 'a@x.io' });
    expect(parseIdentifier('a@x.io', { ...ALL_ON, identifyByEmail: false })).toEqual({
      by: 'id',
      value: 'a@x.io',
    });
    expect(() => parseIdentifier('u1', { ...ALL_ON, identifyById: false })).toThrow(DomainError);
  });
});

describe('import rows', () => {
  const row = (line: number, fields: Partial<ImportWrite>): ImportWrite => ({
    mode: 'create',
    line,
    cioId: null,
    id: null,
    email: null,
    attributes: {},
    ...fields,
  });
  const run = (people: People, rules: IdentifierRules, rows: ImportWrite[]) => {
    const apply = importRows(rules);
    const context = contextOf();
    return rows.map((r) => apply(people, context, r));
  };

  test('create: a new person per row; a second claim of an id or email names the first line', () => {
    const people = peopleOf(person('p', { externalId: 'old' }));
    expect(
      run(people, ALL_ON, [
        row(2, { id: 'u1', email: 'one@x.io', attributes: { plan: 'free' } }),
        row(3, { id: 'u1' }),
        row(4, { id: 'u4', email: 'ONE@x.io' }),
        row(5, { id: 'old' }),
        row(6, {}),
        row(7, { email: 'not-an-email' }),
        row(8, { cioId: 'p' }),
      ]),
    ).toEqual([
      'created',
      { refused: 'id u1 is also on line 2' },
      { refused: 'email one@x.io is also on line 2' },
      { refused: 'id old belongs to another person' },
      { refused: 'a new person needs an id or (with email as an identifier) an email' },
      { refused: 'email "not-an-email" is not one email address, like jo@example.com' },
      { refused: expect.stringContaining('cio_id is given by the system') },
    ]);
    expect(people.writes().inserts).toEqual([
      { cio_id: 'new1', external_id: 'u1', email: 'one@x.io', attributes: { plan: 'free' } },
    ]);
  });

  test('an email is claimed as the database folds it, though only the emails named can be folded', () => {
    const named = ['ONE@x.io', 'One@X.io'];
    const fold = (email: string) => {
      if (!named.includes(email)) throw new Error(`${email} was not among the emails to fold`);
      return email.toLowerCase();
    };
    const rows = [row(2, { id: 'u1', email: 'ONE@x.io' }), row(3, { id: 'u2', email: 'One@X.io' })];
    expect(run(new People({ rows: [], fold }), ALL_ON, rows)).toEqual([
      'created',
      { refused: 'email one@x.io is also on line 2' },
    ]);
  });

  test('update: by cio_id, else id, else email; only a row naming the cio_id changes the email or id', () => {
    const people = peopleOf(
      person('a', { externalId: 'a', email: 'a@x.io' }),
      person('b', { externalId: 'b' }),
    );
    const update = (line: number, fields: Partial<ImportWrite>) => row(line, { mode: 'update', ...fields });
    expect(
      run(people, ALL_ON, [
        update(2, { cioId: 'a', email: 'a.new@x.io', attributes: { plan: 'premium' } }),
        update(3, { id: 'a', email: 'a.other@x.io' }),
        update(4, { email: 'a.new@x.io', attributes: { team: 'x' } }),
        update(5, { id: 'zzz' }),
        update(6, {}),
        update(7, { email: 'b@x.io', id: 'b' }),
      ]),
    ).toEqual([
      'updated',
      { refused: expect.stringContaining('name the cio_id') },
      'updated',
      { refused: 'no person matches this row' },
      { refused: 'the row names nobody (cio_id, id or email)' },
      'updated',
    ]);
    expect(people.writes().updates).toEqual([
      { cio_id: 'a', external_id: 'a', email: 'a.new@x.io', attributes: { plan: 'premium', team: 'x' } },
      { cio_id: 'b', external_id: 'b', email: 'b@x.io', attributes: {} },
    ]);
  });
});

describe('merges', () => {
  test('the oldest survives, the newest values win, the survivor takes the newest id when it has none', () => {
    const people = peopleOf(
      person('old', {
        email: 'A@x.io',
        attributes: { plan: 'free', city: 'Rome' },
        createdAt: at(1),
        updatedAt: at(1),
      }),
      person('mid', {
        email: 'a@x.io',
        externalId: 'u-mid',
        attributes: { plan: 'team' },
        createdAt: at(2),
        updatedAt: at(5),
      }),
      person('new', { email: 'a@X.io', externalId: 'u-new', createdAt: at(3), updatedAt: at(3) }),
      person('other', { email: 'b@x.io', createdAt: at(4) }),
    );
    const merged = merge(people, contextOf(), { email: 'a@x.io', ids: ['u-mid', 'u-new'] });
    expect(merged?.survivor).toMatchObject({
      cioId: 'old',
      externalId: 'u-mid',
      attributes: { plan: 'team', city: 'Rome' },
    });
    expect(merged?.merged.map((p) => p.cioId)).toEqual(['mid', 'new']);
    const writes = people.writes();
    expect([...writes.absorbed]).toEqual([
      ['mid', 'old'],
      ['new', 'old'],
    ]);
    expect(writes.updates).toEqual([
      { cio_id: 'old', external_id: 'u-mid', email: 'A@x.io', attributes: { plan: 'team', city: 'Rome' } },
    ]);
    expect(people.find({ by: 'id', value: 'u-mid' })?.cioId).toBe('old');
    expect(people.find({ by: 'email', value: 'a@x.io' })?.cioId).toBe('old');
  });

  test('a group of one, or whose id to move is not among its held keys, waits for a later pass', () => {
    const two = () =>
      peopleOf(
        person('x', { email: 'a@x.io', createdAt: at(1) }),
        person('y', { email: 'a@x.io', externalId: 'u-y', createdAt: at(2) }),
      );
    expect(
      merge(peopleOf(person('x', { email: 'a@x.io' })), contextOf(), { email: 'a@x.io', ids: [] }),
    ).toBeUndefined();
    const people = two();
    expect(merge(people, contextOf(), { email: 'a@x.io', ids: [] })).toBeUndefined();
    expect(people.writes()).toMatchObject({ inserts: [], updates: [] });
    expect(merge(two(), contextOf(), { email: 'a@x.io', ids: ['u-y'] })).toBeDefined();
  });
});
