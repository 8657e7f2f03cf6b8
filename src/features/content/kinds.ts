import type { Static, TObject } from 'typebox';
import { assets, collections, layouts, snippets } from './kinds/content.js';
import { integrations, objects, objectTypes, pipelines, webhooks } from './kinds/data.js';
import type { KindDefinition, KindName } from './kinds/definition.js';
import {
  adAudiences,
  adPlatformKind,
  broadcasts,
  campaigns,
  segments,
  transactional,
} from './kinds/journeys.js';

/**
 * The workspace resources that the matrix rows guard, declared once each (kinds/journeys.ts,
 * kinds/data.ts, kinds/content.ts): their path, id prefix, permissions, body schema, the other
 * resources they refer to, and how the console presents them. One generic store, service and set of
 * routes serve them all (store.ts, service.ts, routes.ts); GET /api/resource-kinds serves the
 * registry to the console (kinds-route.ts).
 */

export { assetTypes } from './kinds/content.js';
export { isCredentialKey } from './kinds/data.js';
export type { KindDefinition, KindName, Reference, ReferenceMapper } from './kinds/definition.js';
export { adPlatforms } from './kinds/journeys.js';

export const kinds = {
  campaigns,
  broadcasts,
  transactional,
  'object-types': objectTypes,
  objects,
  segments,
  'ad-audiences': adAudiences,
  'ad-audience-platforms': adPlatformKind,
  assets,
  layouts,
  snippets,
  collections,
  integrations,
  webhooks,
  pipelines,
} as const satisfies Record<KindName, KindDefinition<TObject>>;

export type Kind = (typeof kinds)[KindName];
export type BodyOf<K extends KindName> = Static<(typeof kinds)[K]['body']>;

/** Every kind, loosely typed, for the generic code that treats them alike. */
export const allKinds: readonly KindDefinition[] = Object.values(kinds) as unknown as KindDefinition[];

export const kindByStoredName: ReadonlyMap<string, KindDefinition> = new Map(
  allKinds.map((k) => [k.kind, k]),
);
