import { Alert } from '@mantine/core';
import { Problem } from '../lib/api';

/** The part of a problem+json answer that no form field shows. */
export function ProblemAlert({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  if (!error) return null;
  if (error instanceof Problem) {
    const unplaced = error.errors.filter(
      (e) => !fields.some((f) => e.path === f || e.path.startsWith(`${f}/`)),
    );
    if (error.errors.length > 0 && unplaced.length === 0) return null;
    return (
      <Alert color="red" title={error.detail} data-testid="problem">
        {unplaced.map((e, i) => (
          // A path may fail more than one rule (each branch of a union): keys by position.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole for each answer
          <div key={`${i}:${e.path}`}>
            {e.path}: {e.message}
          </div>
        ))}
      </Alert>
    );
  }
  return (
    <Alert color="red" title="Something went wrong">
      {String(error)}
    </Alert>
  );
}

/** The message for one field, from a problem+json answer. */
export function fieldError(error: unknown, path: string): string | undefined {
  return error instanceof Problem ? error.field(path) : undefined;
}
