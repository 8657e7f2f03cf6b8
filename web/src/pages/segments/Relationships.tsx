import { Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { confirmAction } from '../../components/Confirm';
import { Guarded } from '../../components/Guarded';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { PageTitle, useCurrentWorkspace } from '../../components/Shell';
import { EmptyState, QueryView } from '../../components/States';
import { type Answer, Problem, sdk, unwrap } from '../../lib/api';
import { notifySuccess, usePageTitle } from '../../lib/feedback';
import { formatDate, usePermissions } from '../../lib/hooks';
import { AttributesDialog, attributesInWords } from './RelationshipAttributes';

type ObjectItem = Answer<'/api/workspaces/{workspaceId}/objects', 'get'>['items'][number];
type Relationship = Answer<'/api/workspaces/{workspaceId}/relationships', 'get'>['items'][number];
type Person = Answer<'/api/workspaces/{workspaceId}/people/{cioId}', 'get'>;

/** A person in words: their email, else their id, else that they have neither. */
const personName = (p: Person | undefined) =>
  p?.email ?? (p?.id ? `ID ${p.id}` : 'A person without email or ID');

/** People ↔ objects: who is related to an object (an account, a company), with the relationship's attributes. */
export function RelationshipsPage() {
  usePageTitle('Relationships');
  const { id: workspaceId } = useCurrentWorkspace();
  const objects = useQuery({
    queryKey: ['object-options', workspaceId],
    enabled: workspaceId !== null,
    queryFn: async () => {
      const path = { workspaceId: workspaceId! };
      const [list, types] = await Promise.all([
        unwrap(sdk.GET('/api/workspaces/{workspaceId}/objects', { params: { path, query: { limit: 500 } } })),
        unwrap(
          sdk.GET('/api/workspaces/{workspaceId}/object-types', { params: { path, query: { limit: 500 } } }),
        ),
      ]);
      const typeName = new Map(types.items.map((t) => [t.id, t.name]));
      return list.items.map((o) => ({ ...o, label: objectName(o, typeName.get(o.typeId)) }));
    },
  });
  const [chosen, setChosen] = useState<string | null>(null);
  if (!workspaceId) return null;
  return (
    <>
      <PageTitle title="Relationships" />
      <QueryView
        query={objects}
        empty={(d) => d.length === 0}
        emptyState={
          <EmptyState title="No object yet">
            Relationships tie people to objects, such as the company they work for. Create an object type and
            an object under Objects first.
          </EmptyState>
        }
      >
        {(items) => {
          const object = items.find((o) => o.id === chosen) ?? items[0]!;
          return (
            <Stack>
              <Select
                label="Object"
                data={items.map((o) => ({ value: o.id, label: o.label }))}
                value={object.id}
                onChange={setChosen}
                allowDeselect={false}
                searchable
                maw={480}
              />
              <RelatedPeople key={object.id} workspaceId={workspaceId} object={object} />
            </Stack>
          );
        }}
      </QueryView>
    </>
  );
}

/** "Company acme (Acme Inc.)": the type's name, the object's own id, and its name attribute if any. */
function objectName(o: ObjectItem, typeName: string | undefined): string {
  const name = typeof o.attributes?.name === 'string' ? ` (${o.attributes.name})` : '';
  return `${typeName ?? 'Object'} ${o.objectId}${name}`;
}

function RelatedPeople({
  workspaceId,
  object,
}: {
  workspaceId: string;
  object: ObjectItem & { label: string };
}) {
  const client = useQueryClient();
  const { can, why } = usePermissions(workspaceId);
  const key = ['relationships', workspaceId, object.id];
  const related = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(
        sdk.GET('/api/workspaces/{workspaceId}/relationships', {
          params: { path: { workspaceId }, query: { objectId: object.id, limit: 500 } },
        }),
      ),
  });
  const people = useQueries({
    queries: (related.data?.items ?? []).map((r) => ({
      queryKey: ['person', workspaceId, r.cioId],
      queryFn: () =>
        unwrap(
          sdk.GET('/api/workspaces/{workspaceId}/people/{cioId}', {
            params: { path: { workspaceId, cioId: r.cioId } },
          }),
        ),
      staleTime: 60_000,
    })),
  });
  const personOf = (cioId: string) => people.find((p) => p.data?.cioId === cioId)?.data;
  const [editing, setEditing] = useState<Relationship | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const remove = useMutation({
    mutationFn: (r: Relationship) =>
      unwrap(
        sdk.DELETE('/api/workspaces/{workspaceId}/relationships/{objectId}/{cioId}', {
          params: { path: { workspaceId, objectId: r.objectId, cioId: r.cioId } },
        }),
      ),
    onSuccess: async (_, r) => {
      await refresh();
      notifySuccess(`${personName(personOf(r.cioId))} is no longer related to ${object.label}`);
    },
  });
  const confirmRemove = async (r: Relationship) => {
    const who = personName(personOf(r.cioId));
    if (
      await confirmAction({
        title: `Remove ${who} from ${object.label}?`,
        message: `The relationship and its attributes are deleted. ${who} and ${object.label} themselves stay.`,
        confirmLabel: 'Remove relationship',
      })
    )
      remove.mutate(r);
  };
  return (
    <Paper withBorder p="md">
      <Stack>
        <QueryView
          query={related}
          empty={(d) => d.items.length === 0}
          emptyState={
            <EmptyState title={`Nobody is related to ${object.label} yet`}>
              Relate a person below by their email address.
            </EmptyState>
          }
        >
          {(data) => (
            // Cards rather than a table: they fit a phone's width whatever the attributes.
            <Stack gap="xs" data-testid="relationships">
              {data.items.map((r) => {
                const who = personName(personOf(r.cioId));
                return (
                  <Paper withBorder p="sm" key={r.cioId} data-testid={`related-${who}`}>
                    <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                      <Stack gap={2} miw={0} style={{ wordBreak: 'break-word' }}>
                        <Text fw={600}>{who}</Text>
                        <Text size="sm">Attributes: {attributesInWords(r.attributes)}</Text>
                        <Text size="sm">Related since {formatDate(r.createdAt)}</Text>
                      </Stack>
                      <Group gap="xs" wrap="wrap">
                        <Guarded allowed={can('objects.edit')} why={why('objects.edit')}>
                          <Button size="xs" variant="default" onClick={() => setEditing(r)}>
                            Edit attributes
                          </Button>
                        </Guarded>
                        <Guarded allowed={can('objects.delete')} why={why('objects.delete')}>
                          <Button size="xs" variant="default" c="red.9" onClick={() => confirmRemove(r)}>
                            Remove
                          </Button>
                        </Guarded>
                      </Group>
                    </Group>
                  </Paper>
                );
              })}
            </Stack>
          )}
        </QueryView>
        <ProblemAlert error={remove.error} />
        <RelateForm workspaceId={workspaceId} object={object} onRelated={refresh} />
      </Stack>
      <AttributesDialog
        workspaceId={workspaceId}
        relationship={editing}
        title={editing ? `${personName(personOf(editing.cioId))} at ${object.label}` : ''}
        onClose={() => setEditing(null)}
        onSaved={refresh}
      />
    </Paper>
  );
}

