import { Tooltip } from '@mantine/core';
import { cloneElement, type ReactElement } from 'react';

/**
 * An action the member may lack: shown disabled, with a tooltip saying why in words (the server's
 * sentence, "Viewers can’t change workspace settings."), rather than failing on click.
 */
export function Guarded({
  allowed,
  why,
  children,
}: {
  allowed: boolean;
  why: string;
  children: ReactElement<{ disabled?: boolean }>;
}) {
  if (allowed) return children;
  return (
    <Tooltip label={why} multiline w={320} withArrow>
      <span style={{ display: 'inline-block' }}>{cloneElement(children, { disabled: true })}</span>
    </Tooltip>
  );
}
