import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type Figure, type FigureGroup, figuresOf, type Metrics } from './figures';

/** The metrics as labelled figures, a group each: how it went, what went wrong, what is not counted. */

function FigureCard({ figure }: { figure: Figure }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={`figure-${figure.key}`}>
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {figure.label}
        </Text>
        <Text fz={26} fw={700} lh={1.2}>
          {figure.count.toLocaleString('en-US')}
        </Text>
        {figure.rate && (
          <Text size="sm" data-testid="rate">
            {figure.rate.percent} of {figure.rate.of.toLocaleString('en-US')} {figure.rate.base}
          </Text>
        )}
        {figure.hint && (
          <Text size="xs" c="dimmed">
            {figure.hint}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function FigureSection({ group }: { group: FigureGroup }) {
  return (
    <Stack gap="xs" component="section" aria-label={group.title}>
      <Title order={2} size="h4">
        {group.title}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        {group.figures.map((f) => (
          <FigureCard key={f.key} figure={f} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

export function MetricFigures({ metrics }: { metrics: Metrics }) {
  const groups = figuresOf(metrics)
    .map((g) => (g.onlyWhenSome ? { ...g, figures: g.figures.filter((f) => f.count > 0) } : g))
    .filter((g) => g.figures.length > 0);
  return (
    <Stack gap="lg" data-testid="metric-figures">
      {groups.map((g) => (
        <FigureSection key={g.title} group={g} />
      ))}
    </Stack>
  );
}
