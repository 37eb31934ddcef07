import { useEffect, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { formatDate } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useOrg } from '../shell/org-context';
import { programmePath, refreshAudits, type Programme } from './api';
import { AUDITS_TEXT as T } from './text';

export function ProgrammeForm({ orgId, programme }: { orgId: string; programme: Programme }) {
  const { can } = useOrg();
  const qc = useQueryClient();
  const [cycleStart, setCycleStart] = useState(programme.cycleStart);
  const [cycleYears, setCycleYears] = useState<number>(programme.cycleYears);
  const [approach, setApproach] = useState(programme.approach);
  const [ack, setAck] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setCycleStart(programme.cycleStart);
    setCycleYears(programme.cycleYears);
    setApproach(programme.approach);
  }, [programme.version, programme.cycleStart, programme.cycleYears, programme.approach]);
  const save = async () => {
    setBusy(true);
    try {
      await api.put(programmePath(orgId), { version: programme.version, cycleStart, cycleYears, approach });
      await refreshAudits(qc, orgId);
      notifySuccess('Programme saved as a draft to approve');
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const approve = async () => {
    setBusy(true);
    try {
      await api.post(programmePath(orgId) + '/approve', {
        version: programme.version,
        ...(ack.trim() ? { acknowledgement: ack } : {}),
      });
      await refreshAudits(qc, orgId);
      notifySuccess('Programme approved');
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const editable = can('audit.write');
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="lg">
            {T.programme}
          </Title>
          <Badge variant="light" color={programme.status === 'approved' ? 'teal' : 'gray'}>
            {programme.status === 'approved'
              ? `Approved, revision ${programme.approvedRevision}`
              : programme.version === 0
                ? 'Not saved yet'
                : 'Draft'}
          </Badge>
        </Group>
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label={T.cycle}
            value={cycleStart}
            onChange={(e) => setCycleStart(e.currentTarget.value)}
            disabled={!editable}
          />
          <NumberInput
            label={T.cycleYears}
            min={1}
            max={5}
            value={cycleYears}
            onChange={(v) => setCycleYears(Number(v) || 1)}
            disabled={!editable}
          />
          <TextInput label="Cycle end" value={formatDate(programme.cycleEnd)} readOnly />
        </Group>
        <Textarea
          label={T.approach}
          autosize
          minRows={2}
          value={approach}
          onChange={(e) => setApproach(e.currentTarget.value)}
          disabled={!editable}
        />
        {programme.warnings.map((w) => (
          <Alert key={w.code} color="orange" variant="light">
            {w.message}
          </Alert>
        ))}
        <Group>
          {editable && (
            <Button onClick={() => void save()} loading={busy}>
              {T.save}
            </Button>
          )}
          {can('audit.approve') && programme.status === 'draft' && programme.version > 0 && (
            <>
              {programme.warnings.length > 0 && (
                <TextInput
                  label={T.acknowledge}
                  value={ack}
                  onChange={(e) => setAck(e.currentTarget.value)}
                  style={{ flex: 1 }}
                />
              )}
              <Button variant="light" onClick={() => void approve()} loading={busy}>
                {T.approve}
              </Button>
            </>
          )}
        </Group>
        {programme.approvals.length > 0 && (
          <Text fz="sm" c="dimmed">
            {programme.approvals
              .map((a) => `Revision ${a.number} approved by ${a.approvedByName} on ${formatDate(a.approvedAt)}`)
              .join(' · ')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
