import { Alert, List } from '@mantine/core';
import { Problem } from '../lib/api';
import { errorMessage } from './States';

/** "/firstName" → "First name", "/messages/0/body" → "Body": a field's name in words, never a pointer. */
export function fieldName(path: string): string | null {
  const last = [...path.split('/')].reverse().find((s) => s !== '' && !/^\d+$/.test(s));
  if (!last || ['query', 'params', 'headers'].includes(last)) return null;
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The part of a failure that no form field shows: the server's sentence, with each error not
 * placed next to its field as "First name can’t be blank". Network failures and the server's own
 * failures are said in words (errorMessage).
 */
export function ProblemAlert({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  if (!error) return null;
  if (error instanceof Problem && error.status < 500) {
    const unplaced = error.errors.filter(
      (e) => !fields.some((f) => e.path === f || e.path.startsWith(`${f}/`)),
    );
    if (error.errors.length > 0 && unplaced.length === 0) return null;
    // With field errors, the title says what to do and the list says what is wrong, once each.
    const title = unplaced.length > 0 ? 'Check what you entered' : error.detail;
    return (
      <Alert color="red" title={title} data-testid="problem" role="alert">
        {unplaced.length > 0 && (
          <List size="sm" spacing={2}>
            {unplaced.map((e, i) => {
              const name = fieldName(e.path);
              return (
                // A path may fail more than one rule (each branch of a union): keys by position.
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole for each answer
                <List.Item key={`${i}:${e.path}`}>{name ? `${name} ${e.message}` : e.message}</List.Item>
              );
            })}
          </List>
        )}
      </Alert>
    );
  }
  return (
    <Alert color="red" title="That did not work" data-testid="problem" role="alert">
      {/* A plain Error carries a sentence of ours (the passkey prompt's); others are said in words. */}
      {error instanceof Error && error.name === 'Error' && !(error instanceof Problem)
        ? error.message
        : errorMessage(error)}
    </Alert>
  );
}

/** The message for one field, from a problem+json answer. */
export function fieldError(error: unknown, path: string): string | undefined {
  return error instanceof Problem ? error.field(path) : undefined;
}
