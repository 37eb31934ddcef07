import { ActionIcon, Anchor, Button, FileButton, Group, Input, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPaperclip, IconUpload, IconX } from '@tabler/icons-react';
import { api } from '../../api/client';
import { useMe } from '../../api/session';
import { confirmDanger } from '../../ui/confirm';
import { notifyError, notifySuccess } from '../../ui/notify';
import {
  assessmentKey,
  itemFileHref,
  itemFilesPath,
  upload,
  type GapAssessment,
  type GapFile,
  type GapItem,
} from './api';
import { GAP_TEXT as T } from './text';

const kb = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Files uploaded as evidence of one requirement. Files do not change the answer's version. */
export function EvidenceFiles({
  orgId,
  assessmentId,
  item,
  readOnly,
}: {
  orgId: string;
  assessmentId: string;
  item: GapItem;
  readOnly: boolean;
}) {
  const qc = useQueryClient();
  const me = useMe();
  const setFiles = (files: GapFile[]) =>
    qc.setQueryData<GapAssessment>(
      assessmentKey(orgId, assessmentId),
      (a) => a && { ...a, items: a.items.map((i) => (i.ref === item.ref ? { ...i, files } : i)) },
    );
  const add = useMutation({
    mutationFn: (file: File) => upload<GapItem>(itemFilesPath(orgId, assessmentId, item.ref), file, me.data?.csrfToken),
    onSuccess: (saved, file) => {
      setFiles(saved.files);
      notifySuccess(T.uploaded(file.name));
    },
    onError: (e) => notifyError(e),
  });
  const remove = useMutation({
    mutationFn: (f: GapFile) => api.delete(itemFileHref(orgId, assessmentId, item.ref, f.id)),
    onSuccess: (_v, f) => setFiles(item.files.filter((x) => x.id !== f.id)),
    onError: (e) => notifyError(e),
  });
  const askRemove = async (f: GapFile) => {
    if (await confirmDanger({ title: T.removeFileTitle, message: T.removeFileBody(f.name), confirmLabel: T.delete }))
      remove.mutate(f);
  };

  return (
    <Input.Wrapper label={T.files} description={readOnly ? undefined : T.filesHint} labelElement="div">
      <Stack gap={6} mt={6}>
        {item.files.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {T.noFiles}
          </Text>
        ) : (
          <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {item.files.map((f) => (
              <Group key={f.id} component="li" gap={6} wrap="nowrap">
                <IconPaperclip size={14} aria-hidden style={{ flexShrink: 0 }} />
                <Anchor
                  href={itemFileHref(orgId, assessmentId, item.ref, f.id)}
                  download
                  fz="sm"
                  truncate
                  style={{ flex: 1, minWidth: 0 }}
                >
                  {f.name}
                </Anchor>
                <Text fz="xs" c="dimmed" style={{ flexShrink: 0 }}>
                  {kb(f.size)}
                </Text>
                {!readOnly && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    aria-label={T.removeFile(f.name)}
                    onClick={() => void askRemove(f)}
                    loading={remove.isPending && remove.variables?.id === f.id}
                  >
                    <IconX size={14} />
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {!readOnly && (
          <FileButton onChange={(f) => f && add.mutate(f)}>
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconUpload size={14} />}
                loading={add.isPending}
                style={{ alignSelf: 'flex-start' }}
              >
                {T.uploadFile}
              </Button>
            )}
          </FileButton>
        )}
      </Stack>
    </Input.Wrapper>
  );
}
