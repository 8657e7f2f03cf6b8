import {
  ActionIcon,
  Autocomplete,
  Button,
  Fieldset,
  Flex,
  Group,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type JSX, useRef, useState } from 'react';
import { type Body, sdk, unwrap } from '../lib/api';
import { usePermissions } from '../lib/hooks';

/**
 * Conditions over people, as a segment's or a broadcast's audience holds them (the server's
 * src/features/content/conditions.ts): rows of attribute, operator and value, matched all or any.
 */
export type Conditions = NonNullable<Body<'/api/workspaces/{workspaceId}/segments', 'post'>['conditions']>;
type Rule = Conditions['rules'][number];
type Operator = Rule['operator'];

/** The server's limit on rules. */
const MAX_RULES = 50;

/** The server's operators in words: typed by the SDK, so an operator the API adds fails the build here. */
const operatorWords: Record<Operator, string> = {
  eq: 'is',
  neq: 'is not',
  contains: 'contains',
  exists: 'exists',
  not_exists: 'does not exist',
  gt: 'is greater than',
  lt: 'is less than',
};
const operators = (Object.keys(operatorWords) as Operator[]).map((value) => ({
  value,
  label: operatorWords[value],
}));
const withoutValue = new Set(['exists', 'not_exists']);
const numeric = new Set(['gt', 'lt']);

type ValueKind = 'text' | 'number' | 'boolean';
const kinds = [
  { value: 'text', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'boolean', label: 'True or false' },
];

const kindOf = (rule: Rule): ValueKind =>
  numeric.has(rule.operator) || typeof rule.value === 'number'
    ? 'number'
    : typeof rule.value === 'boolean'
      ? 'boolean'
      : 'text';

/** The identifiers every person may have, then the attributes the workspace has seen. */
const identifiers = ['email', 'id'];

/**
 * Edits conditions. Who may not edit attribute conditions in broadcasts (an Author whose role hides
 * attributes) sees them disabled with the reason: the same members hold that rule as may edit
 * segments, so the one check serves segment forms too.
 */
export function ConditionBuilder(props: {
  value: Conditions | undefined;
  onChange: (value: Conditions) => void;
  workspaceId: string;
  error?: string;
  label?: string;
}): JSX.Element {
  const { value, onChange, workspaceId, error, label = 'Conditions' } = props;
  const conditions: Conditions = value ?? { match: 'all', rules: [] };
  const permissions = usePermissions(workspaceId);
  const editable = permissions.can('broadcasts.conditions.edit');
  const disabled = permissions.ready && !editable;
  const index = useQuery({
    queryKey: ['data-index', workspaceId],
    queryFn: () =>
      unwrap(sdk.GET('/api/workspaces/{workspaceId}/data-index', { params: { path: { workspaceId } } })),
    enabled: permissions.can('data_index.view'),
    staleTime: 60_000,
  });
  const suggestions = [
    ...identifiers,
    ...(index.data?.attributes.map((a) => a.name).filter((n) => !identifiers.includes(n)) ?? []),
  ];
  // Rows have no id of their own: keys that follow adds and removals keep focus where it was.
  const [keys, setKeys] = useState<number[]>(() => conditions.rules.map((_, i) => i));
  const counter = useRef(MAX_RULES);
  const rowKeys = keys.length === conditions.rules.length ? keys : conditions.rules.map((_, i) => i);

  const setRules = (rules: Rule[]) => onChange({ ...conditions, rules });
  const update = (i: number, rule: Rule) => setRules(conditions.rules.map((r, j) => (j === i ? rule : r)));
  const add = () => {
    counter.current += 1;
    setKeys([...rowKeys, counter.current]);
    setRules([...conditions.rules, { attribute: '', operator: 'eq', value: '' }]);
  };
  const remove = (i: number) => {
    setKeys(rowKeys.filter((_, j) => j !== i));
    setRules(conditions.rules.filter((_, j) => j !== i));
  };

  return (
    <Fieldset legend={label} disabled={disabled} data-testid="condition-builder">
      <Stack gap="sm">
        {disabled && (
          <Text size="sm" c="dimmed" data-testid="conditions-locked">
            {permissions.why('broadcasts.conditions.edit')}
          </Text>
        )}
        <Radio.Group
          label="People must match"
          value={conditions.match}
          onChange={(match) => onChange({ ...conditions, match: match === 'any' ? 'any' : 'all' })}
        >
          <Group gap="md" mt={4}>
            <Radio value="all" label="All of these conditions" disabled={disabled} />
            <Radio value="any" label="Any of these conditions" disabled={disabled} />
          </Group>
        </Radio.Group>
        {conditions.rules.length === 0 && (
          <Text size="sm" c="dimmed">
            No conditions yet: everyone matches. Add a condition to narrow it down.
          </Text>
        )}
        {conditions.rules.map((rule, i) => (
          <RuleRow
            key={rowKeys[i]}
            position={i + 1}
            rule={rule}
            suggestions={suggestions}
            disabled={disabled}
            onChange={(r) => update(i, r)}
            onRemove={() => remove(i)}
          />
        ))}
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Tooltip label={`At most ${MAX_RULES} conditions`} disabled={conditions.rules.length < MAX_RULES}>
            <Button
              variant="default"
              size="xs"
              onClick={add}
              disabled={disabled || conditions.rules.length >= MAX_RULES}
            >
              Add condition
            </Button>
          </Tooltip>
        </Group>
      </Stack>
    </Fieldset>
  );
}

