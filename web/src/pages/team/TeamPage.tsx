import { Button, Group, Pagination, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Guarded } from '../../components/Guarded';
import { ProblemAlert } from '../../components/ProblemAlert';
import { PageTitle } from '../../components/Shell';
import { EmptyState, ErrorPanel, LoadingSkeleton } from '../../components/States';
import { sdk, unwrap } from '../../lib/api';
import { usePageTitle } from '../../lib/feedback';
import { useMe, usePermissions, useVocabulary } from '../../lib/hooks';
import { BulkRolesDialog } from './BulkRolesDialog';
import { listMembers, PAGE_SIZE, pageOf, type Sort, type SortKey } from './listing';
import { MemberTable } from './MemberTable';
import { count } from './model';
import { RequireTwoFactorSetting } from './RequireTwoFactor';
import { useMemberActions } from './useMemberActions';

const sortOptions: { value: SortKey; label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'email', label: 'Email' },
  { value: 'role', label: 'Role' },
  { value: 'status', label: 'Status' },
  { value: 'lastLogin', label: 'Last login' },
];

/** Account Settings › Team members: who has access, searchable, sortable, 25 to a page. */
export function TeamPage() {
  usePageTitle('Team members');
  const me = useMe().data;
  const navigate = useNavigate();
  const vocabulary = useVocabulary();
  const { can, why } = usePermissions(null);
  const manages = can('team_members.manage');
  const team = useQuery({ queryKey: ['team'], queryFn: () => unwrap(sdk.GET('/api/team-members')) });
  const actions = useMemberActions();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'name', descending: false });
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState(false);

  const all = team.data?.items ?? [];
  const found = listMembers(all, search, sort, vocabulary.roleLabel);
  const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const chosen = all.filter((m) => selected.includes(m.id));

  return (
    <>
      <PageTitle title="Team members">
        {manages && chosen.length > 0 && (
          <Button variant="light" onClick={() => setBulk(true)}>
            Change roles of {count(chosen.length, 'member')}
          </Button>
        )}
        <Guarded allowed={manages} why={why('team_members.manage')}>
          <Button onClick={() => navigate('/team/invite')} data-testid="invite-button">
            Invite team member
          </Button>
        </Guarded>
      </PageTitle>
      {manages && <RequireTwoFactorSetting />}
      <ProblemAlert error={actions.error} />
      {team.isPending ? (
        <LoadingSkeleton rows={6} label="Loading team members" />
      ) : team.error ? (
        <ErrorPanel error={team.error} onRetry={() => team.refetch()} title="The team could not be loaded" />
      ) : (
        <Stack gap="sm">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label="Search"
              placeholder="Name or email"
              type="search"
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                setPage(1);
              }}
              w={{ base: '100%', xs: 280 }}
            />
            <Select
              label="Sort by"
              w={160}
              allowDeselect={false}
              data={sortOptions}
              value={sort.key}
              onChange={(v) => {
                const key = sortOptions.find((o) => o.value === v)?.value;
                if (key) setSort({ key, descending: false });
              }}
            />
            <Button
              variant="default"
              onClick={() => setSort({ ...sort, descending: !sort.descending })}
              aria-pressed={sort.descending}
            >
              Reverse order
            </Button>
          </Group>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="team-count">
            {search.trim()
              ? `${count(found.length, 'member')} of ${all.length.toLocaleString()} match “${search.trim()}”`
              : count(all.length, 'member')}
          </Text>
          {found.length === 0 ? (
            <EmptyState
              title={search.trim() ? 'No one matches your search' : 'No team members yet'}
              action={
                search.trim() ? (
                  <Button variant="default" onClick={() => setSearch('')}>
                    Clear the search
                  </Button>
                ) : undefined
              }
            >
              {search.trim()
                ? 'Search looks in names and email addresses. Try part of either.'
                : 'Invite someone to work with you: they get an email with a link to join.'}
            </EmptyState>
          ) : (
            <MemberTable
              members={pageOf(found, current)}
              manages={manages}
              selfId={me?.member.id ?? ''}
              selected={selected}
              onSelect={setSelected}
              sort={sort}
              onSort={setSort}
              actions={actions}
            />
          )}
          {pages > 1 && (
            <Group justify="space-between" wrap="wrap">
              <Text size="sm" c="dimmed">
                Showing {((current - 1) * PAGE_SIZE + 1).toLocaleString()}–
                {Math.min(current * PAGE_SIZE, found.length).toLocaleString()} of{' '}
                {found.length.toLocaleString()}
              </Text>
              <Pagination
                total={pages}
                value={current}
                onChange={setPage}
                size="sm"
                getControlProps={(control) => ({
                  'aria-label':
                    control === 'previous' ? 'Previous page' : control === 'next' ? 'Next page' : control,
                })}
                getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
              />
            </Group>
          )}
        </Stack>
      )}
      {!manages && (
        <Text size="xs" c="dimmed" mt="xs">
          {why('team_members.manage')}
        </Text>
      )}
      <BulkRolesDialog
        members={chosen}
        opened={bulk}
        onClose={() => {
          setBulk(false);
          setSelected([]);
        }}
      />
    </>
  );
}
