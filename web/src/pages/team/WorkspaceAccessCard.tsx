import { Button, Card, Checkbox, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorPanel, LoadingSkeleton } from '../../components/States';
import { useVocabulary } from '../../lib/hooks';
import type { AccessState, Grant } from './access';
import { listInWords, type Workspace, type WorkspaceRole } from './model';
import { RoleSelect } from './RoleSelect';

/**
 * "Workspace-level permissions": All (one role in every workspace, present and future) or Custom
 * (a role per workspace, with a role given to many checked workspaces at once).
 */
export function WorkspaceAccessCard({
  value,
  onChange,
  workspaces,
  error,
  overridden,
}: {
  value: AccessState;
  onChange: (next: AccessState) => void;
  workspaces: { data?: { items: Workspace[] }; error: unknown; isPending: boolean; refetch: () => unknown };
  error?: string;
  /** Workspaces where a role is held over the member's All role today, by name. */
  overridden: string[];
}) {
  const vocabulary = useVocabulary();
  const [checked, setChecked] = useState<string[]>([]);
  const [bulk, setBulk] = useState<Grant>({ role: null, hideAttributes: false });
  const items = workspaces.data?.items ?? [];
  const grant = (id: string): Grant => value.custom[id] ?? { role: null, hideAttributes: false };
  const setGrants = (ids: string[], g: Grant) =>
    onChange({ ...value, custom: { ...value.custom, ...Object.fromEntries(ids.map((id) => [id, g])) } });

  return (
    <Card withBorder radius="md">
      <Title order={2} size="h4" mb="sm">
        Workspace-level permissions
      </Title>
      <Radio.Group
        value={value.mode}
        onChange={(v) => onChange({ ...value, mode: v === 'all' ? 'all' : 'custom' })}
        label="Which workspaces"
      >
        <Stack gap={6} mt={6}>
          <Radio
            value="all"
            label="All"
            description="The same role in every workspace, including workspaces created later."
          />
          <Radio
            value="custom"
            label="Custom"
            description="A role in each workspace you choose; no access to the others, nor to workspaces created later."
          />
        </Stack>
      </Radio.Group>
      {value.mode === 'all' ? (
        <Stack mt="md" gap="xs">
          <RoleSelect
            label="Role in every workspace"
            role={value.all.role}
            hide={value.all.hideAttributes}
            onChange={(role, hideAttributes) => onChange({ ...value, all: { role, hideAttributes } })}
            error={error}
          />
          {overridden.length > 0 && (
            <Text size="sm" c="dimmed">
              Today they hold another role in {listInWords(overridden)}. Saving with All gives them this role
              there too.
            </Text>
          )}
        </Stack>
      ) : workspaces.isPending ? (
        <LoadingSkeleton rows={3} label="Loading workspaces" />
      ) : workspaces.error ? (
        <ErrorPanel error={workspaces.error} onRetry={workspaces.refetch} />
      ) : (
        <Stack mt="md" gap="xs">
          <Paper withBorder p="xs" bg="var(--mantine-color-gray-0)">
            <Group gap="xs" align="flex-end" wrap="wrap">
              <RoleSelect
                size="xs"
                ariaLabel="Role for the checked workspaces"
                hideLabel="Hide attributes in the checked workspaces"
                noAccess
                role={bulk.role}
                hide={bulk.hideAttributes}
                onChange={(role, hideAttributes) => setBulk({ role, hideAttributes })}
              />
              <Button
                size="xs"
                variant="light"
                disabled={!checked.length || !bulk.role}
                onClick={() => {
                  setGrants(checked, bulk);
                  setChecked([]);
                }}
              >
                Give {checked.length || ''} checked {checked.length === 1 ? 'workspace' : 'workspaces'} this
                role
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={!checked.length}
                onClick={() => {
                  setGrants(checked, { role: null, hideAttributes: false });
                  setChecked([]);
                }}
              >
                Remove access
              </Button>
            </Group>
          </Paper>
          {items.map((w) => {
            const g = grant(w.id);
            return (
              <Group key={w.id} data-testid={`access-${w.name}`} gap="sm" wrap="wrap" align="center">
                <Checkbox
                  aria-label={`Check ${w.name}`}
                  checked={checked.includes(w.id)}
                  onChange={(e) =>
                    setChecked(
                      e.currentTarget.checked ? [...checked, w.id] : checked.filter((id) => id !== w.id),
                    )
                  }
                />
                <Text size="sm" w={160} style={{ overflowWrap: 'anywhere' }}>
                  {w.name}
                </Text>
                <RoleSelect
                  size="xs"
                  noAccess
                  ariaLabel={`Role in ${w.name}`}
                  hideLabel={`Hide attributes in ${w.name}`}
                  role={g.role}
                  hide={g.hideAttributes}
                  onChange={(role: WorkspaceRole | null, hideAttributes) =>
                    setGrants([w.id], { role, hideAttributes })
                  }
                />
              </Group>
            );
          })}
          {error && (
            <Text c="red.8" size="sm">
              {error}
            </Text>
          )}
        </Stack>
      )}
      {vocabulary.data && (
        <Text size="xs" c="dimmed" mt="md">
          {vocabulary.data.hideAttributes.label}: {vocabulary.data.hideAttributes.description} It is offered
          for{' '}
          {listInWords(
            vocabulary.data.workspaceRoles.filter((r) => r.hideAttributes).map((r) => `${r.label}s`),
          )}
          .
        </Text>
      )}
    </Card>
  );
}
