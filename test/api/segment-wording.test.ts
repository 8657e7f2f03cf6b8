import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Client, expectProblem, uniqueEmail } from '../support/client.js';
import { unique } from '../support/row-probes.js';
import { startService, type TestService } from '../support/service.js';

/**
 * What the console shows next to a condition builder or a relationship form comes from the server:
 * in words, with the operator as the builder says it, and no ids or HTTP verbs.
 */

let service: TestService;
let admin: Client;
let ws: string;
const at = (rest: string) => `/api/workspaces/${ws}/${rest}`;

beforeAll(async () => {
  service = await startService();
  admin = service.client();
  ({
    workspace: { id: ws },
  } = await admin.signup());
}, 60_000);
afterAll(() => service?.close());

describe('problems in words', () => {
  test('an incomplete condition names its attribute and operator as the builder shows them', async () => {
    const noValue = await admin.post(at('segments'), {
      name: unique('S'),
      conditions: { match: 'any', rules: [{ attribute: 'plan', operator: 'neq' }] },
    });
    expectProblem(noValue, 400, 'invalid');
    expect(noValue.body.errors).toEqual([
      { path: '/conditions/rules/0', message: '“plan is not” needs a value to compare with' },
    ]);

    const text = await admin.post(at('broadcasts'), {
      name: unique('B'),
      audience: {
        segmentIds: [],
        conditions: {
          match: 'all',
          rules: [
            { attribute: 'plan', operator: 'exists' },
            { attribute: 'age', operator: 'lt', value: 'young' },
          ],
        },
      },
    });
    expectProblem(text, 400, 'invalid');
    expect(text.body.errors).toEqual([
      { path: '/audience/conditions/rules/1', message: '“age is less than” compares numbers: give a number' },
    ]);
  });

  test('relating a person twice says so without ids', async () => {
    const person = (await admin.post(at('people'), { email: uniqueEmail('rel') })).body;
    const type = (await admin.post(at('object-types'), { name: unique('Company') })).body;
    const object = (await admin.post(at('objects'), { typeId: type.id, objectId: 'acme', attributes: {} }))
      .body;
    const first = await admin.post(at('relationships'), { objectId: object.id, cioId: person.cioId });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await admin.post(at('relationships'), { objectId: object.id, cioId: person.cioId });
    expectProblem(again, 409, 'conflict');
    expect(again.body.detail).toBe(
      'This person is already related to this object: change the relationship’s attributes instead',
    );
    expect(again.body.detail).not.toContain(person.cioId);
  });
});
