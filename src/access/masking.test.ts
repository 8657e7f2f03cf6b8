import { expect, test } from 'vitest';
import { attributeQueryRefusal, MASK, maskEvent, maskRecord, maskWithin } from './masking.js';

const person = {
  cioId: 'cio_01jd6x',
  id: 'customer-42',
  email: 'ada@example.com',
  attributes: {
    first_name: 'Ada',
    plan: 'premium',
    age: 36,
    vip: true,
    address: { city: 'London' },
    nothing: null,
  },
  createdAt: '2026-11-23T06:00:00.000Z',
  updatedAt: '2026-11-23T07:00:00.000Z',
};

test('a masked view of a person shows only masked values and system fields', () => {
  expect(maskRecord(person)).toEqual({
    cioId: 'cio_01jd6x',
    id: MASK,
    email: MASK,
    attributes: { first_name: MASK, plan: MASK, age: MASK, vip: MASK, address: MASK, nothing: null },
    createdAt: '2026-11-23T06:00:00.000Z',
    updatedAt: '2026-11-23T07:00:00.000Z',
  });
  const text = JSON.stringify(maskRecord(person));
  for (const secret of ['customer-42', 'ada@example.com', 'Ada', 'premium', '36', 'London'])
    expect(text).not.toContain(secret);
});

test('filtering or sorting on hidden values is refused; on system fields it is not', () => {
  expect(attributeQueryRefusal({ hideAttributes: true }, ['email'])).toContain(
    'cannot filter or sort on email',
  );
  expect(attributeQueryRefusal({ hideAttributes: true }, ['createdAt', 'cioId'])).toBeNull();
  expect(attributeQueryRefusal({ hideAttributes: false }, ['email'])).toBeNull();
  // An attribute named like a system field is still an attribute, and hidden.
  expect(attributeQueryRefusal({ hideAttributes: true }, [], ['createdAt'])).toContain(
    'cannot filter or sort on createdAt',
  );
  expect(attributeQueryRefusal({ hideAttributes: false }, [], ['createdAt'])).toBeNull();
});

test('a masked event keeps its kind, name and time; its data values and a page view’s URL are hidden', () => {
  const at = '2026-11-23T06:00:00.000Z';
  expect(maskEvent({ type: 'event', name: 'bought', timestamp: at, data: { price: 3, to: null } })).toEqual({
    type: 'event',
    name: 'bought',
    timestamp: at,
    data: { price: MASK, to: null },
  });
  expect(maskEvent({ type: 'page', name: 'https://example.com/?email=ada@example.com', data: {} }).name).toBe(
    MASK,
  );
  expect(maskEvent({ type: 'screen', name: 'Checkout', data: {} }).name).toBe('Checkout');
});

test('a sentence about a value keeps its words and masks the value, as written or as JSON quoted it', () => {
  expect(maskWithin('550 5.1.1 <ada@example.com>: no such user ada@example.com', ['ada@example.com'])).toBe(
    `550 5.1.1 <${MASK}>: no such user ${MASK}`,
  );
  expect(maskWithin('"a\\"b@x" is not one email address', ['a"b@x'])).toBe(
    `"${MASK}" is not one email address`,
  );
  expect(maskWithin('The workspace stopped sending', [null, ''])).toBe('The workspace stopped sending');
});
