import { ActionIcon, Button, Group, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';
import { labelOf, type Person, valueText } from './person';

/** An attribute row: its name, its value as typed, and the value it had (kept when left alone). */
interface Row {
  key: string;
  value: string;
  original?: unknown;
}

/** In name order, as the person's table shows them (the database keeps its own order). */
const rowsOf = (attributes: Record<string, unknown>): Row[] =>
  Object.entries(attributes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({ key, value: valueText(value), original: value }));

/** The rows as attributes: a value left as it was keeps its type (a number stays a number). */
function attributesOf(rows: Row[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const row of rows) {
    const key = row.key.trim();
    if (!key) continue;
    out[key] = row.original !== undefined && valueText(row.original) === row.value ? row.original : row.value;
  }
  return out;
}

/** Advanced: the attributes as JSON; null when the text is not a JSON object. */
function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text || '{}');
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Adds a person, or edits one: email, ID and attributes as name/value rows ("Advanced (JSON)"
 * edits them as one JSON object). On edit, only what changed is sent; a removed row removes the
 * attribute (null).
 */
export function PersonForm({
  workspaceId,
  person,
  onDone,
}: {
  workspaceId: string;
  person?: Person;
  onDone: (person: Person) => void;
}) {
  const [email, setEmail] = useState(person?.email ?? '');
  const [id, setId] = useState(person?.id ?? '');
  const [rows, setRows] = useState<Row[]>(() =>
    person
      ? rowsOf(person.attributes)
      : [
          { key: 'first_name', value: '' },
          { key: 'last_name', value: '' },
        ],
  );
  const [advanced, setAdvanced] = useState(false);
  const [json, setJson] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);

  const attributes = (): Record<string, unknown> | null => (advanced ? parseJson(json) : attributesOf(rows));
  const save = useMutation({
    mutationFn: async (attrs: Record<string, unknown>) => {
      if (!person) {
        const fresh = Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== ''));
        return unwrap(
          sdk.POST('/api/workspaces/{workspaceId}/people', {
            params: { path: { workspaceId } },
            body: {
              ...(email.trim() && { email: email.trim() }),
              ...(id.trim() && { id: id.trim() }),
              attributes: fresh,
            },
          }),
        );
      }
      const changed: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(attrs))
        if (JSON.stringify(v) !== JSON.stringify(person.attributes[k])) changed[k] = v;
      for (const k of Object.keys(person.attributes)) if (!(k in attrs)) changed[k] = null;
      return unwrap(
        sdk.PATCH('/api/workspaces/{workspaceId}/people/{cioId}', {
          params: { path: { workspaceId, cioId: person.cioId } },
          body: {
            ...(email.trim() !== (person.email ?? '') && { email: email.trim() || null }),
            ...(id.trim() !== (person.id ?? '') && { id: id.trim() || null }),
            attributes: changed,
          },
        }),
      );
    },
    onSuccess: (saved) => {
      notifySuccess(person ? `${labelOf(saved)} saved` : `${labelOf(saved)} added`);
      onDone(saved);
    },
  });

  const toggleAdvanced = (on: boolean) => {
    if (on) setJson(JSON.stringify(attributesOf(rows), null, 2));
    else {
      const parsed = parseJson(json);
      if (!parsed)
        return setJsonError('Write one JSON object, like {"plan": "premium"}, to go back to rows.');
      setRows(rowsOf(parsed));
    }
    setJsonError(null);
    setAdvanced(on);
  };
  const setRow = (i: number, change: Partial<Row>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...change } : r)));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const attrs = attributes();
        if (!attrs) return setJsonError('The attributes must be one JSON object, like {"plan": "premium"}.');
        setJsonError(null);
        save.mutate(attrs);
      }}
    >
      <Stack>
        <TextInput
          label="Email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldError(save.error, '/email')}
        />
        <TextInput
          label="ID"
          description="Your own identifier for this person, if you have one"
          value={id}
          onChange={(e) => setId(e.currentTarget.value)}
          error={fieldError(save.error, '/id')}
        />
        <Group justify="space-between">
          <Text fw={500} size="sm">
            Attributes
          </Text>
          <Switch
            label="Advanced (JSON)"
            checked={advanced}
            onChange={(e) => toggleAdvanced(e.currentTarget.checked)}
          />
        </Group>
        {advanced ? (
          <Textarea
            aria-label="Attributes as JSON"
            autosize
            minRows={4}
            ff="monospace"
            value={json}
            onChange={(e) => setJson(e.currentTarget.value)}
            error={jsonError}
          />
        ) : (
          <Stack gap="xs" data-testid="attribute-rows">
            {rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
                <TextInput
                  aria-label={`Attribute ${i + 1} name`}
                  placeholder="Name, e.g. plan"
                  value={row.key}
                  onChange={(e) => setRow(i, { key: e.currentTarget.value })}
                  style={{ flex: 1 }}
                />
                <TextInput
                  aria-label={`Attribute ${i + 1} value`}
                  placeholder="Value"
                  value={row.value}
                  onChange={(e) => setRow(i, { value: e.currentTarget.value })}
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  aria-label={`Remove attribute ${row.key || i + 1}`}
                  onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() => setRows((all) => [...all, { key: '', value: '' }])}
              >
                Add attribute
              </Button>
            </Group>
            {jsonError && (
              <Text size="sm" c="red">
                {jsonError}
              </Text>
            )}
          </Stack>
        )}
        <ProblemAlert error={save.error} fields={['/email', '/id']} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {person ? 'Save' : 'Add person'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
