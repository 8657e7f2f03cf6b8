import type { FastifyInstance } from 'fastify';
import { invalid } from '../shared/errors.js';

/**
 * Ajv coerces the query's `limit=Infinity` (or `1e309`) to Infinity and then checks `maximum`
 * against the uncoerced text, so a non-finite number passed validation and failed in SQL (a 500).
 * Query and path values are flat: after validation, any number they hold must be finite. (JSON
 * bodies: json-body.ts refuses a number JSON.parse reads as infinity, such as 1e309.)
 */
export function refuseNonFiniteNumbers(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    for (const [where, values] of [
      ['query', request.query],
      ['params', request.params],
    ] as const) {
      if (!values || typeof values !== 'object') continue;
      for (const [key, value] of Object.entries(values)) {
        const numbers = Array.isArray(value) ? value : [value];
        if (numbers.some((n) => typeof n === 'number' && !Number.isFinite(n)))
          throw invalid(`/${where}/${key}`, 'must be a finite number');
      }
    }
  });
}
