/**
 * The Track API v2's own limits, as Customer.io documents them: a batch request smaller than
 * 500 KB, an entity request and each operation of a batch at most 32 KB. The limits v1 shares
 * (attributes, events, identifiers, times) are in limits.ts.
 */
import type { Refusal } from './limits.js';

export const BATCH_MAX_BYTES = 500 * 1024 - 1;
export const OPERATION_MAX_BYTES = 32 * 1024;

/** Why one operation was refused, as Customer.io reports it in a batch's 207. */
export type V2Problem = Refusal;
