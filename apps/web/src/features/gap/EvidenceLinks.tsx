import { useState } from 'react';
import { ActionIcon, Anchor, Button, Group, Input, Stack, Text, TextInput } from '@mantine/core';
import { IconLink, IconPlus, IconX } from '@tabler/icons-react';
import { ZGapItemPatch } from '@fortytwo/domain';
import { GAP_TEXT as T } from './text';

/** Links to where the evidence lives; each one checked as a full URL before it is saved. */
export function EvidenceLinks({
  links,
  onChange,
  readOnly,
  error,
  onError,
}: {
  links: string[];
  onChange: (links: string[]) => void;
  readOnly: boolean;
  error?: string;
  onError: (message: string | null) => void;
}) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const url = draft.trim();
    if (!url) return;
    if (links.includes(url)) {
      setDraft('');
      return;
    }
    const next = [...links, url];
    const checked = ZGapItemPatch.shape.evidenceLinks.safeParse(next);
    if (!checked.success) {
      onError(checked.error.issues[0]?.message ?? T.evidenceLinksHint);
      return;
    }
    onError(null);
    setDraft('');
    onChange(next);
  };
  return (
    <Input.Wrapper label={T.evidenceLinks} description={T.evidenceLinksHint} error={error} id="gap-links">
      <Stack gap={6} mt={6}>
        {links.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {T.noLinks}
          </Text>
        ) : (
          <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="evidence-links">
            {links.map((url) => (
              <Group key={url} component="li" gap={6} wrap="nowrap">
                <IconLink size={14} aria-hidden style={{ flexShrink: 0 }} />
                <Anchor
                  href={url}
                  target="_blank"
                  rel="noopener noreferrer"
                  fz="sm"
                  truncate
                  style={{ flex: 1, minWidth: 0 }}
                >
                  {url}
                </Anchor>
                {!readOnly && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    aria-label={T.removeLink(url)}
                    onClick={() => onChange(links.filter((l) => l !== url))}
                  >
                    <IconX size={14} />
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {!readOnly && (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <TextInput
              id="gap-links"
              aria-label={T.addLink}
              placeholder={T.linkPlaceholder}
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
              error={!!error}
              style={{ flex: 1 }}
              type="url"
            />
            <Button variant="default" leftSection={<IconPlus size={14} />} onClick={add} disabled={!draft.trim()}>
              {T.addLink}
            </Button>
          </Group>
        )}
      </Stack>
    </Input.Wrapper>
  );
}
