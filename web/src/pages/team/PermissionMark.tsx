import { Text } from '@mantine/core';

/** ✓ or —, with the words for screen readers. */
export function PermissionMark({ yes }: { yes: boolean }) {
  return (
    <Text
      component="span"
      c={yes ? 'teal.9' : 'gray.7'}
      fw={700}
      aria-label={yes ? 'Allowed' : 'Not allowed'}
      role="img"
    >
      {yes ? '✓' : '—'}
    </Text>
  );
}
