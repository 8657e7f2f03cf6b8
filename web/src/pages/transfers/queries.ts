import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';

export type Transfer = Answer<'/api/workspace-transfers', 'get'>['items'][number];

export const transfersKey = ['workspace-transfers'] as const;

/** The account's transfers; polled while one moves, so its progress shows. */
export function useTransfers(enabled = true) {
  return useQuery({
    queryKey: transfersKey,
    queryFn: () => unwrap(sdk.GET('/api/workspace-transfers')),
    enabled,
    refetchInterval: (q) =>
      q.state.data?.items.some((t) => t.status === 'moving' && !t.stalled) ? 700 : false,
  });
}

export type Answering = 'accept' | 'decline' | 'cancel' | 'retry' | 'open';

const said: Record<Answering, (t: Transfer) => string> = {
  accept: (t) => `${t.workspace.name} is moving to your account.`,
  decline: (t) => `You declined ${t.workspace.name}.`,
  cancel: (t) => `The transfer of ${t.workspace.name} is cancelled.`,
  retry: (t) => `Moving ${t.workspace.name} again.`,
  open: (t) => `Switched to ${t.workspace.name}.`,
};

/** Accept, decline or cancel a transfer; every list (workspaces included) is read again after. */
export function useAnswer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ transfer, answer }: { transfer: Transfer; answer: Answering }) => {
      const params = { path: { transferId: transfer.id } };
      if (answer === 'open') {
        const body = { workspaceId: transfer.workspace.id };
        return unwrap(sdk.PUT('/api/me/current-workspace', { body })).then(() => transfer);
      }
      if (answer === 'accept')
        return unwrap(sdk.POST('/api/workspace-transfers/{transferId}/accept', { params }));
      if (answer === 'decline')
        return unwrap(sdk.POST('/api/workspace-transfers/{transferId}/decline', { params }));
      if (answer === 'retry')
        return unwrap(sdk.POST('/api/workspace-transfers/{transferId}/retry', { params }));
      return unwrap(sdk.POST('/api/workspace-transfers/{transferId}/cancel', { params }));
    },
    onSuccess: async (_t, { transfer, answer }) => {
      await client.invalidateQueries();
      notifySuccess(said[answer](transfer));
    },
  });
}
