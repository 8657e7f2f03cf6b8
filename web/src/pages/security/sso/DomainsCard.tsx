import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { confirmAction } from '../../../components/Confirm';
import { CopyValue } from '../../../components/CopyValue';
import { fieldError, ProblemAlert } from '../../../components/ProblemAlert';
import { EmptyState } from '../../../components/States';
import { sdk, unwrap } from '../../../lib/api';
import { notifySuccess } from '../../../lib/feedback';
import { formatDateTime } from '../../../lib/hooks';
import { bodyWith, emailDomain, type SsoDomain, type SsoSettings, ssoQueryKey, useSaveSso } from './model';

/**
 * The email domains whose people sign in through this account's identity provider. A domain
 * counts only once verified by its DNS TXT record, so no account can claim another's addresses.
 */
export function DomainsCard({ saved }: { saved: SsoSettings }) {
  const client = useQueryClient();
  const save = useSaveSso();
  const [domain, setDomain] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const verify = useMutation({
    mutationFn: (name: string) =>
      unwrap(sdk.POST('/api/account/sso/domains/{domain}/verify', { params: { path: { domain: name } } })),
    onSuccess: (settings, name) => {
      client.setQueryData(ssoQueryKey, settings);
      notifySuccess(`${name} is verified.`);
    },
  });
  const listed = saved.domains.map((d) => d.domain);

  const add = () => {
    const name = domain.trim().toLowerCase().replace(/^@/, '');
    const problem = !emailDomain(`x@${name}`)
      ? 'Enter a domain, like example.com'
      : listed.includes(name)
        ? `${name} is listed already.`
        : null;
    setInvalid(problem);
    if (problem) return;
    save.mutate(bodyWith(saved, { domains: [...listed, name] }), {
      onSuccess: () => {
        setDomain('');
        notifySuccess(`${name} is added: add its TXT record, then verify it.`);
      },
    });
  };

  const remove = async (d: SsoDomain) => {
    const confirmed = await confirmAction({
      title: `Remove ${d.domain}?`,
      message: d.verified
        ? `People with an @${d.domain} address no longer find single sign-on from the log-in page, and another account could verify the domain. To add it back, you verify it again.`
        : `Its TXT record is no longer looked for. You can add the domain again at any time.`,
      confirmLabel: 'Remove domain',
    });
    if (!confirmed) return;
    save.mutate(bodyWith(saved, { domains: listed.filter((n) => n !== d.domain) }), {
      onSuccess: () => notifySuccess(`${d.domain} is removed.`),
    });
  };

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="sso-domains-title"
      data-testid="sso-domains"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="sso-domains-title">
          Domains
        </Title>
        <Text size="sm" c="gray.7">
          People whose email address is at one of these domains are sent to your identity provider from the
          log-in page. Each domain counts once you prove it is yours with a DNS TXT record.
        </Text>
        {saved.domains.length === 0 && (
          <EmptyState title="No domains yet">
            Add your company’s email domain, like example.com, then add its TXT record to verify it.
          </EmptyState>
        )}
        {saved.domains.map((d) => (
          <Paper key={d.domain} withBorder p="sm" data-testid={`domain-${d.domain}`}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Group gap="xs" wrap="wrap">
                  <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {d.domain}
                  </Text>
                  {d.verified ? (
                    <Badge color="teal.9" variant="filled" tt="none">
                      Verified
                    </Badge>
                  ) : (
                    <Badge color="dark.5" variant="filled" tt="none">
                      Waiting for DNS
                    </Badge>
                  )}
                </Group>
                <Group gap="xs">
                  {!d.verified && (
                    <Button
                      size="xs"
                      onClick={() => verify.mutate(d.domain)}
                      loading={verify.isPending && verify.variables === d.domain}
                      aria-label={`Verify ${d.domain}`}
                    >
                      Verify
                    </Button>
                  )}
                  <Button
                    size="xs"
                    variant="outline"
                    color="red.9"
                    onClick={() => remove(d)}
                    aria-label={`Remove ${d.domain}`}
                  >
                    Remove
                  </Button>
                </Group>
              </Group>
              {d.verified ? (
                d.verifiedAt && (
                  <Text size="xs" c="gray.7">
                    Verified {formatDateTime(d.verifiedAt)}
                  </Text>
                )
              ) : (
                <>
                  <Text size="sm" c="gray.7">
                    Add this TXT record to the domain’s DNS, then verify. It can take a while to appear.
                  </Text>
                  <CopyValue label="Record name" value={d.verification.recordName} testId="txt-name" />
                  <CopyValue label="Record value" value={d.verification.recordValue} testId="txt-value" />
                </>
              )}
              {verify.variables === d.domain && <ProblemAlert error={verify.error} />}
            </Stack>
          </Paper>
        ))}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <Group align="flex-start" gap="xs" wrap="wrap">
            <TextInput
              label="Add a domain"
              placeholder="example.com"
              value={domain}
              onChange={(e) => setDomain(e.currentTarget.value)}
              autoComplete="off"
              miw={220}
              style={{ flex: 1 }}
              error={invalid ?? fieldError(save.error, '/domains')}
            />
            <Button type="submit" mt={25} loading={save.isPending} variant="default">
              Add domain
            </Button>
          </Group>
        </form>
        <ProblemAlert error={save.error} fields={['/domains']} />
      </Stack>
    </Paper>
  );
}
