import { Card, Checkbox, Select, Stack, Text, Title } from '@mantine/core';
import { useVocabulary } from '../../lib/hooks';
import type { AccountRole, MemberFlags } from './model';

/** "Account level permissions": the account role, explained, and the Member flags. */
export function AccountAccessCard({
  role,
  flags,
  onRole,
  onFlags,
  error,
}: {
  role: AccountRole;
  flags: MemberFlags;
  onRole: (role: AccountRole) => void;
  onFlags: (flags: MemberFlags) => void;
  error?: string;
}) {
  const vocabulary = useVocabulary();
  const roles = vocabulary.data?.accountRoles ?? [];
  const chosen = roles.find((r) => r.key === role);
  const everywhere = vocabulary.everyWorkspaceAs(role);
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h4" mb="sm">
        Account level permissions
      </Title>
      <Select
        w={{ base: '100%', xs: 260 }}
        label="Account role"
        data={roles.map((r) => ({ value: r.key, label: r.label }))}
        value={role}
        onChange={(v) => {
          const next = roles.find((r) => r.key === v);
          if (next) onRole(next.key);
        }}
        allowDeselect={false}
        error={error}
        description={chosen?.description}
      />
      {everywhere === null && (
        <Stack gap={6} mt="md">
          <Text size="sm">Optionally, they may also:</Text>
          {(vocabulary.data?.memberFlags ?? []).map((f) => (
            <Checkbox
              key={f.key}
              label={f.label}
              description={f.description}
              checked={flags[f.key]}
              onChange={(e) => onFlags({ ...flags, [f.key]: e.currentTarget.checked })}
            />
          ))}
        </Stack>
      )}
    </Card>
  );
}
