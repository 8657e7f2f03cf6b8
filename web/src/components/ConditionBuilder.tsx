import { Button, Fieldset, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import type { JSX } from 'react';

/**
 * PLACEHOLDER: engineer E's condition builder replaces this file at merge. It keeps the signature
 * the resource forms use: the segment's and the broadcast audience's conditions, edited as rules.
 */

export type Conditions = {
  match: 'all' | 'any';
  rules: { attribute: string; operator: string; value?: string | number | boolean }[];
};

const operators = [
  { value: 'eq', label: 'is' },
  { value: 'neq', label: 'is not' },
  { value: 'contains', label: 'contains' },
  { value: 'exists', label: 'exists' },
  { value: 'not_exists', label: 'does not exist' },
  { value: 'gt', label: 'is greater than' },
  { value: 'lt', label: 'is less than' },
];

export function ConditionBuilder(props: {
  value: Conditions | undefined;
  onChange: (value: Conditions) => void;
  workspaceId: string;
  error?: string;
  label?: string;
}): JSX.Element {
  const value = props.value ?? { match: 'all', rules: [] };
  const setRule = (i: number, rule: Conditions['rules'][number]) =>
    props.onChange({ ...value, rules: value.rules.map((r, j) => (j === i ? rule : r)) });
  return (
    <Fieldset legend={props.label ?? 'Conditions'} data-testid="condition-builder">
      <Stack gap="xs">
        <SegmentedControl
          aria-label="Match"
          value={value.match}
          onChange={(match) => props.onChange({ ...value, match: match === 'any' ? 'any' : 'all' })}
          data={[
            { value: 'all', label: 'Match all' },
            { value: 'any', label: 'Match any' },
          ]}
        />
        {value.rules.map((rule, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rules have no identity of their own
          <Group key={i} align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label="Attribute"
              value={rule.attribute}
              onChange={(e) => setRule(i, { ...rule, attribute: e.currentTarget.value })}
            />
            <Select
              label="Operator"
              data={operators}
              value={rule.operator}
              allowDeselect={false}
              onChange={(operator) => setRule(i, { ...rule, operator: operator ?? 'eq' })}
            />
            {rule.operator !== 'exists' && rule.operator !== 'not_exists' && (
              <TextInput
                label="Value"
                value={rule.value === undefined ? '' : String(rule.value)}
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  const number = Number(text);
                  setRule(i, { ...rule, value: text !== '' && !Number.isNaN(number) ? number : text });
                }}
              />
            )}
            <Button
              variant="subtle"
              color="red"
              onClick={() => props.onChange({ ...value, rules: value.rules.filter((_, j) => j !== i) })}
            >
              Remove
            </Button>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() =>
              props.onChange({
                ...value,
                rules: [...value.rules, { attribute: '', operator: 'eq', value: '' }],
              })
            }
          >
            Add condition
          </Button>
        </Group>
        {props.error && (
          <Text size="sm" c="red">
            {props.error}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
