import { useQuery } from '@tanstack/react-query';
import { type Answer, sdk, unwrap } from '../../lib/api';
import { people } from '../../lib/words';

/** What the segment screens share: the workspace's segments (with their counts), and words for them. */

export type Segment = Answer<'/api/workspaces/{workspaceId}/segments', 'get'>['items'][number];

/** Every segment of the workspace (the list's largest page), with how many people each holds. */
export function useSegments(workspaceId: string | null) {
  return useQuery({
    queryKey: ['segment-options', workspaceId],
    enabled: workspaceId !== null,
    queryFn: () =>
      unwrap(
        sdk.GET('/api/workspaces/{workspaceId}/segments', {
          params: { path: { workspaceId: workspaceId! }, query: { limit: 500 } },
        }),
      ),
  });
}

/** A segment as a choice: its name and how many people it holds. */
export const segmentOption = (s: Segment) => ({ value: s.id, label: `${s.name} (${people(s.count)})` });
