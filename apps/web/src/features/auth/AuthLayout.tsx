import type { ReactNode } from 'react';
import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { AUTH_TEXT } from './text';
import classes from '../shell/shell.module.css';

/** A centred card for the pages before sign-in (setup, login, invitations). */
export function AuthLayout({
  title,
  intro,
  children,
  width = 440,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  return (
    <Box mih="100vh" bg="var(--mantine-color-default-hover)" py={48} px="md" component="main" id="main">
      <Center>
        <Stack w="100%" maw={width} gap="lg">
          <Group gap={10} justify="center">
            <span className={classes.mark} aria-hidden>
              42
            </span>
            <Text fw={700} fz="lg">
              Fortytwo
            </Text>
          </Group>
          <Paper withBorder shadow="sm" radius="md" p="xl">
            <Stack gap="lg">
              <Stack gap={6}>
                <Title order={1} fz={22}>
                  {title}
                </Title>
                {intro && (
                  <Text c="dimmed" fz="sm">
                    {intro}
                  </Text>
                )}
              </Stack>
              {children}
            </Stack>
          </Paper>
          <Text ta="center" fz="xs" c="dimmed">
            {AUTH_TEXT.footer}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
