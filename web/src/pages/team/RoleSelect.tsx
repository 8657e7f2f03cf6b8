import { Checkbox, Group, Select, Stack, Text } from '@mantine/core';
import { useVocabulary } from '../../lib/hooks';
import type { WorkspaceRole } from './model';

/**
 * A workspace role picker: the vocabulary's names, the chosen role's description under it, and
 * "Hide attributes" (with what it does) for the roles that may carry it.
 */
export function RoleSelect({
  label,
  role,
  hide,
  onChange,
  size,
  noAccess,
  error,
  hideLabel,
  ariaLabel,
}: {
  label?: string;
  /** The picker's name for screen readers when it shows no label ("Role in Staging"). */
  ariaLabel?: string;
  /** The hide checkbox's name for screen readers, where several are on screen ("Hide attributes in Staging"). */
  hideLabel?: string;
  role: WorkspaceRole | null;
  hide: boolean;
  onChange: (role: WorkspaceRole | null, hide: boolean) => void;
  size?: 'xs' | 'sm';
  /** Offer "No access" (a cleared choice). */
  noAccess?: boolean;
  error?: string;
}) {
  const vocabulary = useVocabulary();
  const roles = vocabulary.data?.workspaceRoles ?? [];
  const chosen = roles.find((r) => r.key === role);
  const hides = vocabulary.hidesAttributes(role);
  return (
    <Stack gap={4}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          size={size}
          w={200}
          label={label}
          aria-label={ariaLabel}
          placeholder={noAccess ? 'No access' : 'Choose a role'}
          clearable={noAccess}
          allowDeselect={false}
          data={roles.map((r) => ({ value: r.key, label: r.label }))}
          value={role}
          error={error}
          onChange={(v) => {
            const next = roles.find((r) => r.key === v)?.key ?? null;
            onChange(next, vocabulary.hidesAttributes(next) ? hide : false);
          }}
        />
        {hides && (
          <Checkbox
            size={size}
            mb={size === 'xs' ? 6 : 8}
            label={vocabulary.data?.hideAttributes.label ?? 'Hide attributes'}
            aria-label={hideLabel}
            checked={hide}
            onChange={(e) => onChange(role, e.currentTarget.checked)}
          />
        )}
      </Group>
      {chosen && size !== 'xs' && (
        <Text size="xs" c="dimmed" maw={560}>
          {chosen.description}
          {hides && hide && ` ${vocabulary.data?.hideAttributes.description ?? ''}`}
        </Text>
      )}
    </Stack>
  );
}
