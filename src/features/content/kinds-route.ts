import { type Static, Type } from 'typebox';
import type { App } from '../../http/app.js';
import { problems } from '../../http/schemas.js';
import { Column, groups } from './kinds/presentation.js';
import { type ViewDefinition, views } from './kinds/views.js';
import { allKinds, assetTypes, type KindDefinition } from './kinds.js';

/**
 * GET /api/resource-kinds: the registry of kinds.ts (and the read-only lists of kinds/views.ts) as
 * the console needs it to render its Journeys, Data and Content pages: names, group, permissions,
 * the body's JSON Schema for its forms, the list's columns and the actions that apply.
 */

const routeNames = [
  'list',
  'get',
  'create',
  'edit',
  'delete',
  'copy',
  'upload',
  'download',
  'send',
  'test-send',
  'preview',
] as const;

const ResourceKind = Type.Object(
  {
    kind: Type.String({ description: 'As activity entries name it: campaign, object_type …' }),
    path: Type.String({ description: 'Its routes are under /api/workspaces/{workspaceId}/{path}' }),
    prefix: Type.String({ description: 'Its items’ ids start with it and an underscore' }),
    label: Type.Object({ singular: Type.String(), plural: Type.String() }),
    group: Type.Enum(groups),
    description: Type.String({ description: 'What it is and what it is for, in words' }),
    permissions: Type.Object(
      {
        view: Type.String(),
        create: Type.Optional(Type.String()),
        edit: Type.Optional(Type.String()),
        delete: Type.Optional(Type.String()),
        send: Type.Optional(Type.String()),
        preview: Type.Optional(Type.String()),
      },
      {
        description:
          'The permission (of GET /api/permissions) each action needs; an action absent does not apply',
      },
    ),
    schema: Type.Unknown({
      description:
        'The JSON Schema of a create’s body (an edit takes any of its fields); null for a list that is only read',
    }),
    editableFields: Type.Array(Type.String(), { description: 'The body fields an edit may change' }),
    copyable: Type.Boolean(),
    upload: Type.Union([Type.Object({ accept: Type.Array(Type.String()) }), Type.Null()], {
      description: 'Created by uploading a file of one of these types, not from a body',
    }),
    routes: Type.Array(Type.Enum(routeNames)),
    list: Type.Object({
      title: Type.Object({ label: Type.String(), field: Type.String() }),
      columns: Type.Array(Column),
      audit: Type.Object({ createdBy: Type.Boolean(), updatedAt: Type.Boolean() }),
      filter: Type.Union([
        Type.Object({ param: Type.String(), label: Type.String(), values: Type.Array(Type.String()) }),
        Type.Null(),
      ]),
    }),
  },
  { title: 'Resource kind' },
);
type ResourceKind = Static<typeof ResourceKind>;

const defaultAudit = { createdBy: true, updatedAt: true };

function fromKind(kind: KindDefinition): ResourceKind | null {
  const p = kind.presentation;
  const routes = kind.routes ?? 'all';
  if (!p || routes === 'none') return null;
  const all = routes === 'all';
  const sends = p.sends ?? [];
  const served: ResourceKind['routes'] = ['list', 'get', 'delete'];
  if (all) served.push('create', 'edit');
  else served.push('upload', 'download');
  if (kind.copyable) served.push('copy');
  if (sends.includes('audience')) served.push('send');
  if (sends.includes('test')) served.push('test-send');
  return {
    kind: kind.kind,
    path: kind.path,
    prefix: kind.prefix,
    label: { singular: kind.label, plural: p.plural },
    group: p.group,
    description: p.description,
    permissions: {
      view: kind.permissions.view,
      create: kind.permissions.create,
      ...(all && { edit: kind.permissions.edit }),
      delete: kind.permissions.delete,
      ...(sends.length > 0 && { send: 'messages.send' }),
    },
    schema: kind.body,
    editableFields: all ? Object.keys(kind.body.properties) : [],
    copyable: kind.copyable === true,
    upload: all ? null : { accept: [...assetTypes] },
    routes: served,
    list: {
      title: p.title ?? { label: 'Name', field: 'name' },
      columns: p.columns,
      audit: p.audit ?? defaultAudit,
      filter: null,
    },
  };
}

function fromView(view: ViewDefinition): ResourceKind {
  const p = view.presentation;
  return {
    kind: view.kind,
    path: view.path,
    prefix: view.prefix,
    label: { singular: view.label, plural: p.plural },
    group: p.group,
    description: p.description,
    permissions: view.permissions,
    schema: null,
    editableFields: [],
    copyable: false,
    upload: null,
    routes: view.permissions.preview ? ['list', 'preview'] : ['list'],
    list: {
      title: p.title ?? { label: 'Name', field: 'name' },
      columns: p.columns,
      audit: p.audit ?? defaultAudit,
      filter: view.filter ? { ...view.filter, values: [...view.filter.values] } : null,
    },
  };
}

/** The registry as served, in the order of the navigation: by group, then as declared. */
export function resourceKinds(): ResourceKind[] {
  const served = [...allKinds.map(fromKind).filter((k) => k !== null), ...views.map(fromView)];
  return groups.flatMap((group) => served.filter((k) => k.group === group));
}

export function resourceKindRoutes(app: App): void {
  const items = resourceKinds();
  app.get(
    '/api/resource-kinds',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['Resource kinds'],
        summary:
          'The workspace resources (campaigns, segments, layouts …): names, permissions, the JSON Schema of their body, and how the console lists them',
        response: { 200: Type.Object({ items: Type.Array(ResourceKind) }), ...problems(401) },
      },
    },
    async () => ({ items }),
  );
}