function RelateForm({
  workspaceId,
  object,
  onRelated,
}: {
  workspaceId: string;
  object: ObjectItem & { label: string };
  onRelated: () => unknown;
}) {
  const { can, why } = usePermissions(workspaceId);
  const [email, setEmail] = useState('');
  const relate = useMutation({
    mutationFn: async (address: string) => {
      const found = await unwrap(
        sdk.GET('/api/workspaces/{workspaceId}/people', {
          params: { path: { workspaceId }, query: { email: address, limit: 1 } },
        }),
      );
      const person = found.items[0];
      if (!person)
        throw new Problem(404, {
          title: 'Not found',
          status: 404,
          code: 'not_found',
          detail: `Nobody in this workspace has the email address ${address}.`,
        });
      return unwrap(
        sdk.POST('/api/workspaces/{workspaceId}/relationships', {
          params: { path: { workspaceId } },
          body: { objectId: object.id, cioId: person.cioId },
        }),
      );
    },
    onSuccess: async () => {
      await onRelated();
      notifySuccess(`${email.trim()} is now related to ${object.label}`);
      setEmail('');
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (email.trim()) relate.mutate(email.trim());
      }}
    >
      <Stack gap="xs">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label="Relate a person by email"
            type="email"
            placeholder="ada@example.com"
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              relate.reset();
            }}
            error={fieldError(relate.error, '/cioId')}
            miw={240}
          />
          <Guarded allowed={can('objects.create')} why={why('objects.create')}>
            <Button type="submit" disabled={!email.trim()} loading={relate.isPending}>
              Relate
            </Button>
          </Guarded>
        </Group>
        <ProblemAlert error={relate.error} fields={['/cioId']} />
        <Text size="xs" c="dimmed">
          The person must already be in this workspace.
        </Text>
      </Stack>
    </form>
  );
}
