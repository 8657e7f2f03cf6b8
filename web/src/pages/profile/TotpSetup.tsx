import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { type FormEvent, useEffect, useState } from 'react';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { sdk, unwrap } from '../../lib/api';
import { notifySuccess } from '../../lib/feedback';

/**
 * Filled buttons a shade darker than the theme's: white on its indigo.6 falls short of WCAG AA's
 * 4.5:1 contrast (axe-core's color-contrast rule).
 */
export const FILLED = 'indigo.8';

const value = (e: FormEvent<HTMLFormElement>, name: string) =>
  String(new FormData(e.currentTarget).get(name) ?? '');

/** Recovery codes, shown once: to copy or download as a text file. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const text = `Atrium recovery codes\nEach code signs you in once, in place of a code of your authenticator app.\n\n${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'atrium-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Stack gap="sm" data-testid="recovery-codes">
      <Alert
        color="yellow"
        title="Save your recovery codes now"
        styles={{ title: { color: 'var(--mantine-color-black)' } }}
      >
        They are shown only this once. If you lose your phone, each code lets you sign in one time.
      </Alert>
      <SimpleGrid cols={2} spacing={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {codes.map((code) => (
          <li key={code}>
            <Code fz="sm">{code}</Code>
          </li>
        ))}
      </SimpleGrid>
      <Group>
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? 'Copied' : 'Copy codes'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={download}>
          Download (.txt)
        </Button>
      </Group>
    </Stack>
  );
}

function QrCode({ uri }: { uri: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(uri, { margin: 1, width: 200 }).then((url) => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [uri]);
  return src ? <Image src={src} w={200} h={200} alt="QR code to scan with your authenticator app" /> : null;
}

/**
 * Setting up an authenticator app: current password, then the QR code (or the key to type) and a
 * code from the app, then the recovery codes. `onDone` runs when the member has seen the codes.
 */
export function TotpSetup({
  onDone,
  onCancel,
  onEnabled,
}: {
  onDone: () => void;
  onCancel?: () => void;
  /** Runs as soon as two-factor is on, while the recovery codes are still shown. */
  onEnabled?: () => void;
}) {
  const start = useMutation({
    mutationFn: (currentPassword: string) =>
      unwrap(sdk.POST('/api/me/two-factor/totp', { body: { currentPassword } })),
  });
  const confirm = useMutation({
    mutationFn: (code: string) => unwrap(sdk.POST('/api/me/two-factor/totp/confirm', { body: { code } })),
    onSuccess: () => {
      notifySuccess('Two-factor authentication is on');
      onEnabled?.();
    },
  });

  if (confirm.data) {
    return (
      <Stack>
        <Text fw={600}>Two-factor is on.</Text>
        <RecoveryCodes codes={confirm.data.recoveryCodes} />
        <Group>
          <Button color={FILLED} onClick={onDone}>
            I have saved my recovery codes
          </Button>
        </Group>
      </Stack>
    );
  }

  if (start.data) {
    const { secret, otpauthUri } = start.data;
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          confirm.mutate(value(e, 'code'));
        }}
      >
        <Stack>
          <Text size="sm">
            1. Scan this QR code with an authenticator app (Google Authenticator, 1Password, Authy…).
          </Text>
          <QrCode uri={otpauthUri} />
          <Text size="sm">
            Or type this key into the app:{' '}
            <Code data-testid="totp-secret" fz="sm" style={{ wordBreak: 'break-all' }}>
              {secret}
            </Code>
          </Text>
          <TextInput
            name="code"
            label="2. Enter the 6-digit code the app shows"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            maw={240}
            error={fieldError(confirm.error, '/code')}
          />
          <ProblemAlert error={confirm.error} fields={['/code']} />
          <Group>
            <Button type="submit" color={FILLED} loading={confirm.isPending}>
              Turn on two-factor
            </Button>
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                Cancel
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    );
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        start.mutate(value(e, 'currentPassword'));
      }}
    >
      <Stack>
        <PasswordInput
          name="currentPassword"
          label="Your current password"
          autoComplete="current-password"
          required
          maw={320}
          error={fieldError(start.error, '/currentPassword')}
        />
        <ProblemAlert error={start.error} fields={['/currentPassword']} />
        <Group>
          <Button type="submit" color={FILLED} loading={start.isPending}>
            Continue
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
