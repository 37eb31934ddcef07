import { ActionIcon, Badge, CopyButton, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconPrinter } from '@tabler/icons-react';
import { StatementText } from './StatementText';
import { SCOPE_TEXT as T } from './text';

/** The composed statement beside the builder: live while editing, with copy and print. */
export function StatementPanel({
  statement,
  preview,
  onPrint,
}: {
  statement: string;
  preview: boolean;
  onPrint: () => void;
}) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="scope-statement-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Title order={2} fz="md" id="scope-statement-title">
              {T.statement}
            </Title>
            <Text fz="xs" c="dimmed">
              {T.statementHint}
            </Text>
          </div>
          <Group gap={4} wrap="nowrap">
            <CopyButton value={statement} timeout={2000}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? T.copied : T.copy} withArrow>
                  <ActionIcon
                    variant="subtle"
                    color={copied ? 'teal' : 'gray'}
                    onClick={copy}
                    aria-label={copied ? T.copied : T.copy}
                  >
                    {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
            <Tooltip label={T.print} withArrow>
              <ActionIcon variant="subtle" color="gray" onClick={onPrint} aria-label={T.print}>
                <IconPrinter size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        {preview && (
          <Badge variant="light" color="yellow" tt="none" w="fit-content">
            {T.statementPreview}
          </Badge>
        )}
        <StatementText text={statement} />
      </Stack>
    </Paper>
  );
}
