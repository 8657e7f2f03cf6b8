import { createContext, useContext } from 'react';

/** What every field of one form shares: the workspace (to list references) and the server's errors. */
export interface FormContext {
  workspaceId: string;
  /** The server's message for the field at this JSON pointer, in words. */
  errorAt: (path: string) => string | undefined;
  /** Records that a field shows its own errors, so the form's summary leaves them out. */
  claim: (path: string) => void;
}

export const SchemaFormContext = createContext<FormContext>({
  workspaceId: '',
  errorAt: () => undefined,
  claim: () => undefined,
});

/** The field's error, claimed: shown next to it rather than in the form's summary. */
export function useFieldError(path: string): string | undefined {
  const ctx = useContext(SchemaFormContext);
  ctx.claim(path);
  return ctx.errorAt(path);
}

export const useWorkspaceId = () => useContext(SchemaFormContext).workspaceId;
