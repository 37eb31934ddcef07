import { ActionIcon, Alert, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';

/** A secret (token, invitation link) shown once, with a copy button. */
export function SecretOnce({
  title,
  note,
  value,
  onClose,
  label,
}: {
  title: string;
  note: string;
  value: string;
  label: string;
  onClose: () => void;
}) {
  return (
    <Alert
      color="teal"
      variant="light"
      title={title}
      icon={<IconKey size={18} />}
      withCloseButton
      onClose={onClose}
      closeButtonLabel="Dismiss"
    >
      <Stack gap="xs">
        <Text size="sm">{note}</Text>
        <Group gap="xs" wrap="nowrap">
          <Code
            block
            style={{ flex: 1, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
            aria-label={label}
            data-testid="secret-value"
          >
            {value}
          </Code>
          <CopyButton value={value} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
                <ActionIcon
                  variant="light"
                  color={copied ? 'teal' : 'gray'}
                  size="lg"
                  onClick={copy}
                  aria-label={copied ? 'Copied' : `Copy ${label}`}
                >
                  {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
