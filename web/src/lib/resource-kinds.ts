import { useQuery } from '@tanstack/react-query';
import { type Answer, sdk, unwrap } from './api';

/**
 * The workspace resources of the Journeys, Data and Content areas, as the server serves them
 * (GET /api/resource-kinds, from its one registry): the navigation and the generic resource pages
 * render from this, so the console keeps no registry of its own.
 */

export type ResourceKind = Answer<'/api/resource-kinds', 'get'>['items'][number];
export type Column = ResourceKind['list']['columns'][number];
export type KindRoute = ResourceKind['routes'][number];

export const resourceGroups = ['Journeys', 'Data', 'Content'] as const;

/** The console's page of a kind. */
export const resourceRoute = (kind: Pick<ResourceKind, 'path'>) => `/resources/${kind.path}`;

/** The served kinds; they change only with the server, so they are read once per session. */
export function useResourceKinds() {
  return useQuery({
    queryKey: ['resource-kinds'],
    queryFn: () => unwrap(sdk.GET('/api/resource-kinds')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const has = (kind: ResourceKind, route: KindRoute) => kind.routes.includes(route);

/** "campaign", "email layout": the singular name inside a sentence. */
export const singularOf = (kind: ResourceKind) => kind.label.singular.toLowerCase();

/** A page of the console about one item of a kind, linked from the item's row. */
export interface RowPage {
  label: string;
  to: (itemId: string) => string;
  /** What the page reads (the server's keys): the link shows to members who hold every one. */
  permissions: readonly string[];
}

/**
 * The console's own pages about one item, by kind path: they are the console's routes, which the
 * server's registry does not know, so they are listed here rather than served.
 */
const rowPages: Partial<Record<string, RowPage>> = {
  segments: {
    label: 'People',
    to: (id) => `/segment-people?segment=${encodeURIComponent(id)}`,
    permissions: ['segments.view', 'people.view'],
  },
  // What became of a broadcast's deliveries, and of one message's (pages/metrics).
  broadcasts: {
    label: 'Metrics',
    to: (id) => `/metrics?broadcast=${encodeURIComponent(id)}`,
    permissions: ['broadcasts.view'],
  },
  'message-library': {
    label: 'Metrics',
    to: (id) => `/metrics?message=${encodeURIComponent(id)}`,
    permissions: ['message_library.view'],
  },
};

export const rowPageOf = (kind: Pick<ResourceKind, 'path'>): RowPage | undefined => rowPages[kind.path];