function RuleRow({
  position,
  rule,
  suggestions,
  disabled,
  onChange,
  onRemove,
}: {
  position: number;
  rule: Rule;
  suggestions: string[];
  disabled: boolean;
  onChange: (rule: Rule) => void;
  onRemove: () => void;
}) {
  const [chosenKind, setKind] = useState<ValueKind>(kindOf(rule));
  const kind: ValueKind = numeric.has(rule.operator)
    ? 'number'
    : rule.operator === 'contains'
      ? 'text'
      : chosenKind;
  const setOperator = (chosen: string) => {
    const operator = operators.find((o) => o.value === chosen)?.value;
    if (!operator) return;
    if (withoutValue.has(operator)) return onChange({ attribute: rule.attribute, operator });
    const wanted: ValueKind = numeric.has(operator)
      ? 'number'
      : operator === 'contains'
        ? 'text'
        : chosenKind;
    onChange({ ...rule, operator, value: convert(rule.value, wanted) });
  };
  const setValueKind = (k: ValueKind) => {
    setKind(k);
    onChange({ ...rule, value: convert(rule.value, k) });
  };
  const name = `condition ${position}`;
  return (
    <Fieldset legend={`Condition ${position}`} variant="filled" p="sm" data-testid={`condition-${position}`}>
      <Flex direction={{ base: 'column', sm: 'row' }} gap="xs" align={{ base: 'stretch', sm: 'flex-end' }}>
        <Autocomplete
          label="Attribute"
          placeholder="e.g. plan"
          data={suggestions}
          value={rule.attribute}
          onChange={(attribute) => onChange({ ...rule, attribute })}
          disabled={disabled}
          required
          flex={2}
          limit={20}
        />
        <Select
          label="Operator"
          data={operators}
          value={rule.operator}
          onChange={(op) => op && setOperator(op)}
          allowDeselect={false}
          disabled={disabled}
          flex={2}
        />
        {!withoutValue.has(rule.operator) && (
          <>
            {rule.operator !== 'contains' && !numeric.has(rule.operator) && (
              <Select
                label="Value type"
                data={kinds}
                value={kind}
                onChange={(k) => k && setValueKind(k as ValueKind)}
                allowDeselect={false}
                disabled={disabled}
                flex={1}
                miw={120}
              />
            )}
            <ValueInput kind={kind} rule={rule} disabled={disabled} onChange={onChange} />
          </>
        )}
        <ActionIcon
          variant="subtle"
          color="red.9"
          size="lg"
          aria-label={`Remove ${name}`}
          onClick={onRemove}
          disabled={disabled}
          mb={{ sm: 4 }}
        >
          ×
        </ActionIcon>
      </Flex>
    </Fieldset>
  );
}

function ValueInput({
  kind,
  rule,
  disabled,
  onChange,
}: {
  kind: ValueKind;
  rule: Rule;
  disabled: boolean;
  onChange: (rule: Rule) => void;
}) {
  if (kind === 'number')
    return (
      <NumberInput
        label="Value"
        value={typeof rule.value === 'number' ? rule.value : ''}
        onChange={(v) => onChange({ ...rule, value: typeof v === 'number' ? v : undefined })}
        disabled={disabled}
        flex={2}
      />
    );
  if (kind === 'boolean')
    return (
      <Select
        label="Value"
        data={[
          { value: 'true', label: 'true' },
          { value: 'false', label: 'false' },
        ]}
        value={rule.value === true ? 'true' : rule.value === false ? 'false' : null}
        onChange={(v) => onChange({ ...rule, value: v === 'true' })}
        allowDeselect={false}
        disabled={disabled}
        flex={2}
      />
    );
  return (
    <TextInput
      label="Value"
      value={typeof rule.value === 'string' ? rule.value : rule.value === undefined ? '' : String(rule.value)}
      onChange={(e) => onChange({ ...rule, value: e.currentTarget.value })}
      disabled={disabled}
      flex={2}
    />
  );
}

/** A value carried over to another kind where it makes sense, else none. */
function convert(value: Rule['value'], kind: ValueKind): Rule['value'] {
  if (kind === 'number') {
    const n = typeof value === 'number' ? value : Number(value);
    return value === '' || value === undefined || Number.isNaN(n) || typeof value === 'boolean'
      ? undefined
      : n;
  }
  if (kind === 'boolean') return value === true || value === 'true';
  return value === undefined ? '' : String(value);
}
