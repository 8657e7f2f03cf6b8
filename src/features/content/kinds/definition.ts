import { type Static, type TObject, Type } from 'typebox';
import type { WorkspacePermission } from '../../../access/catalog.js';
import type { Db } from '../../../db/connection.js';
import type { FieldError } from '../../../shared/errors.js';
import type { ResourcePrefix } from '../../../shared/ids.js';
import type { ResourceRow } from '../store.js';
import type { Presentation } from './presentation.js';

/** What every kind of kinds.ts declares, and the pieces of schema several of them share. */

/** The name of a kind in the registry (its path): `campaigns`, `object-types` … */
export type KindName =
  | 'campaigns'
  | 'broadcasts'
  | 'transactional'
  | 'object-types'
  | 'objects'
  | 'segments'
  | 'ad-audiences'
  | 'ad-audience-platforms'
  | 'assets'
  | 'layouts'
  | 'snippets'
  | 'collections'
  | 'integrations'
  | 'webhooks'
  | 'pipelines';

/** A reference from one resource to another, by id or (snippets in a template) by name. */
export interface Reference {
  kind: KindName;
  by: 'id' | 'name';
  value: string;
  /** JSON pointer into the body, e.g. `/messages/0/layoutId`. */
  path: string;
}

/**
 * Calls `resolve` for each reference of a body and answers the body with each id reference replaced
 * by what it returned (null clears it; a name reference stays in its text either way).
 */
export type ReferenceMapper<B> = (body: B, resolve: (ref: Reference) => string | null) => B;

export interface KindDefinition<B extends TObject = TObject> {
  /** Stored in resources.kind; also names the activity log entries (`campaign.created`). */
  kind: string;
  /** The URL segment under /api/workspaces/{wsId}/. */
  path: string;
  prefix: ResourcePrefix;
  /** A name for people: "Campaign". */
  label: string;
  body: B;
  permissions: {
    view: WorkspacePermission;
    create: WorkspacePermission;
    edit: WorkspacePermission;
    delete: WorkspacePermission;
  };
  /** How the console presents it (GET /api/resource-kinds); none for a kind with a screen of its own. */
  presentation?: Presentation;
  /** The unique name of an item among its kind; defaults to its `name`. */
  nameOf?: (body: Static<B>) => string;
  references?: ReferenceMapper<Static<B>>;
  /** What a member with hidden attributes sees of a body. */
  masked?: (body: Static<B>) => Static<B>;
  /** May be copied to another workspace (product.md §3, Copy). */
  copyable?: boolean;
  /**
   * Which generic routes serve the kind: all (the default); read-delete, when it is created by a
   * route of its own (an asset upload); none, when it lives under another path (Ad Audiences).
   */
  routes?: 'all' | 'read-delete' | 'none';
  /** A copy whose name is taken in the target is renamed "… (copy)"; false refuses it instead. */
  renameOnCopy?: boolean;
  /** What a copy starts as (a sent broadcast's copy is a draft). */
  copied?: (body: Static<B>) => Static<B>;
  /** Body fields a list may be filtered on (system values, never attributes). */
  filters?: readonly string[];
  /** Permissions beyond the route's that this change needs (product.md §2's extra rules). */
  extraPermissions?: (before: Static<B> | null, after: Static<B>) => WorkspacePermission[];
  /** What the schema cannot say about a body. */
  validate?: (body: Static<B>) => FieldError | null;
  /**
   * Body fields holding free-form settings, in which every credential (a key isCredentialKey
   * names, at any depth) is write-only: read back masked, kept when a write leaves it out or sends
   * the mask back (credentials.ts).
   */
  credentials?: readonly (keyof Static<B> & string)[];
  /** What else creating an item writes, in its create transaction (an object type's number). */
  afterCreate?: (tx: Db, workspaceId: string, row: ResourceRow) => Promise<void>;
  /** Ids of items deleted along with this one; throws when the item must stay. */
  beforeDelete?: (tx: Db, workspaceId: string, row: ResourceRow) => Promise<string[]>;
}

export const Name = Type.String({ minLength: 1, maxLength: 200, title: 'Name' });
export const Description = Type.Optional(
  Type.String({ maxLength: 2000, title: 'Description', description: 'What it is for, for your team' }),
);

export const idRef = (kind: KindName, value: string, path: string): Reference => ({
  kind,
  by: 'id',
  value,
  path,
});
