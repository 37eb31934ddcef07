import { useState } from 'react';
import { Alert, Button, FileInput, Group, List, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { isApiError } from '../../api/client';
import { useMe } from '../../api/session';
import { errorMessage } from '../../ui/QueryState';
import { gapKey, importPath, upload, type ImportSummary, type WorkbookIssue } from './api';
import { GAP_TEXT as T } from './text';

type Outcome =
  | { kind: 'rejected'; message: string; issues: WorkbookIssue[] }
  | { kind: 'error'; message: string }
  | { kind: 'done'; summary: ImportSummary };

/** Uploads an edited workbook: all rows apply, or none do and every problem is listed by row. */
export function ImportWorkbook({ orgId, assessmentId }: { orgId: string; assessmentId: string }) {
  const qc = useQueryClient();
  const me = useMe();
  const [opened, setOpened] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const send = useMutation({
    mutationFn: (f: File) => upload<ImportSummary>(importPath(orgId, assessmentId), f, me.data?.csrfToken),
    onSuccess: async (summary) => {
      setOutcome({ kind: 'done', summary });
      setFile(null);
      // Every answer may have changed: the questionnaire's copy too.
      await qc.invalidateQueries({ queryKey: gapKey(orgId) });
    },
    onError: (e) => {
      if (isApiError(e, 'IMPORT_REJECTED'))
        setOutcome({
          kind: 'rejected',
          message: e.message,
          issues: (e.details as { issues?: WorkbookIssue[] } | undefined)?.issues ?? [],
        });
      else setOutcome({ kind: 'error', message: errorMessage(e) });
    },
  });
  const close = () => {
    setOpened(false);
    setOutcome(null);
    setFile(null);
  };

  return (
    <>
      <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => setOpened(true)}>
        {T.importButton}
      </Button>
      <Modal opened={opened} onClose={close} title={T.importTitle} size="lg">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!file) setOutcome({ kind: 'error', message: T.importNeedFile });
            else send.mutate(file);
          }}
        >
          <Stack gap="md">
            <Text fz="sm">{T.importHint}</Text>
            <FileInput
              label={T.importFile}
              placeholder={T.importPlaceholder}
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={(f) => {
                setFile(f);
                setOutcome(null);
              }}
              clearable
              clearButtonProps={{ 'aria-label': T.importClear }}
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              data-autofocus
            />
            {outcome?.kind === 'rejected' && (
              <Alert
                color="red"
                variant="light"
                title={T.importRejected}
                icon={<IconAlertTriangle size={18} />}
                role="alert"
                data-testid="import-rejected"
              >
                <Stack gap="xs">
                  {outcome.issues.length > 0 ? (
                    <ScrollArea.Autosize mah={260} type="auto">
                      <List fz="sm" spacing={4} data-testid="import-issues">
                        {outcome.issues.map((i, n) => (
                          <List.Item key={n}>{T.importIssue(i.row, i.ref, i.column, i.message)}</List.Item>
                        ))}
                      </List>
                    </ScrollArea.Autosize>
                  ) : (
                    <Text fz="sm">{outcome.message}</Text>
                  )}
                  {/* Said once: a refusal without a problem list already ends with it (issue 18). */}
                  {(outcome.issues.length > 0 || !/nothing was changed/i.test(outcome.message)) && (
                    <Text fz="sm" fw={600}>
                      {T.importNothingChanged}
                    </Text>
                  )}
                </Stack>
              </Alert>
            )}
            {outcome?.kind === 'error' && (
              <Alert color="red" variant="light" role="alert">
                {outcome.message}
              </Alert>
            )}
            {outcome?.kind === 'done' && (
              <Alert
                color="teal"
                variant="light"
                title={T.importDone}
                icon={<IconCheck size={18} />}
                role="status"
                data-testid="import-done"
              >
                <Text fz="sm">{T.importSummary(outcome.summary.updated, outcome.summary.unchanged)}</Text>
                {outcome.summary.items.length > 0 && (
                  <Text fz="sm" mt={4}>
                    {T.importChanged(outcome.summary.items.join(', '))}
                  </Text>
                )}
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {T.close}
              </Button>
              <Button type="submit" loading={send.isPending} leftSection={<IconUpload size={16} />}>
                {T.importSubmit}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
