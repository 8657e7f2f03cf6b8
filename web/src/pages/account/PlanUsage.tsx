import { Group, Progress, Stack, Text } from '@mantine/core';

/** One limit of the plan: "2 of 10 workspaces" with a bar, or "2 workspaces, unlimited on this plan". */
export function UsageMeter({ label, used, limit }: { label: string; used: number; limit: number | null }) {
  const percent = limit === null || limit === 0 ? 0 : Math.min(100, Math.round((100 * used) / limit));
  const full = limit !== null && used >= limit;
  return (
    <Stack gap={4} data-testid={`usage-${label}`}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500} tt="capitalize">
          {label}
        </Text>
        <Text size="sm" c={full ? 'red.8' : undefined}>
          {limit === null ? `${used.toLocaleString()} — unlimited on this plan` : `${used} of ${limit} used`}
        </Text>
      </Group>
      {limit !== null && (
        <Progress
          value={percent}
          color={full ? 'red' : 'indigo'}
          aria-label={`${label}: ${used} of ${limit} used`}
        />
      )}
      {full && (
        <Text size="xs" c="dimmed">
          The limit is reached: change the plan to add more {label}.
        </Text>
      )}
    </Stack>
  );
}

/** A limit in words: "up to 2", "unlimited". */
export const limitInWords = (limit: number | null) =>
  limit === null ? 'unlimited' : `up to ${limit.toLocaleString()}`;
