import { type Body, sdk, unwrap } from './api';
import type { ResourceKind } from './resource-kinds';

/**
 * The generic routes of every served kind (list, create, edit, delete, copy), called through the SDK.
 * Each kind has its own typed paths; the console reaches them by the kind's served `path`, so the
 * calls name campaigns' paths as the shape they all share, and an item is read through its schema.
 */

/** An item of any kind: its id and its body's fields, as its served schema describes them. */
export type Item = { id: string } & Record<string, unknown>;
export interface ItemPage {
  items: Item[];
  nextCursor: string | null;
}

type ListPath = '/api/workspaces/{workspaceId}/campaigns';
type ItemPath = '/api/workspaces/{workspaceId}/campaigns/{id}';
const listPath = (kind: Pick<ResourceKind, 'path'>) =>
  `/api/workspaces/{workspaceId}/${kind.path}` as ListPath;
const itemPath = (kind: Pick<ResourceKind, 'path'>) =>
  `/api/workspaces/{workspaceId}/${kind.path}/{id}` as ItemPath;
type AnyBody = Body<ListPath, 'post'>;

export async function listItems(
  workspaceId: string,
  kind: Pick<ResourceKind, 'path'>,
  query: { limit: number; cursor?: string } & Record<string, string | number | undefined>,
): Promise<ItemPage> {
  const page = await unwrap(sdk.GET(listPath(kind), { params: { path: { workspaceId }, query } }));
  return page as unknown as ItemPage;
}

export async function createItem(workspaceId: string, kind: ResourceKind, body: Record<string, unknown>) {
  const made = await unwrap(
    sdk.POST(listPath(kind), { params: { path: { workspaceId } }, body: body as unknown as AnyBody }),
  );
  return made as unknown as Item;
}

export async function editItem(
  workspaceId: string,
  kind: ResourceKind,
  id: string,
  body: Record<string, unknown>,
) {
  const saved = await unwrap(
    sdk.PATCH(itemPath(kind), {
      params: { path: { workspaceId, id } },
      body: body as Body<ItemPath, 'patch'>,
    }),
  );
  return saved as unknown as Item;
}

export async function deleteItem(workspaceId: string, kind: ResourceKind, id: string): Promise<void> {
  await unwrap(sdk.DELETE(itemPath(kind), { params: { path: { workspaceId, id } } }));
}

type CopyPath = '/api/workspaces/{workspaceId}/campaigns/{id}/copy';

export async function copyItem(
  workspaceId: string,
  kind: ResourceKind,
  id: string,
  targetWorkspaceId: string,
) {
  const copied = await unwrap(
    sdk.POST(`/api/workspaces/{workspaceId}/${kind.path}/{id}/copy` as CopyPath, {
      params: { path: { workspaceId, id } },
      body: { targetWorkspaceId },
    }),
  );
  return { item: copied.item as unknown as Item, missingReferences: copied.missingReferences };
}
