import { Button, FileInput, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fileBody, sdk, unwrap } from '../../lib/api';
import { type ResourceKind, singularOf } from '../../lib/resource-kinds';

const typeNames: Record<string, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
};

/** Upload a file as a new item (assets: the only kind created from a file). */
export function UploadDialog({
  kind,
  workspaceId,
  opened,
  onClose,
  onDone,
}: {
  kind: ResourceKind;
  workspaceId: string;
  opened: boolean;
  onClose: () => void;
  onDone: (name: string) => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={`Upload ${singularOf(kind)}`}
      size="lg"
    >
      {opened && <UploadForm kind={kind} workspaceId={workspaceId} onDone={onDone} />}
    </Modal>
  );
}

function UploadForm({
  kind,
  workspaceId,
  onDone,
}: {
  kind: ResourceKind;
  workspaceId: string;
  onDone: (name: string) => void;
}) {
  const accept = kind.upload?.accept ?? [];
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  // Whether the name is the member's own; otherwise it follows the chosen file.
  const [named, setNamed] = useState(false);
  const send = useMutation({
    mutationFn: (f: File) =>
      unwrap(
        sdk.POST('/api/workspaces/{workspaceId}/assets', {
          params: { path: { workspaceId }, query: { name: name.trim() || f.name } },
          ...fileBody(f),
        }),
      ),
    onSuccess: (item) => onDone(item.name),
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
          description={`An image or a document: ${accept.map((t) => typeNames[t] ?? t).join(', ')}`}
          placeholder="Choose a file"
          accept={accept.join(',')}
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
