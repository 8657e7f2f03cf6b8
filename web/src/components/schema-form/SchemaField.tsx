import {
  JsonInput,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { ConditionBuilder, type Conditions } from '../ConditionBuilder';
import { useFieldError, useWorkspaceId } from './context';
import { ArrayOfObjects, KeyValues, ObjectFields, Variants } from './groups';
import { ReferenceMultiSelect, ReferenceSelect } from './ReferenceSelect';
import { branches, discriminator, idPrefix, inWords, type JsonSchema, labelOf, type Value } from './schema';

/**
 * One field of a form rendered from a JSON Schema: the Mantine input its schema calls for, labelled
 * in words, with the server's error for its path next to it.
 */
export interface FieldProps {
  schema: JsonSchema;
  name: string;
  /** The JSON pointer of the value in the body: `/messages/0/subject`. */
  path: string;
  value: Value;
  onChange: (value: Value) => void;
  required: boolean;
}

/** Long texts (a message's body, a layout's HTML) get a text area. */
const isLong = (schema: JsonSchema) => (schema.maxLength ?? 0) > 2000;

export function SchemaField(props: FieldProps) {
  const { schema, name } = props;
  if (name === 'conditions' && schema.type === 'object') return <ConditionsField {...props} />;
  if (schema.const !== undefined) return null;
  if (schema.anyOf) return <UnionField {...props} />;
  if (schema.enum) return <EnumField {...props} />;
  switch (schema.type) {
    case 'string':
      return <StringField {...props} />;
    case 'integer':
    case 'number':
      return <NumberField {...props} />;
    case 'boolean':
      return <BooleanField {...props} />;
    case 'array':
      return <ArrayField {...props} />;
    case 'object':
      return schema.properties ? <ObjectFields {...props} /> : <KeyValues {...props} />;
    default:
      return <JsonField {...props} />;
  }
}

function common(props: FieldProps, error: string | undefined) {
  return {
    label: labelOf(props.schema, props.name),
    description: props.schema.description,
    error,
    withAsterisk: props.required,
  };
}

function ConditionsField({ path, value, onChange, schema, name }: FieldProps) {
  const error = useFieldError(path);
  const workspaceId = useWorkspaceId();
  return (
    <ConditionBuilder
      value={value as Conditions | undefined}
      onChange={onChange}
      workspaceId={workspaceId}
      error={error}
      label={labelOf(schema, name)}
    />
  );
}

function StringField(props: FieldProps) {
  const error = useFieldError(props.path);
  const text = typeof props.value === 'string' ? props.value : '';
  const prefix = idPrefix(props.schema);
  if (prefix)
    return (
      <ReferenceSelect
        {...common(props, error)}
        required={props.required}
        prefix={prefix}
        value={text || null}
        onChange={(v) => props.onChange(v ?? (props.required ? '' : undefined))}
      />
    );
  if (isLong(props.schema))
    return (
      <Textarea
        {...common(props, error)}
        value={text}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        autosize
        minRows={3}
        maxRows={14}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
      />
    );
  return (
    <TextInput
      {...common(props, error)}
      type={props.schema.format === 'uri' ? 'url' : 'text'}
      value={text}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}

function NumberField(props: FieldProps) {
  const error = useFieldError(props.path);
  return (
    <NumberInput
      {...common(props, error)}
      value={typeof props.value === 'number' ? props.value : ''}
      min={props.schema.minimum}
      max={props.schema.maximum}
      allowDecimal={props.schema.type === 'number'}
      onChange={(v) => props.onChange(typeof v === 'number' ? v : undefined)}
    />
  );
}

function BooleanField(props: FieldProps) {
  const error = useFieldError(props.path);
  return (
    <Switch
      label={labelOf(props.schema, props.name)}
      description={props.schema.description}
      error={error}
      checked={props.value === true}
      onChange={(e) => props.onChange(e.currentTarget.checked)}
    />
  );
}

function EnumField(props: FieldProps) {
  const error = useFieldError(props.path);
  const options = (props.schema.enum ?? []).map((v) => ({ value: String(v), label: inWords(String(v)) }));
  const value = props.value === undefined || props.value === null ? null : String(props.value);
  // A few short choices read best side by side; more in a list.
  if (options.length <= 4 && options.every((o) => o.label.length <= 14))
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500} component="span" id={`${props.path}-label`}>
          {labelOf(props.schema, props.name)}
        </Text>
        {props.schema.description && (
          <Text size="xs" c="dimmed">
            {props.schema.description}
          </Text>
        )}
        <SegmentedControl
          aria-labelledby={`${props.path}-label`}
          data={options}
          value={value ?? ''}
          onChange={props.onChange}
          style={{ alignSelf: 'flex-start' }}
        />
        {error && (
          <Text size="xs" c="red">
            {error}
          </Text>
        )}
      </Stack>
    );
  return (
    <Select
      {...common(props, error)}
      data={options}
      value={value}
      onChange={(v) => props.onChange(v ?? undefined)}
      allowDeselect={!props.required}
    />
  );
}

function UnionField(props: FieldProps) {
  const { options, nullable } = branches(props.schema);
  const merged = { title: props.schema.title, description: props.schema.description };
  if (options.length === 1) {
    // A value or nothing (a message's layout): the one branch, optional.
    const only = { ...options[0]!, ...merged };
    return (
      <SchemaField
        {...props}
        schema={only}
        required={props.required && !nullable}
        onChange={(v) => props.onChange(v === '' || v === undefined ? (nullable ? null : v) : v)}
      />
    );
  }
  const key = discriminator(options);
  if (key) return <Variants {...props} options={options} discriminatorKey={key} nullable={nullable} />;
  return <JsonField {...props} />;
}

function ArrayField(props: FieldProps) {
  const error = useFieldError(props.path);
  const items = props.schema.items ?? {};
  const list = Array.isArray(props.value) ? props.value : [];
  if (items.type === 'object' && items.properties) return <ArrayOfObjects {...props} />;
  if (items.type === 'string') {
    const prefix = idPrefix(items);
    const strings = list.map(String);
    if (prefix)
      return (
        <ReferenceMultiSelect
          {...common(props, error)}
          required={props.required}
          prefix={prefix}
          value={strings}
          onChange={props.onChange}
        />
      );
    return <TagsInput {...common(props, error)} value={strings} onChange={props.onChange} clearable />;
  }
  return <JsonField {...props} />;
}

/** What no input fits (a collection's rows): JSON, for this field only. */
function JsonField(props: FieldProps) {
  const error = useFieldError(props.path);
  return (
    <JsonInput
      {...common(props, error)}
      defaultValue={props.value === undefined ? '' : JSON.stringify(props.value, null, 2)}
      onChange={(text) => {
        try {
          props.onChange(text.trim() === '' ? undefined : JSON.parse(text));
        } catch {
          // Kept as typed until it is JSON; the last valid value stands meanwhile.
        }
      }}
      validationError="This is not valid JSON yet"
      formatOnBlur
      autosize
      minRows={4}
      maxRows={14}
    />
  );
}
