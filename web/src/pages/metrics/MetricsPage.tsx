import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { PageTitle, useCurrentWorkspace } from '../../components/Shell';
import { EmptyState, ErrorPanel, LoadingSkeleton } from '../../components/States';
import { Problem, sdk, unwrap } from '../../lib/api';
import { usePageTitle } from '../../lib/feedback';
import { usePermissions } from '../../lib/hooks';
import { Deliveries, type DeliveriesOf } from './Deliveries';
import { nothingSent } from './figures';
import { MetricFigures } from './MetricFigures';

/**
 * /metrics?broadcast=… or ?message=…: what became of a broadcast's (every message of it) or one
 * message's deliveries, as figures, and the deliveries themselves. Reached from the row of a
 * broadcast or of a message of the library; shown to members who may view that one.
 */

/** What the page is about: the one it names, read once to title the page. */
interface Subject {
  name: string;
  /** "A message of the broadcast “News”": where it belongs, with a link to that one's metrics. */
  partOf?: { label: string; to: string | null };
  others?: { id: string; name: string }[];
}

/** The kinds a message belongs to, inside a sentence. */
const sourceWords: Partial<Record<string, string>> = {
  campaign: 'campaign',
  broadcast: 'broadcast',
  transactional: 'transactional message',
};

const broadcastMetrics = (id: string) => `/metrics?broadcast=${encodeURIComponent(id)}`;
const messageMetrics = (id: string) => `/metrics?message=${encodeURIComponent(id)}`;

function useSubject(
  workspaceId: string,
  of: { broadcast: string } | { message: string },
  can: (k: string) => boolean,
) {
  return useQuery({
    queryKey: ['metrics-subject', workspaceId, of],
    retry: false,
    queryFn: async (): Promise<Subject> => {
      if ('broadcast' in of) {
        const b = await unwrap(
          sdk.GET('/api/workspaces/{workspaceId}/broadcasts/{id}', {
            params: { path: { workspaceId, id: of.broadcast } },
          }),
        );
        const messages = (b.messages ?? []).flatMap((m) =>
          typeof m.id === 'string' ? [{ id: m.id, name: m.name }] : [],
        );
        return { name: b.name, others: messages.length > 1 ? messages : undefined };
      }
      const m = await unwrap(
        sdk.GET('/api/workspaces/{workspaceId}/messages/{messageId}', {
          params: { path: { workspaceId, messageId: of.message } },
        }),
      );
      const broadcast = m.source.kind === 'broadcast';
      return {
        name: m.name,
        partOf: {
          label: `A message of the ${sourceWords[m.source.kind] ?? 'item'} “${m.source.name}”`,
          to: broadcast && can('broadcasts.view') ? broadcastMetrics(m.source.id) : null,
        },
      };
    },
  });
}

function Metrics({
  workspaceId,
  of,
  name,
}: {
  workspaceId: string;
  of: { broadcast: string } | { message: string };
  name: string;
}) {
  const metrics = useQuery({
    queryKey: ['metrics', workspaceId, of],
    queryFn: () =>
      'broadcast' in of
        ? unwrap(
            sdk.GET('/api/workspaces/{workspaceId}/broadcasts/{id}/metrics', {
              params: { path: { workspaceId, id: of.broadcast } },
            }),
          )
        : unwrap(
            sdk.GET('/api/workspaces/{workspaceId}/messages/{messageId}/metrics', {
              params: { path: { workspaceId, messageId: of.message } },
            }),
          ),
  });
  if (metrics.isPending) return <LoadingSkeleton label="Loading the metrics" />;
  if (metrics.isError) return <ErrorPanel error={metrics.error} onRetry={() => metrics.refetch()} />;
  if (nothingSent(metrics.data))
    return (
      <EmptyState title="Nothing sent yet">
        {`Once “${name}” is sent, what became of it shows here: how many were delivered, opened and clicked.`}
        {metrics.data.test > 0 && ' Test sends count in none of it.'}
      </EmptyState>
    );
  return <MetricFigures metrics={metrics.data} />;
}

