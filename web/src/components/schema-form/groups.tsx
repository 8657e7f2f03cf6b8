import { ActionIcon, Button, Fieldset, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useFieldError } from './context';
import { type FieldProps, SchemaField } from './SchemaField';
import {
  type Fields,
  initialValue,
  isRecord,
  type JsonSchema,
  labelOf,
  singular,
  type Value,
} from './schema';

/** The fields of an object, each from its property's schema. */
export function PropertyList({
  schema,
  path,
  value,
  onChange,
  skip,
}: {
  schema: JsonSchema;
  path: string;
  value: Fields;
  onChange: (value: Fields) => void;
  skip?: string;
}) {
  const required = new Set(schema.required ?? []);
  return (
    <Stack gap="sm">
      {Object.entries(schema.properties ?? {})
        .filter(([key]) => key !== skip)
        .map(([key, s]) => (
          <SchemaField
            key={key}
            schema={s}
            name={key}
            path={`${path}/${key}`}
            value={value[key]}
            required={required.has(key)}
            onChange={(v) => onChange({ ...value, [key]: v })}
          />
        ))}
    </Stack>
  );
}

function GroupError({ path }: { path: string }) {
  const error = useFieldError(path);
  return error ? (
    <Text size="sm" c="red">
      {error}
    </Text>
  ) : null;
}

/** A nested object (a broadcast's audience): its fields in a fieldset. */
export function ObjectFields(props: FieldProps) {
  const value = isRecord(props.value) ? props.value : {};
  return (
    <Fieldset legend={labelOf(props.schema, props.name)}>
      {props.schema.description && (
        <Text size="xs" c="dimmed" mb="xs">
          {props.schema.description}
        </Text>
      )}
      <PropertyList schema={props.schema} path={props.path} value={value} onChange={props.onChange} />
      <GroupError path={props.path} />
    </Fieldset>
  );
}

/** A list of objects (a campaign's messages): one group each, added and removed by buttons. */
export function ArrayOfObjects(props: FieldProps) {
  const items = props.schema.items!;
  const list = Array.isArray(props.value) ? (props.value as Value[]) : [];
  const label = labelOf(props.schema, props.name);
  const one = singular(label);
  const full = props.schema.maxItems !== undefined && list.length >= props.schema.maxItems;
  return (
    <Fieldset legend={label}>
      <Stack gap="sm">
        {list.length === 0 && (
          <Text size="sm" c="dimmed">
            No {one} yet.
          </Text>
        )}
        {list.map((entry, i) => {
          const name = isRecord(entry) && typeof entry.name === 'string' && entry.name ? entry.name : null;
          const title = `${one.charAt(0).toUpperCase()}${one.slice(1)} ${i + 1}${name ? `: ${name}` : ''}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries are edited in place, by position
            <Paper key={i} withBorder p="sm" radius="sm">
              <Group justify="space-between" mb="xs" wrap="nowrap">
                <Text fw={600} size="sm">
                  {title}
                </Text>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => props.onChange(list.filter((_, j) => j !== i))}
                >
                  Remove {one}
                </Button>
              </Group>
              <PropertyList
                schema={items}
                path={`${props.path}/${i}`}
                value={isRecord(entry) ? entry : {}}
                onChange={(v) => props.onChange(list.map((e, j) => (j === i ? v : e)))}
              />
              <GroupError path={`${props.path}/${i}`} />
            </Paper>
          );
        })}
        <Group>
          <Button
            size="xs"
            variant="light"
            disabled={full}
            onClick={() => props.onChange([...list, initialValue(items)])}
          >
            Add {one}
          </Button>
        </Group>
        <GroupError path={props.path} />
      </Stack>
    </Fieldset>
  );
}

/**
 * A union of objects told apart by a constant (a campaign's trigger: a segment, an event or a
 * webhook): a choice of which, then that one's fields. Nullable: "None" is a choice too.
 */
export function Variants({
  options,
  discriminatorKey,
  nullable,
  ...props
}: FieldProps & { options: JsonSchema[]; discriminatorKey: string; nullable: boolean }) {
  const error = useFieldError(props.path);
  const value = isRecord(props.value) ? props.value : null;
  const chosen = value
    ? options.find((o) => o.properties?.[discriminatorKey]?.const === value[discriminatorKey])
    : null;
  const data = [
    ...(nullable || !props.required ? [{ value: '', label: 'None' }] : []),
    ...options.map((o) => {
      const tag = String(o.properties?.[discriminatorKey]?.const);
      return { value: tag, label: o.title ?? tag };
    }),
  ];
  return (
    <Stack gap="xs">
      <Select
        label={labelOf(props.schema, props.name)}
        description={props.schema.description}
        error={error}
        data={data}
        value={chosen ? String(chosen.properties?.[discriminatorKey]?.const) : ''}
        allowDeselect={false}
        onChange={(tag) => {
          const option = options.find((o) => String(o.properties?.[discriminatorKey]?.const) === tag);
          props.onChange(option ? initialValue(option) : nullable ? null : undefined);
        }}
      />
      {chosen && value && Object.keys(chosen.properties ?? {}).length > 1 && (
        <PropertyList
          schema={chosen}
          path={props.path}
          value={value}
          onChange={props.onChange}
          skip={discriminatorKey}
        />
      )}
    </Stack>
  );
}

/** A value typed as text: a number, true or false, or JSON when it reads as such; otherwise text. */
function parsed(text: string): Value {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
const shown = (value: Value) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Free-form names and values (an object's attributes, an integration's settings). */
export function KeyValues(props: FieldProps) {
  const error = useFieldError(props.path);
  const entries = Object.entries(isRecord(props.value) ? props.value : {});
  const label = labelOf(props.schema, props.name);
  const set = (next: [string, Value][]) => props.onChange(Object.fromEntries(next));
  return (
    <Fieldset legend={label}>
      <Stack gap="xs">
        {entries.length === 0 && (
          <Text size="sm" c="dimmed">
            None yet.
          </Text>
        )}
        {entries.map(([key, v], i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a name being typed changes; its place does not
          <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              label="Name"
              value={key}
              style={{ flex: 1 }}
              onChange={(e) => set(entries.map((en, j) => (j === i ? [e.currentTarget.value, en[1]] : en)))}
            />
            <TextInput
              label="Value"
              value={shown(v)}
              style={{ flex: 2 }}
              onChange={(e) =>
                set(entries.map((en, j) => (j === i ? [en[0], parsed(e.currentTarget.value)] : en)))
              }
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={`Remove ${key || 'this entry'}`}
              onClick={() => set(entries.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            size="xs"
            variant="light"
            // A name not yet taken, so the new row is not merged into another.
            onClick={() => set([...entries, [`name${entries.length + 1}`, '']])}
          >
            Add {label.toLowerCase() === 'settings' ? 'setting' : 'attribute'}
          </Button>
        </Group>
        {props.schema.description && (
          <Text size="xs" c="dimmed">
            {props.schema.description}
          </Text>
        )}
        {error && (
          <Text size="sm" c="red">
            {error}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
