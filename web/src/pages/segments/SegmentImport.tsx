import { Alert, Button, FileInput, Group, Loader, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Guarded } from '../../components/Guarded';
import { ProblemAlert } from '../../components/ProblemAlert';
import { PageTitle, useCurrentWorkspace } from '../../components/Shell';
import { EmptyState, QueryView } from '../../components/States';
import { type Answer, fileBody, sdk, unwrap } from '../../lib/api';
import { notifySuccess, usePageTitle } from '../../lib/feedback';
import { usePermissions } from '../../lib/hooks';
import { people } from '../../lib/words';
import { type Segment, segmentOption, useSegments } from './data';

type Report = Answer<'/api/workspaces/{workspaceId}/segments/{id}/import', 'post'>;

/** Adds people to a manual segment from a CSV file that names them by email, id or cio_id. */
export function SegmentImportPage() {
  usePageTitle('Import into a segment');
  const { id: workspaceId } = useCurrentWorkspace();
  const segments = useSegments(workspaceId);
  const [chosen, setChosen] = useState<string | null>(null);
  if (!workspaceId) return null;
  return (
    <>
      <PageTitle title="Import into a segment" />
      <QueryView
        query={segments}
        empty={(d) => d.items.every((s) => s.type !== 'manual')}
        emptyState={
          <EmptyState title="No manual segment yet">
            A manual segment holds the people you import into it. Create a segment of the manual type under
            Segments, then import its people here.
          </EmptyState>
        }
      >
        {(data) => {
          const manual = data.items.filter((s) => s.type === 'manual');
          const segment = manual.find((s) => s.id === chosen) ?? manual[0]!;
          return (
            <Stack>
              <Select
                label="Segment"
                data={manual.map(segmentOption)}
                value={segment.id}
                onChange={setChosen}
                allowDeselect={false}
                searchable
                maw={480}
              />
              <ImportForm key={segment.id} workspaceId={workspaceId} segment={segment} />
            </Stack>
          );
        }}
      </QueryView>
    </>
  );
}

function ImportForm({ workspaceId, segment }: { workspaceId: string; segment: Segment }) {
  const client = useQueryClient();
  const { can, why } = usePermissions(workspaceId);
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (csv: File) =>
      unwrap(
        sdk.POST('/api/workspaces/{workspaceId}/segments/{id}/import', {
          params: { path: { workspaceId, id: segment.id } },
          ...fileBody(csv, 'text/csv'),
        }),
      ),
    onSuccess: async (report) => {
      await client.invalidateQueries({ queryKey: ['segment-options', workspaceId] });
      notifySuccess(`${people(report.added)} added to ‘${segment.name}’`);
    },
  });
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file) upload.mutate(file);
        }}
      >
        <Stack>
          <Text size="sm">
            The file’s first line names one column: <b>email</b>, <b>id</b> or <b>cio_id</b>. Each following
            line names one person of this workspace, who joins ‘{segment.name}’ ({people(segment.count)} now).
            Nobody is removed.
          </Text>
          <FileInput
            label="CSV file"
            placeholder="Choose a .csv file"
            accept=".csv,text/csv"
            value={file}
            onChange={(f) => {
              setFile(f);
              upload.reset();
            }}
            clearable
            clearButtonProps={{ 'aria-label': 'Clear the chosen file' }}
            maw={480}
          />
          {upload.isPending && (
            <Group gap="xs" data-testid="import-running" role="status">
              <Loader size="sm" />
              <Text size="sm">
                Reading {file?.name} and adding its people to ‘{segment.name}’…
              </Text>
            </Group>
          )}
          <ProblemAlert error={upload.error} />
          {upload.data && <ImportReport report={upload.data} segment={segment.name} />}
          <Group justify="flex-end">
            <Guarded allowed={can('segments.import')} why={why('segments.import')}>
              <Button type="submit" disabled={!file} loading={upload.isPending}>
                Import
              </Button>
            </Guarded>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ImportReport({ report, segment }: { report: Report; segment: string }) {
  const matched = report.rows - report.unmatchedCount;
  const already = Math.max(0, matched - report.added);
  const rows = `${report.rows.toLocaleString('en-US')} ${report.rows === 1 ? 'row' : 'rows'}`;
  return (
    <Alert color={report.unmatchedCount > 0 ? 'yellow' : 'teal'} data-testid="import-report">
      <Stack gap="xs">
        <Text size="sm">
          {rows} read: {people(report.added)} added to ‘{segment}’
          {already > 0 ? `, ${already.toLocaleString('en-US')} already in it` : ''}
          {report.unmatchedCount > 0
            ? `, ${report.unmatchedCount.toLocaleString('en-US')} named nobody in this workspace.`
            : '.'}
        </Text>
        {report.unmatched.length > 0 && (
          <Table.ScrollContainer minWidth={0}>
            <Table data-testid="import-unmatched" captionSide="top">
              <Table.Caption>
                {report.unmatchedCount > report.unmatched.length
                  ? `The first ${report.unmatched.length} lines that named nobody`
                  : 'Lines that named nobody'}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Line</Table.Th>
                  <Table.Th>Value</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.unmatched.map((u) => (
                  <Table.Tr key={u.line}>
                    <Table.Td>{u.line}</Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{u.value || '(empty)'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Alert>
  );
}