function MetricsOf({
  workspaceId,
  of,
}: {
  workspaceId: string;
  of: { broadcast: string } | { message: string };
}) {
  const { workspace } = useCurrentWorkspace();
  const { can, why } = usePermissions(workspaceId);
  const noun = 'broadcast' in of ? 'broadcast' : 'message';
  const view = 'broadcast' in of ? 'broadcasts.view' : 'message_library.view';
  const subject = useSubject(workspaceId, of, can);
  usePageTitle(subject.data ? `Metrics of ${subject.data.name}` : 'Metrics');
  const back =
    'broadcast' in of
      ? { to: '/resources/broadcasts', label: 'Broadcasts' }
      : { to: '/resources/message-library', label: 'Message library' };
  if (!can(view))
    return (
      <>
        <PageTitle title="Metrics" />
        <Alert color="gray">{why(view)}</Alert>
      </>
    );
  if (subject.isPending) return <LoadingSkeleton label={`Loading the ${noun}`} />;
  if (subject.error instanceof Problem && subject.error.status === 404)
    return (
      <>
        <PageTitle title="Metrics" />
        <EmptyState
          title={`There is no such ${noun} in ${workspace?.name ?? 'this workspace'}`}
          action={
            <Button component={Link} to={back.to}>
              Go to {back.label}
            </Button>
          }
        >
          {`It may have been deleted, or it belongs to another workspace: switch to that workspace to see it.`}
        </EmptyState>
      </>
    );
  if (subject.isError) return <ErrorPanel error={subject.error} onRetry={() => subject.refetch()} />;
  const { name, partOf, others } = subject.data;
  const deliveriesOf: DeliveriesOf =
    'broadcast' in of ? { sourceId: of.broadcast } : { messageId: of.message };
  return (
    <Stack gap="lg">
      <div>
        <PageTitle title={`Metrics of “${name}”`} />
        <Group gap="xs" mt={-12}>
          <Anchor component={Link} to={back.to} size="sm">
            All {back.label.toLowerCase()}
          </Anchor>
          {partOf && (
            <Text size="sm" c="dimmed">
              ·{' '}
              {partOf.to ? (
                <Anchor component={Link} to={partOf.to} size="sm">
                  {partOf.label}
                </Anchor>
              ) : (
                partOf.label
              )}
            </Text>
          )}
        </Group>
      </div>
      <Metrics workspaceId={workspaceId} of={of} name={name} />
      {others && can('message_library.view') && (
        <Stack gap={4} component="section" aria-label="Each message">
          <Text size="sm">Each of its messages on its own:</Text>
          <Group gap="md">
            {others.map((m) => (
              <Anchor key={m.id} component={Link} to={messageMetrics(m.id)} size="sm">
                {m.name}
              </Anchor>
            ))}
          </Group>
        </Stack>
      )}
      {can('deliveries.view') ? (
        <Deliveries workspaceId={workspaceId} of={deliveriesOf} name={name} />
      ) : (
        <Alert color="gray">{why('deliveries.view')}</Alert>
      )}
    </Stack>
  );
}

/** The page: which broadcast or message its address names, in the current workspace. */
export function MetricsPage() {
  const [params] = useSearchParams();
  const { id: workspaceId } = useCurrentWorkspace();
  const broadcast = params.get('broadcast');
  const message = params.get('message');
  const of = broadcast ? { broadcast } : message ? { message } : null;
  if (!workspaceId) return <PageTitle title="Metrics" />;
  if (!of)
    return (
      <>
        <PageTitle title="Metrics" />
        <EmptyState title="Choose a broadcast or a message">
          Open Metrics from a broadcast’s row under Broadcasts, or from a message’s row in the Message
          library.
        </EmptyState>
      </>
    );
  // Started afresh for another broadcast or message, or in another workspace.
  return (
    <MetricsOf key={`${workspaceId}:${broadcast ?? ''}:${message ?? ''}`} workspaceId={workspaceId} of={of} />
  );
}
