import {
  Alert,
  Badge,
  Box,
  Button,
  Code,
  FileInput,
  Group,
  JsonInput,
  List,
  Modal,
  Notification,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { Guarded } from '../components/Guarded';
import { JobCounts, JobProgress } from '../components/JobProgress';
import { ProblemAlert } from '../components/ProblemAlert';
import { PageTitle, useCurrentWorkspace } from '../components/Shell';
import { del, get, patch, post, upload } from '../lib/api';
import { formatDateTime, useMe, usePermissions } from '../lib/hooks';
import { type SendResult, useJob } from '../lib/jobs';
import {
  type CopyResult,
  changedFields,
  type EmailMessage,
  editableBody,
  emailMessages,
  type Page,
  type ResourceItem,
  type ResourceKind,
  text,
} from '../lib/resources';
import type { EffectivePermissions } from '../lib/types';

/**
 * The one page of every workspace resource of lib/resources.ts: its list a page at a time, and the
 * actions its entry declares (create and edit as JSON, delete, copy to another workspace, upload,
 * preview), each guarded by the kind's permission in the current workspace.
 */

type Body = Record<string, unknown>;

/** What the member just did, shown until closed (or for a while when there is nothing to read). */
interface Notice {
  title: string;
  color: 'teal' | 'yellow';
  lines?: string[];
}

const base = (workspaceId: string, kind: ResourceKind) => `/api/workspaces/${workspaceId}/${kind.path}`;
const titleOf = (kind: ResourceKind, item: ResourceItem) =>
  kind.title ? kind.title.value(item) : text(item.name);
const pretty = (body: unknown) => JSON.stringify(body, null, 2);

function NoticeToast({ notice, onClose }: { notice: Notice | null; onClose: () => void }) {
  useEffect(() => {
    if (!notice || notice.lines?.length) return;
    const timer = setTimeout(onClose, 8000);
    return () => clearTimeout(timer);
  }, [notice, onClose]);
  if (!notice) return null;
  return (
    <Box pos="fixed" bottom={16} right={16} w={440} style={{ zIndex: 300 }}>
      <Notification
        title={notice.title}
        color={notice.color}
        onClose={onClose}
        withBorder
        data-testid="notice"
        role="status"
      >
        {notice.lines && notice.lines.length > 0 && (
          <List size="sm" spacing={2} mt={4}>
            {notice.lines.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        )}
      </Notification>
    </Box>
  );
}

/** Create (from the kind's sample) or edit (the item's editable fields), as JSON. */
function JsonEditor({
  kind,
  workspaceId,
  initial,
  item,
  onSaved,
}: {
  kind: ResourceKind;
  workspaceId: string;
  initial: Body;
  item: ResourceItem | null;
  onSaved: (saved: ResourceItem | null) => void;
}) {
  const [value, setValue] = useState(() => pretty(initial));
  const [parseError, setParseError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: Body) =>
      item
        ? patch<ResourceItem>(`${base(workspaceId, kind)}/${item.id}`, body)
        : post<ResourceItem>(base(workspaceId, kind), body),
    onSuccess: (saved) => onSaved(saved),
  });
  const submit = () => {
    let body: unknown;
    try {
      body = JSON.parse(value);
    } catch (error) {
      setParseError(`Not JSON: ${(error as Error).message}`);
      return;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      setParseError('The body is a JSON object: { "name": … }');
      return;
    }
    setParseError(null);
    const changes = item ? changedFields(initial, body as Body) : (body as Body);
    if (item && Object.keys(changes).length === 0) {
      onSaved(null);
      return;
    }
    save.mutate(changes);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        <JsonInput
          label={item ? 'Fields (JSON): those you change are saved' : 'Body (JSON)'}
          value={value}
          onChange={setValue}
          error={parseError}
          validationError="Not valid JSON"
          formatOnBlur
          autosize
          minRows={10}
          maxRows={24}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          data-testid="json-editor"
        />
        <ProblemAlert error={save.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {item ? 'Save' : 'Create'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteConfirm({
  kind,
  workspaceId,
  item,
  onDone,
  onCancel,
}: {
  kind: ResourceKind;
  workspaceId: string;
  item: ResourceItem;
  onDone: () => void;
  onCancel: () => void;
}) {
  const remove = useMutation({
    mutationFn: () => del(`${base(workspaceId, kind)}/${item.id}`),
    onSuccess: onDone,
  });
  return (
    <Stack>
      <Text size="sm">
        Delete the {kind.singular} <b>{titleOf(kind, item)}</b>? This cannot be undone.
      </Text>
      <ProblemAlert error={remove.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
          Delete
        </Button>
      </Group>
    </Stack>
  );
}

/** Copy to another of the member's workspaces; those where they may not create it are disabled. */
function CopyForm({
  kind,
  workspaceId,
  item,
  onDone,
}: {
  kind: ResourceKind;
  workspaceId: string;
  item: ResourceItem;
  onDone: (result: CopyResult, target: string) => void;
}) {
  const me = useMe().data!;
  const targets = me.workspaces.filter((w) => w.id !== workspaceId);
  const create = kind.permissions.create!;
  // The same queries (and cache) as usePermissions, one per other workspace.
  const permissions = useQueries({
    queries: targets.map((w) => ({
      queryKey: ['permissions', me.member.id, w.id],
      queryFn: () =>
        get<EffectivePermissions>(`/api/team-members/${me.member.id}/permissions?workspaceId=${w.id}`),
      staleTime: 30_000,
    })),
  });
  const [target, setTarget] = useState<string | null>(null);
  const copy = useMutation({
    mutationFn: (targetWorkspaceId: string) =>
      post<CopyResult>(`${base(workspaceId, kind)}/${item.id}/copy`, { targetWorkspaceId }),
    onSuccess: (result, targetWorkspaceId) =>
      onDone(result, targets.find((w) => w.id === targetWorkspaceId)?.name ?? 'the workspace'),
  });
  const data = targets.map((w, i) => {
    const allowed = permissions[i]?.data?.permissions.find((p) => p.key === create)?.allowed;
    return {
      value: w.id,
      label: allowed === false ? `${w.name} (needs ${create})` : w.name,
      disabled: allowed === false,
    };
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (target) copy.mutate(target);
      }}
    >
      <Stack>
        <Text size="sm">
          Copy <b>{titleOf(kind, item)}</b> to another workspace. Layouts, segments, webhooks and snippets it
          uses are matched by name there; those missing are listed after the copy.
        </Text>
        <Select
          label="Target workspace"
          placeholder="Choose a workspace"
          data={data}
          value={target}
          onChange={setTarget}
          allowDeselect={false}
        />
        <ProblemAlert error={copy.error} />
        <Group justify="flex-end">
          <Button type="submit" disabled={!target} loading={copy.isPending}>
            Copy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function UploadForm({
  kind,
  workspaceId,
  onDone,
}: {
  kind: ResourceKind;
  workspaceId: string;
  onDone: (item: ResourceItem) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  // Whether the name is the member's own; otherwise it follows the chosen file.
  const [named, setNamed] = useState(false);
  const send = useMutation({
    mutationFn: (f: File) =>
      upload<ResourceItem>(`${base(workspaceId, kind)}?name=${encodeURIComponent(name.trim() || f.name)}`, f),
    onSuccess: onDone,
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (file) send.mutate(file);
      }}
    >
      <Stack>
        <FileInput
          label="File"
          description={`One of ${(kind.upload?.accept ?? []).join(', ')}`}
          placeholder="Choose a file"
          accept={(kind.upload?.accept ?? []).join(',')}
          value={file}
          onChange={(f) => {
            setFile(f);
            send.reset();
            if (!named) setName(f?.name ?? '');
          }}
          clearable
        />
        <TextInput
          label="Name"
          value={name}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setName(value);
            // Emptied, the name follows the file again.
            setNamed(value.trim() !== '');
          }}
        />
        <ProblemAlert error={send.error} />
        <Group justify="flex-end">
          <Button type="submit" disabled={!file} loading={send.isPending}>
            Upload
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A message rendered for one person (or for nobody: empty values). */
function PreviewForm({ workspaceId, item }: { workspaceId: string; item: ResourceItem }) {
  const [cioId, setCioId] = useState('');
  const preview = useMutation({
    mutationFn: () =>
      post<{ subject: string; body: string }>(
        `/api/workspaces/${workspaceId}/messages/${item.id}/preview`,
        cioId.trim() ? { cioId: cioId.trim() } : {},
      ),
  });
  return (
    <Stack>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          preview.mutate();
        }}
      >
        <Group align="flex-end">
          <TextInput
            label="Person (cio_id)"
            description="Leave empty to render without a person"
            value={cioId}
            onChange={(e) => setCioId(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button type="submit" loading={preview.isPending}>
            Preview
          </Button>
        </Group>
      </form>
      <ProblemAlert error={preview.error} />
      {preview.data && (
        <Stack gap="xs" data-testid="preview">
          <Text size="sm">
            <b>Subject:</b> {preview.data.subject}
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap' }}>
            {preview.data.body}
          </Code>
        </Stack>
      )}
    </Stack>
  );
}

/** Sends a broadcast to a segment (chosen among the workspace's, with their counts), as a job. */
function SendForm({
  kind,
  workspaceId,
  item,
  onStarted,
}: {
  kind: ResourceKind;
  workspaceId: string;
  item: ResourceItem;
  onStarted: () => void;
}) {
  const segments = useQuery({
    queryKey: ['segment-options', workspaceId],
    queryFn: () => get<Page>(`/api/workspaces/${workspaceId}/segments?limit=500`),
  });
  const audience = item.audience as { segmentIds?: unknown } | undefined;
  const [segmentId, setSegmentId] = useState<string | null>(
    Array.isArray(audience?.segmentIds) && typeof audience.segmentIds[0] === 'string'
      ? audience.segmentIds[0]
      : null,
  );
  const send = useMutation({
    mutationFn: (id: string) =>
      post<{ jobId: string; recipients: number }>(`${base(workspaceId, kind)}/${item.id}/send`, {
        segmentId: id,
      }),
    onSuccess: onStarted,
  });
  const job = useJob<SendResult>(workspaceId, send.data?.jobId ?? null);
  if (send.data) {
    const { recipients } = send.data;
    return (
      <Stack>
        <Text size="sm">
          Sending <b>{titleOf(kind, item)}</b> to {recipients.toLocaleString()}{' '}
          {recipients === 1 ? 'person' : 'people'}.
        </Text>
        <JobProgress label="Sending" unit="people" query={job}>
          {(done) => {
            const r = done.result;
            return (
              <JobCounts
                testId="send-counts"
                counts={[
                  ['Queued', r?.queued ?? 0],
                  ['Suppressed', r?.suppressed ?? 0],
                  ['Skipped', r?.skipped ?? 0],
                ]}
              />
            );
          }}
        </JobProgress>
        <Text size="xs" c="dimmed">
          Suppressed: held back by the workspace’s send mode. Skipped: people without an email address.
        </Text>
      </Stack>
    );
  }
  // A segment deleted since (or never in this workspace) is no choice: the select starts empty.
  const chosen =
    segmentId !== null && segments.isSuccess && !segments.data.items.some((s) => s.id === segmentId)
      ? null
      : segmentId;
  const options = (segments.data?.items ?? []).map((s) => {
    const count = typeof s.count === 'number' ? s.count : null;
    return {
      value: s.id,
      label: `${text(s.name)} (${count === null ? '?' : count.toLocaleString()} ${count === 1 ? 'person' : 'people'})`,
    };
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) send.mutate(chosen);
      }}
    >
      <Stack>
        <Text size="sm">
          Each email message of <b>{titleOf(kind, item)}</b> goes to each person of the segment, under the
          workspace’s send mode.
        </Text>
        <Select
          label="Segment"
          placeholder={segments.isPending ? 'Loading segments…' : 'Choose a segment'}
          data={options}
          value={chosen}
          onChange={setSegmentId}
          allowDeselect={false}
          searchable
          nothingFoundMessage="No segment of that name"
        />
        {segments.isSuccess && options.length === 0 && (
          <Text size="sm" c="dimmed">
            This workspace has no segment yet.
          </Text>
        )}
        <ProblemAlert error={segments.error} />
        <ProblemAlert error={send.error} />
        <Group justify="flex-end">
          <Button type="submit" disabled={!chosen} loading={send.isPending}>
            Send
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface Delivery {
  state: string;
  recipient: string | null;
  reason: string | null;
}

/** What became of a send: where it went, or why it did not leave. */
const deliverySummary = (d: Delivery) =>
  d.state === 'suppressed' || d.state === 'failed'
    ? `${d.state}: ${d.reason ?? 'no reason given'}`
    : `${d.state} → ${d.recipient ?? '—'}`;

/** One email message, test-sent to yourself (or the workspace's test recipient) on demand. */
function TestSendRow({
  workspaceId,
  message,
  cioId,
}: {
  workspaceId: string;
  message: EmailMessage;
  cioId: string;
}) {
  const send = useMutation({
    mutationFn: () =>
      post<Delivery>(
        `/api/workspaces/${workspaceId}/messages/${message.id}/send-test`,
        cioId ? { cioId } : {},
      ),
  });
  return (
    <Table.Tr data-testid={`message-${message.name}`}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {message.name}
        </Text>
        <Text size="xs" c="dimmed">
          {message.subject}
        </Text>
      </Table.Td>
      <Table.Td>
        {send.data && (
          <Badge
            variant="light"
            tt="none"
            color={send.data.state === 'suppressed' || send.data.state === 'failed' ? 'yellow' : 'teal'}
            data-testid="test-delivery"
          >
            {deliverySummary(send.data)}
          </Badge>
        )}
        <ProblemAlert error={send.error} />
      </Table.Td>
      <Table.Td>
        <Button size="xs" variant="light" loading={send.isPending} onClick={() => send.mutate()}>
          Send test
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** The item's email messages, each test-sent on its own, optionally rendered for one person. */
function SendTestForm({ workspaceId, item }: { workspaceId: string; item: ResourceItem }) {
  const [cioId, setCioId] = useState('');
  const messages = emailMessages(item);
  return (
    <Stack>
      <Text size="sm">
        A test goes to you, to the workspace’s test recipient in test mode, and nowhere in “never” mode
        (recorded as suppressed). It records no metrics.
      </Text>
      <TextInput
        label="Render for (cio_id)"
        description="Leave empty to render without a person"
        value={cioId}
        onChange={(e) => setCioId(e.currentTarget.value)}
      />
      <Table withTableBorder>
        <Table.Tbody>
          {messages.map((m) => (
            <TestSendRow key={m.id} workspaceId={workspaceId} message={m} cioId={cioId.trim()} />
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

type Dialog =
  | { type: 'create'; initial: Body }
  | { type: 'edit'; item: ResourceItem }
  | { type: 'delete'; item: ResourceItem }
  | { type: 'copy'; item: ResourceItem }
  | { type: 'upload' }
  | { type: 'preview'; item: ResourceItem }
  | { type: 'send'; item: ResourceItem }
  | { type: 'send-test'; item: ResourceItem };

function ResourceList({ kind, workspaceId }: { kind: ResourceKind; workspaceId: string }) {
  const { workspace } = useCurrentWorkspace();
  const me = useMe().data!;
  const client = useQueryClient();
  const { can, why, ready } = usePermissions(workspaceId);
  const [filter, setFilter] = useState<string | null>(null);
  // The last dialog stays while the modal closes, so its content does not vanish mid-transition.
  const [dialog, showDialog] = useState<Dialog | null>(null);
  const [opened, setOpened] = useState(false);
  const setDialog = (next: Dialog) => {
    showDialog(next);
    setOpened(true);
  };
  const [notice, setNotice] = useState<Notice | null>(null);
  const [opening, setOpening] = useState(false);
  const mayView = can(kind.permissions.view);
  const allowed = (key: string | undefined) => key !== undefined && can(key);
  const list = useInfiniteQuery({
    queryKey: ['resources', workspaceId, kind.path, filter],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams();
      query.set('limit', '50');
      if (pageParam) query.set('cursor', pageParam);
      if (kind.filter && filter) query.set(kind.filter.param, filter);
      const qs = query.toString();
      return get<Page>(`${base(workspaceId, kind)}${qs ? `?${qs}` : ''}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: mayView,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const refresh = () => client.invalidateQueries({ queryKey: ['resources', workspaceId, kind.path] });
  const close = () => setOpened(false);
  const closeNotice = useCallback(() => setNotice(null), []);
  const otherWorkspaces = me.workspaces.filter((w) => w.id !== workspaceId);
  const audit = kind.audit ?? { createdBy: true, updatedAt: true };
  const hasActions = Boolean(
    kind.permissions.edit || kind.permissions.delete || kind.copy || kind.upload || kind.preview || kind.send,
  );
  /** A row action the member may lack: disabled, with the missing permission (or `unless`) as the reason. */
  const guardedAction = (
    permission: string | undefined,
    label: string,
    onClick: () => void,
    options: { color?: string; unless?: string | null } = {},
  ) =>
    permission && (
      <Guarded
        allowed={allowed(permission) && !options.unless}
        why={allowed(permission) ? (options.unless ?? '') : why(permission)}
      >
        <Button size="xs" variant="subtle" color={options.color} onClick={onClick}>
          {label}
        </Button>
      </Guarded>
    );

  const openCreate = async () => {
    if (!kind.sample) return;
    setOpening(true);
    try {
      const initial = typeof kind.sample === 'function' ? await kind.sample(workspaceId) : kind.sample;
      setDialog({ type: 'create', initial });
    } catch {
      setDialog({ type: 'create', initial: {} });
    } finally {
      setOpening(false);
    }
  };

  const title = (() => {
    if (!dialog) return '';
    switch (dialog.type) {
      case 'create':
        return `Create ${kind.singular}`;
      case 'edit':
        return `Edit ${kind.singular} ${titleOf(kind, dialog.item)}`;
      case 'delete':
        return `Delete ${kind.singular}`;
      case 'copy':
        return `Copy ${kind.singular} to another workspace`;
      case 'upload':
        return `Upload ${kind.singular}`;
      case 'preview':
        return `Preview ${titleOf(kind, dialog.item)}`;
      case 'send':
        return `Send ${kind.singular} ${titleOf(kind, dialog.item)}`;
      case 'send-test':
        return `Send a test of ${titleOf(kind, dialog.item)}`;
    }
  })();

  let body: ReactNode = null;
  if (dialog?.type === 'create' || dialog?.type === 'edit') {
    const item = dialog.type === 'edit' ? dialog.item : null;
    body = (
      <JsonEditor
        key={item?.id ?? 'new'}
        kind={kind}
        workspaceId={workspaceId}
        item={item}
        initial={item ? editableBody(kind, item) : dialog.type === 'create' ? dialog.initial : {}}
        onSaved={(saved) => {
          close();
          if (!saved) return;
          refresh();
          setNotice({
            title: `${item ? 'Saved' : 'Created'} ${kind.singular} ${titleOf(kind, saved)}`,
            color: 'teal',
          });
        }}
      />
    );
  } else if (dialog?.type === 'delete') {
    const item = dialog.item;
    body = (
      <DeleteConfirm
        kind={kind}
        workspaceId={workspaceId}
        item={item}
        onCancel={close}
        onDone={() => {
          close();
          refresh();
          setNotice({ title: `Deleted ${kind.singular} ${titleOf(kind, item)}`, color: 'teal' });
        }}
      />
    );
  } else if (dialog?.type === 'copy') {
    body = (
      <CopyForm
        kind={kind}
        workspaceId={workspaceId}
        item={dialog.item}
        onDone={(result, target) => {
          close();
          client.invalidateQueries({ queryKey: ['resources'] });
          const missing = result.missingReferences;
          setNotice({
            title: `Copied to ${target} as ${titleOf(kind, result.item)}${
              missing.length
                ? `; ${missing.length} reference${missing.length > 1 ? 's' : ''} not found there`
                : ''
            }`,
            color: missing.length ? 'yellow' : 'teal',
            lines: missing.map(
              (r) =>
                `${r.kind.replace(/s$/, '')} "${r.name ?? r.value}": ${
                  r.by === 'id' ? 'cleared' : 'kept in the text'
                } (${r.path})`,
            ),
          });
        }}
      />
    );
  } else if (dialog?.type === 'upload') {
    body = (
      <UploadForm
        kind={kind}
        workspaceId={workspaceId}
        onDone={(item) => {
          close();
          refresh();
          setNotice({ title: `Uploaded ${titleOf(kind, item)}`, color: 'teal' });
        }}
      />
    );
  } else if (dialog?.type === 'preview') {
    body = <PreviewForm workspaceId={workspaceId} item={dialog.item} />;
  } else if (dialog?.type === 'send') {
    body = (
      <SendForm
        key={dialog.item.id}
        kind={kind}
        workspaceId={workspaceId}
        item={dialog.item}
        onStarted={refresh}
      />
    );
  } else if (dialog?.type === 'send-test') {
    body = <SendTestForm key={dialog.item.id} workspaceId={workspaceId} item={dialog.item} />;
  }

  return (
    <Stack>
      <PageTitle title={`${kind.label} — ${workspace?.name ?? ''}`}>
        {kind.sample && (
          <Guarded allowed={allowed(kind.permissions.create)} why={why(kind.permissions.create ?? '')}>
            <Button onClick={openCreate} loading={opening} data-testid="create-button">
              Create {kind.singular}
            </Button>
          </Guarded>
        )}
        {kind.upload && (
          <Guarded allowed={allowed(kind.permissions.create)} why={why(kind.permissions.create ?? '')}>
            <Button onClick={() => setDialog({ type: 'upload' })} data-testid="upload-button">
              Upload {kind.singular}
            </Button>
          </Guarded>
        )}
      </PageTitle>
      {ready && !mayView && <Alert color="gray">{why(kind.permissions.view)}</Alert>}
      {kind.filter && mayView && (
        <Group>
          <Select
            label={kind.filter.label}
            placeholder="All"
            data={[...kind.filter.values]}
            value={filter}
            onChange={setFilter}
            clearable
            w={220}
          />
        </Group>
      )}
      <ProblemAlert error={list.error} />
      {mayView && (
        // Narrower than the columns and row actions need (a 1024 px window), it scrolls sideways.
        <Table.ScrollContainer minWidth={800} type="native">
          <Table withTableBorder highlightOnHover bg="white" data-testid="resources">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{kind.title?.label ?? 'Name'}</Table.Th>
                {kind.columns.map((c) => (
                  <Table.Th key={c.label}>{c.label}</Table.Th>
                ))}
                {audit.createdBy && <Table.Th>Created by</Table.Th>}
                {audit.updatedAt && <Table.Th>Updated</Table.Th>}
                {hasActions && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => {
                const name = titleOf(kind, item);
                return (
                  <Table.Tr key={item.id} data-testid={`row-${name}`}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {name}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {item.id}
                      </Text>
                    </Table.Td>
                    {kind.columns.map((c) => {
                      const v = c.value(item);
                      return (
                        <Table.Td key={c.label} style={c.badge ? { whiteSpace: 'nowrap' } : undefined}>
                          {c.badge && v !== '—' ? (
                            <Badge
                              variant="light"
                              size="sm"
                              tt="none"
                              // A state is a word or two: shown whole, never cut to "pa…".
                              styles={{
                                root: { overflow: 'visible' },
                                label: { overflow: 'visible', textOverflow: 'clip' },
                              }}
                            >
                              {v}
                            </Badge>
                          ) : (
                            <Text
                              size="sm"
                              ff={c.mono ? 'monospace' : undefined}
                              // Ids and URLs may break anywhere; words ("event signed_up") only between them.
                              style={c.mono ? { wordBreak: 'break-all' } : { overflowWrap: 'break-word' }}
                            >
                              {v}
                            </Text>
                          )}
                        </Table.Td>
                      );
                    })}
                    {audit.createdBy && (
                      <Table.Td>
                        <Text size="sm">{text(item.createdBy)}</Text>
                      </Table.Td>
                    )}
                    {audit.updatedAt && (
                      <Table.Td>
                        <Text size="sm">
                          {formatDateTime(typeof item.updatedAt === 'string' ? item.updatedAt : null)}
                        </Text>
                      </Table.Td>
                    )}
                    {hasActions && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          {kind.preview && (
                            <Button
                              size="xs"
                              variant="subtle"
                              onClick={() => setDialog({ type: 'preview', item })}
                            >
                              Preview
                            </Button>
                          )}
                          {kind.send?.segment &&
                            guardedAction(
                              kind.permissions.send,
                              'Send',
                              () => setDialog({ type: 'send', item }),
                              {
                                // The API refuses a second send of a newsletter (an API-triggered one sends each time).
                                unless:
                                  item.type === 'newsletter' && item.state === 'sent'
                                    ? 'A newsletter is sent once'
                                    : null,
                              },
                            )}
                          {kind.send?.test &&
                            guardedAction(
                              kind.permissions.send,
                              'Send test',
                              () => setDialog({ type: 'send-test', item }),
                              {
                                unless:
                                  emailMessages(item).length === 0
                                    ? 'It has no email message to test.'
                                    : null,
                              },
                            )}
                          {kind.upload && (
                            <Button
                              size="xs"
                              variant="subtle"
                              component="a"
                              href={`${base(workspaceId, kind)}/${item.id}/content`}
                              download={name}
                            >
                              Download
                            </Button>
                          )}
                          {guardedAction(kind.permissions.edit, 'Edit', () =>
                            setDialog({ type: 'edit', item }),
                          )}
                          {kind.copy && (
                            <Guarded
                              allowed={otherWorkspaces.length > 0}
                              why="There is no other workspace of yours to copy it to."
                            >
                              <Button
                                size="xs"
                                variant="subtle"
                                onClick={() => setDialog({ type: 'copy', item })}
                              >
                                Copy
                              </Button>
                            </Guarded>
                          )}
                          {guardedAction(
                            kind.permissions.delete,
                            'Delete',
                            () => setDialog({ type: 'delete', item }),
                            {
                              color: 'red',
                            },
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.isSuccess && items.length === 0 && (
        <Text c="dimmed" data-testid="empty">
          No {kind.label.toLowerCase()} {filter ? `in state ${filter} ` : ''}yet.
        </Text>
      )}
      {list.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
      <Modal opened={opened} onClose={close} title={title} size={dialog?.type === 'delete' ? 'md' : 'xl'}>
        {body}
      </Modal>
      <NoticeToast notice={notice} onClose={closeNotice} />
    </Stack>
  );
}

/** The page of one kind in the current workspace (started afresh in another workspace). */
export function ResourcePage({ kind }: { kind: ResourceKind }) {
  const { id } = useCurrentWorkspace();
  if (!id) return <PageTitle title={kind.label} />;
  return <ResourceList key={id} kind={kind} workspaceId={id} />;
}
