import { useState } from 'react';
import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useOrg } from '../shell/org-context';
import { confirmNoChangePath } from './cycle-api';
import { CYCLE_TEXT as T } from './cycle-text';

/**
 * On the re-assessment rule while it lacks data: an AI system that did not change can be confirmed
 * so, which is the record the auditor asks for (8.2, 8.4) instead of an empty change log.
 */
export function NoChangeButton({ orgId, href }: { orgId: string; href: string }) {
  const qc = useQueryClient();
  const { can } = useOrg();
  const [busy, setBusy] = useState(false);
  const id = /^\/ai-systems\/([^/]+)$/.exec(href)?.[1];
  if (!id || !can('ai_system.write')) return null;
  const confirm = async () => {
    setBusy(true);
    try {
      await api.post(confirmNoChangePath(orgId, id), {});
      await qc.invalidateQueries({ queryKey: ['readiness', orgId] });
      notifySuccess(T.noChangeConfirmed);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="xs" variant="light" loading={busy} onClick={() => void confirm()} style={{ alignSelf: 'flex-start' }}>
      {T.confirmNoChange}
    </Button>
  );
}
