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
