import { useState } from 'react';
import { Button, Group, Paper, Stack, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { notifyError, notifySuccess } from '../../ui/notify';
import { auditPath, refreshAudits, type Audit } from './api';
import { AUDITS_TEXT as T } from './text';

export function Completion({ orgId, audit }: { orgId: string; audit: Audit }) {
  const qc = useQueryClient();
  const [conclusion, setConclusion] = useState(audit.conclusion);
  const [busy, setBusy] = useState(false);
  const complete = async () => {
    setBusy(true);
    try {
      await api.patch(auditPath(orgId, audit.id), { version: audit.version, status: 'completed', conclusion });
      await refreshAudits(qc, orgId);
      notifySuccess(`${audit.ref} completed and signed off`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Textarea
          label={T.conclusion}
          autosize
          minRows={2}
          value={conclusion}
          onChange={(e) => setConclusion(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button onClick={() => void complete()} loading={busy}>
            {T.complete}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
