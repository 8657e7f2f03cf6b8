import { Button, Code, FileInput, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Guarded } from '../components/Guarded';
import { JobCounts, JobProgress } from '../components/JobProgress';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { PageTitle, useCurrentWorkspace } from '../components/Shell';
import { get, post, upload } from '../lib/api';
import { formatDateTime, usePermissions } from '../lib/hooks';
import { type ImportResult, inProgress, useJob } from '../lib/jobs';

interface Person {
  cioId: string;
  id: string | null;
  email: string | null;
  attributes: Record<string, unknown>;
  createdAt: string;
}

function AddPerson({ workspaceId, onDone }: { workspaceId: string; onDone: () => void }) {
  const [id, setId] = useState('');
  const [email, setEmail] = useState('');
  const [attributes, setAttributes] = useState('{}');
  const add = useMutation({
    mutationFn: () =>
      post(`/api/workspaces/${workspaceId}/people`, {
        ...(id && { id }),
        ...(email && { email }),
        attributes: JSON.parse(attributes || '{}'),
      }),
    onSuccess: onDone,
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <Stack>
        <TextInput
          label="id"
          value={id}
          onChange={(e) => setId(e.currentTarget.value)}
          error={fieldError(add.error, '/id')}
        />
        <TextInput
          label="Email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldError(add.error, '/email')}
        />
        <TextInput
          label="Attributes (JSON)"
          value={attributes}
          onChange={(e) => setAttributes(e.currentTarget.value)}
          error={fieldError(add.error, '/attributes')}
        />
        <ProblemAlert error={add.error} fields={['/id', '/email', '/attributes']} />
        <Button type="submit" loading={add.isPending}>
          Add person
        </Button>
      </Stack>
    </form>
  );
}

type ImportMode = 'create' | 'update';
type ExportFormat = 'csv' | 'ndjson';

const importModes: { value: ImportMode; label: string }[] = [
  { value: 'create', label: 'Create: add new people' },
  { value: 'update', label: 'Update: change existing people' },
];
const exportFormats: { value: ExportFormat; label: string }[] = [
  { value: 'csv', label: 'CSV' },
  { value: 'ndjson', label: 'NDJSON (a JSON object a line)' },
];

/** A CSV file and a mode: POST …/people/import answers the job that applies it. */
function ImportForm({ workspaceId, onStarted }: { workspaceId: string; onStarted: (jobId: string) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('create');
  const start = useMutation({
    mutationFn: (f: File) =>
      upload<{ jobId: string; rows: number }>(
        `/api/workspaces/${workspaceId}/people/import?mode=${mode}`,
        f,
        'text/csv',
      ),
    onSuccess: ({ jobId }) => onStarted(jobId),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (file) start.mutate(file);
      }}
    >
      <Stack>
        <FileInput
          label="CSV file"
          description="A header row (cio_id, id, email, and any attributes), then a person a line"
          placeholder="Choose a file"
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          clearable
          data-testid="import-file"
        />
        <Select
          label="Mode"
          data={importModes}
          value={mode}
          onChange={(v) => setMode((v as ImportMode | null) ?? 'create')}
          allowDeselect={false}
          description="Update changes an email only on rows that name the cio_id"
        />
        <ProblemAlert error={start.error} />
        <Group justify="flex-end">
          <Button type="submit" disabled={!file} loading={start.isPending}>
            Import
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What an import did: its counts, and the lines it refused with why. */
function ImportReport({ result }: { result: ImportResult }) {
  return (
    <Stack gap="xs">
      <JobCounts
        testId="import-counts"
        counts={[
          ['Created', result.created],
          ['Updated', result.updated],
          ['Refused', result.failed],
        ]}
      />
      {result.errors.length > 0 && (
        <Table withTableBorder data-testid="import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>Line</Table.Th>
              <Table.Th>Refused because</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.errors.map((e) => (
              <Table.Tr key={e.line}>
                <Table.Td>{e.line}</Table.Td>
                <Table.Td>
                  <Text size="sm">{e.message}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {result.failed > result.errors.length && (
        <Text size="xs" c="dimmed">
          The first {result.errors.length.toLocaleString()} refused lines are listed.
        </Text>
      )}
    </Stack>
  );
}

/** A format: POST …/people/exports answers the job that writes the file. */
function ExportForm({
  workspaceId,
  onStarted,
}: {
  workspaceId: string;
  onStarted: (jobId: string, format: ExportFormat) => void;
}) {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const start = useMutation({
    mutationFn: () =>
      post<{ jobId: string; people: number }>(`/api/workspaces/${workspaceId}/people/exports`, { format }),
    onSuccess: ({ jobId }) => onStarted(jobId, format),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        start.mutate();
      }}
    >
      <Stack>
        <Select
          label="Format"
          data={exportFormats}
          value={format}
          onChange={(v) => setFormat((v as ExportFormat | null) ?? 'csv')}
          allowDeselect={false}
        />
        <ProblemAlert error={start.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={start.isPending}>
            Export
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A job started from this page, in the workspace it was started in. */
interface Started {
  workspaceId: string;
  jobId: string;
}

/** People of the current workspace; members with hidden attributes see masked values only. */
export function PeoplePage() {
  const { id, workspace } = useCurrentWorkspace();
  const client = useQueryClient();
  const { can, why } = usePermissions(id);
  const [email, setEmail] = useState('');
  const [filter, setFilter] = useState('');
  const [adding, setAdding] = useState(false);
  const [dialog, setDialog] = useState<'import' | 'export' | null>(null);
  // The last import and export stay (with their progress) until the member starts another.
  const [imported, setImported] = useState<Started | null>(null);
  const [exported, setExported] = useState<(Started & { format: ExportFormat }) | null>(null);
  const importJobId = imported?.workspaceId === id ? imported.jobId : null;
  const exportJob = exported?.workspaceId === id ? exported : null;
  // Read here rather than in the dialog, so the list is refreshed even if it was closed meanwhile.
  const importing = useJob<ImportResult>(id ?? '', importJobId, () =>
    client.invalidateQueries({ queryKey: ['people', id] }),
  );
  const exporting = useJob(id ?? '', exportJob?.jobId ?? null);
  // A page at a time (the API answers `{ items, nextCursor }`); "Load more" reads the next.
  const people = useInfiniteQuery({
    queryKey: ['people', id, filter],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: '100' });
      if (pageParam) query.set('cursor', pageParam);
      if (filter) query.set('email', filter);
      return get<{ items: Person[]; nextCursor: string | null }>(`/api/workspaces/${id}/people?${query}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(id),
    retry: false,
  });
  const items = people.data?.pages.flatMap((p) => p.items) ?? [];
  if (!id) return <PageTitle title="People" />;
  return (
    <Stack>
      <PageTitle title={`People — ${workspace?.name ?? ''}`}>
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
          <Button onClick={() => setAdding(true)}>Add person</Button>
        </Guarded>
      </PageTitle>
      <Group>
        <TextInput
          placeholder="Find by email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          w={300}
        />
        <Button variant="light" onClick={() => setFilter(email.trim())}>
          Find
        </Button>
      </Group>
      <ProblemAlert error={people.error} />
      <Table withTableBorder bg="white" data-testid="people">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>cio_id</Table.Th>
            <Table.Th>id</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Attributes</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.cioId}>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {p.cioId}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.id ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.email ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Code>{JSON.stringify(p.attributes)}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(p.createdAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {people.isSuccess && items.length === 0 && (
        <Text c="dimmed">No people yet. Add some, or send them with the Track API.</Text>
      )}
      {people.hasNextPage && (
        <Group>
          <Button
            variant="default"
            onClick={() => people.fetchNextPage()}
            loading={people.isFetchingNextPage}
            data-testid="people-load-more"
          >
            Load more
          </Button>
        </Group>
      )}
      <Modal opened={dialog === 'import'} onClose={() => setDialog(null)} title="Import people" size="lg">
        {importJobId ? (
          <Stack>
            <JobProgress
              label="Importing people"
              unit="rows"
              query={importing}
              partial={(job) =>
                job.result && (
                  <Stack gap="xs" data-testid="import-partial">
                    <Text size="sm">
                      The rows counted below were applied before the import stopped and stay applied; the
                      other rows of the file were not. Import those again to finish.
                    </Text>
                    <ImportReport result={job.result} />
                  </Stack>
                )
              }
            >
              {(job) => (
                <ImportReport result={job.result ?? { created: 0, updated: 0, failed: 0, errors: [] }} />
              )}
            </JobProgress>
            <Group justify="flex-end">
              <Button variant="default" disabled={inProgress(importing)} onClick={() => setImported(null)}>
                Import another file
              </Button>
            </Group>
          </Stack>
        ) : (
          <ImportForm workspaceId={id} onStarted={(jobId) => setImported({ workspaceId: id, jobId })} />
        )}
      </Modal>
      <Modal opened={dialog === 'export'} onClose={() => setDialog(null)} title="Export people">
        {exportJob ? (
          <Stack>
            <JobProgress label="Exporting people" unit="people" query={exporting}>
              {() => (
                <Button
                  component="a"
                  href={`/api/workspaces/${id}/people/exports/${exportJob.jobId}`}
                  download={`people.${exportJob.format}`}
                  data-testid="export-download"
                >
                  Download people.{exportJob.format}
                </Button>
              )}
            </JobProgress>
            <Group justify="flex-end">
              <Button variant="default" disabled={inProgress(exporting)} onClick={() => setExported(null)}>
                New export
              </Button>
            </Group>
          </Stack>
        ) : (
          <ExportForm
            workspaceId={id}
            onStarted={(jobId, format) => setExported({ workspaceId: id, jobId, format })}
          />
        )}
      </Modal>
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add person">
        <AddPerson
          workspaceId={id}
          onDone={() => {
            setAdding(false);
            client.invalidateQueries({ queryKey: ['people', id] });
          }}
        />
      </Modal>
    </Stack>
  );
}
