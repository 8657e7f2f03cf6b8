import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Guarded } from '../../components/Guarded';
import { PageTitle, useCurrentWorkspace } from '../../components/Shell';
import { ListFooter } from '../../components/ShowMore';
import { EmptyState, ErrorPanel, LoadingSkeleton } from '../../components/States';
import { sdk, unwrap } from '../../lib/api';
import { usePageTitle } from '../../lib/feedback';
import { formatDate, usePermissions } from '../../lib/hooks';
import { people as peopleCount } from '../../lib/words';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import { PersonDrawer } from './PersonDrawer';
import { PersonForm } from './PersonForm';
import { PersonName } from './PersonName';
import { shownValue as shown } from './person';

const PAGE = 50;

/** What the search box asks the API: an address is looked up by email, anything else by ID. */
const filterOf = (text: string) => (text.includes('@') ? { email: text } : text ? { id: text } : {});

function PeopleList({ workspaceId, workspaceName }: { workspaceId: string; workspaceName: string }) {
  const client = useQueryClient();
  const { can, why } = usePermissions(workspaceId);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<'import' | 'export' | 'add' | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const people = useInfiniteQuery({
    queryKey: ['people', workspaceId, filter],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(
        sdk.GET('/api/workspaces/{workspaceId}/people', {
          params: {
            path: { workspaceId },
            query: { limit: PAGE, ...(pageParam && { cursor: pageParam }), ...filterOf(filter) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: false,
  });
  const items = people.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <PageTitle title={`People — ${workspaceName}`}>
        <Guarded allowed={can('data.import')} why={why('data.import')}>
          <Button variant="default" onClick={() => setDialog('import')}>
            Import CSV
          </Button>
        </Guarded>
        <Guarded allowed={can('data.export')} why={why('data.export')}>
          <Button variant="default" onClick={() => setDialog('export')}>
            Export
          </Button>
        </Guarded>
        <Guarded allowed={can('people.create')} why={why('people.create')}>
          <Button onClick={() => setDialog('add')}>Add person</Button>
        </Guarded>
      </PageTitle>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(search.trim());
        }}
      >
        <Group gap="xs" wrap="wrap">
          <TextInput
            aria-label="Find a person by email or ID"
            placeholder="Find by email or ID"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={{ base: '100%', sm: 320 }}
          />
          <Button variant="light" type="submit">
            Find
          </Button>
          {filter && (
            <Button
              variant="default"
              onClick={() => {
                setSearch('');
                setFilter('');
              }}
            >
              Show everyone
            </Button>
          )}
        </Group>
      </form>
      {people.isPending ? (
        <LoadingSkeleton label="Loading people" />
      ) : people.isError ? (
        <ErrorPanel error={people.error} onRetry={() => people.refetch()} />
      ) : items.length === 0 ? (
        filter ? (
          <EmptyState title="Nobody found">
            No person has the email or ID “{filter}”. Search for the whole address or ID, exactly.
          </EmptyState>
        ) : (
          <EmptyState
            title="No people yet — import a CSV or send them from your app with the Track API"
            action={
              can('data.import') && (
                <Button variant="default" onClick={() => setDialog('import')}>
                  Import CSV
                </Button>
              )
            }
          >
            A person appears here once your app identifies them, or once you add or import them.
          </EmptyState>
        )
      ) : (
        <Table
          withTableBorder
          bg="var(--mantine-color-body)"
          data-testid="people"
          highlightOnHover
          style={{ overflowWrap: 'anywhere' }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th visibleFrom="sm">ID</Table.Th>
              <Table.Th visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                Added
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => (
              <Table.Tr key={p.cioId} data-testid={`person-${p.cioId}`}>
                <Table.Td>
                  <PersonName person={p} onOpen={setOpen} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{shown(p.email)}</Text>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  {/* An id may be 150 bytes: cut to one line here (the drawer shows it whole). */}
                  <Text size="sm" maw={220} truncate="end" title={shown(p.id)}>
                    {shown(p.id)}
                  </Text>
                </Table.Td>
                <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatDate(p.createdAt)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {items.length > 0 && (
        <ListFooter
          list={people}
          shown={peopleCount(items.length)}
          more={`Show ${PAGE} more`}
          testId="people"
        />
      )}
      <ImportDialog workspaceId={workspaceId} opened={dialog === 'import'} onClose={() => setDialog(null)} />
      <ExportDialog workspaceId={workspaceId} opened={dialog === 'export'} onClose={() => setDialog(null)} />
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={dialog === 'add'}
        onClose={() => setDialog(null)}
        title="Add person"
        size="lg"
      >
        <PersonForm
          workspaceId={workspaceId}
          onDone={(person) => {
            setDialog(null);
            client.invalidateQueries({ queryKey: ['people', workspaceId] });
            setOpen(person.cioId);
          }}
        />
      </Modal>
      <PersonDrawer workspaceId={workspaceId} cioId={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}

/** People of the current workspace; members with hidden attributes see "Hidden" for their values. */
export function PeoplePage() {
  const { id, workspace } = useCurrentWorkspace();
  usePageTitle('People');
  if (!id) return <PageTitle title="People" />;
  // Keyed by workspace: a switch starts afresh (search, dialogs, the last import and export).
  return <PeopleList key={id} workspaceId={id} workspaceName={workspace?.name ?? ''} />;
}
