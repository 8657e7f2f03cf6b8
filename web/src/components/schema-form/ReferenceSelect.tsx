import { MultiSelect, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { listItems } from '../../lib/resource-items';
import { useResourceKinds } from '../../lib/resource-kinds';
import { useWorkspaceId } from './context';

/** The items of the kind an id field points at (a message's layout, an audience's segments), by name. */
function useOptions(prefix: string) {
  const workspaceId = useWorkspaceId();
  const kinds = useResourceKinds();
  const kind = kinds.data?.items.find((k) => k.prefix === prefix && k.schema !== null);
  const items = useQuery({
    queryKey: ['resources', workspaceId, kind?.path, 'options'],
    queryFn: () => listItems(workspaceId, kind!, { limit: 500 }),
    enabled: Boolean(kind),
  });
  const title = kind?.list.title.field ?? 'name';
  return {
    kind,
    /** No kind of the console has items of this prefix: an id the server gives (a message's own). */
    serverGiven: kinds.isSuccess && !kind,
    loading: kind ? items.isPending : kinds.isPending,
    data: (items.data?.items ?? []).map((item) => ({
      value: item.id,
      label: String(item[title] ?? item.id),
    })),
  };
}

interface Props {
  prefix: string;
  label: string;
  description?: string;
  error?: string;
  required: boolean;
}

export function ReferenceSelect({
  prefix,
  value,
  onChange,
  ...props
}: Props & { value: string | null; onChange: (value: string | null) => void }) {
  const options = useOptions(prefix);
  if (options.serverGiven) return null;
  // An id of another workspace, or of an item deleted since: still offered, so nothing is lost silently.
  const data =
    value && !options.data.some((o) => o.value === value)
      ? [...options.data, { value, label: options.loading ? 'Loading…' : 'An item no longer here' }]
      : options.data;
  const none = options.kind ? `No ${options.kind.label.singular.toLowerCase()} yet` : 'None yet';
  return (
    <Select
      {...props}
      withAsterisk={props.required}
      data={data}
      value={value}
      onChange={onChange}
      clearable={!props.required}
      searchable
      placeholder={options.loading ? 'Loading…' : data.length === 0 ? none : 'Choose one'}
      nothingFoundMessage="Nothing of that name"
    />
  );
}

export function ReferenceMultiSelect({
  prefix,
  value,
  onChange,
  ...props
}: Props & { value: string[]; onChange: (value: string[]) => void }) {
  const options = useOptions(prefix);
  if (options.serverGiven) return null;
  const data = [
    ...options.data,
    ...value
      .filter((v) => !options.data.some((o) => o.value === v))
      .map((v) => ({ value: v, label: options.loading ? 'Loading…' : 'An item no longer here' })),
  ];
  return (
    <MultiSelect
      {...props}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      placeholder={options.loading ? 'Loading…' : 'Choose any'}
      nothingFoundMessage="Nothing of that name"
    />
  );
}
