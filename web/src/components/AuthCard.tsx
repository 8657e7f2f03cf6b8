import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function AuthCard({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Center mih="100vh" bg="gray.0">
      <Paper w={420} p="xl" radius="md" withBorder shadow="sm">
        <Stack gap="md">
          <div>
            <Text fw={700} c="indigo.7" size="sm" tt="uppercase" style={{ letterSpacing: 1 }}>
              Atrium
            </Text>
            <Title order={2}>{title}</Title>
            {subtitle && (
              <Text c="dimmed" size="sm" mt={4}>
                {subtitle}
              </Text>
            )}
          </div>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
