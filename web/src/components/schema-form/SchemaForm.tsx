import { Alert, JsonInput, List, Stack, Switch } from '@mantine/core';
import { useRef, useState } from 'react';
import { Problem } from '../../lib/api';
import { errorMessage } from '../States';
import { type FormContext, SchemaFormContext } from './context';
import { PropertyList } from './groups';
import { type Fields, inWords, isRecord, type JsonSchema, singular } from './schema';

/**
 * A form rendered from a kind's JSON Schema (as the server serves it), over Mantine's inputs, with
 * the server's errors next to their fields, and an "Advanced (JSON)" switch to edit the body as
 * JSON instead. No JSON-Schema form library fitted: see schema-form/README.md.
 */

/** Where a field is, in words, for an error no field shows: "/messages/0/id" → "Message 1, id". */
function whereInWords(path: string): string {
  const parts: string[] = [];
  for (const segment of path.split('/').filter(Boolean)) {
    if (/^\d+$/.test(segment) && parts.length > 0) {
      const last = parts.pop()!;
      parts.push(`${inWords(singular(last))} ${Number(segment) + 1}`);
    } else parts.push(segment);
  }
  return parts.map((p, i) => (i === 0 ? inWords(p) : inWords(p).toLowerCase())).join(', ');
}

function Summary({ error, claimed }: { error: unknown; claimed: Set<string> }) {
  if (!error) return null;
  if (!(error instanceof Problem))
    return (
      <Alert color="red" title="It could not be saved" data-testid="problem">
        {errorMessage(error)}
      </Alert>
    );
  // A field shows the errors at its path and under it (Problem.field), as the condition builder
  // shows those of its rules: the summary lists only the others.
  const placed = (path: string) =>
    [...claimed].some((c) => c !== '' && (path === c || path.startsWith(`${c}/`)));
  const unplaced = error.errors.filter((e) => !placed(e.path));
  if (error.errors.length > 0 && unplaced.length === 0) return null;
  return (
    // With field errors, the list says it in words (the detail restates the first one).
    <Alert
      color="red"
      title={unplaced.length > 0 ? 'It could not be saved' : errorMessage(error)}
      data-testid="problem"
    >
      {unplaced.length > 0 && (
        <List size="sm">
          {unplaced.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a path may fail more than one rule
            <List.Item key={i}>{e.path ? `${whereInWords(e.path)}: ${e.message}` : e.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

export function SchemaForm({
  schema,
  value,
  onChange,
  error,
  workspaceId,
}: {
  schema: JsonSchema;
  value: Fields;
  onChange: (value: Fields) => void;
  /** The last save's failure: its field errors go next to their fields, the rest above the buttons. */
  error: unknown;
  workspaceId: string;
}) {
  const [advanced, setAdvanced] = useState(false);
  const [text, setText] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  // Rebuilt at each render of the form; the fields claim their paths as they render, before the summary.
  const claimed = useRef(new Set<string>());
  claimed.current = new Set();
  const ctx: FormContext = {
    workspaceId,
    errorAt: (path) => (error instanceof Problem ? error.field(path) : undefined),
    claim: (path) => claimed.current.add(path),
  };

  const toggle = (on: boolean) => {
    if (on) {
      setText(JSON.stringify(value, null, 2));
      setParseError(null);
      setAdvanced(true);
      return;
    }
    // Back to the form with what was typed, if it is a JSON object.
    try {
      const parsed: unknown = JSON.parse(text);
      if (!isRecord(parsed)) throw new Error('not an object');
      onChange(parsed);
      setAdvanced(false);
    } catch {
      setParseError('Correct the JSON first: it must be one object, { … }, to go back to the form.');
    }
  };

  return (
    <SchemaFormContext.Provider value={ctx}>
      <Stack gap="md">
        <Switch
          label="Advanced (JSON)"
          description="Edit the whole body as JSON"
          checked={advanced}
          onChange={(e) => toggle(e.currentTarget.checked)}
          data-testid="advanced-toggle"
        />
        {advanced ? (
          <JsonInput
            label="Body (JSON)"
            value={text}
            onChange={(next) => {
              setText(next);
              try {
                const parsed: unknown = JSON.parse(next);
                if (isRecord(parsed)) {
                  onChange(parsed);
                  setParseError(null);
                }
              } catch {
                // Saved only once it is JSON again.
              }
            }}
            error={parseError}
            validationError="This is not valid JSON yet"
            formatOnBlur
            autosize
            minRows={10}
            maxRows={24}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            data-testid="json-editor"
          />
        ) : (
          <PropertyList schema={schema} path="" value={value} onChange={onChange} />
        )}
        <Summary error={error} claimed={claimed.current} />
      </Stack>
    </SchemaFormContext.Provider>
  );
}
