import { useState } from 'react';
import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { AUDIT_METHODS, type AuditMethod } from '@fortytwo/domain';
import { api, isApiError } from '../../api/client';
import { notifyError } from '../../ui/notify';
import { useMembers } from '../members/api';
import { auditHref, auditsPath, refreshAudits, type Audit } from './api';
import { AUDITS_TEXT as T } from './text';

export const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export function PlanAuditModal({ orgId, opened, onClose }: { orgId: string; opened: boolean; onClose: () => void }) {
  const members = useMembers(orgId);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [f, setF] = useState({
    title: '',
    objectives: '',
    refs: '',
    units: '',
    sites: '',
    auditees: '',
    method: 'on_site' as AuditMethod,
    plannedStart: '',
    plannedEnd: '',
    independenceJustification: '',
  });
  const [leadId, setLeadId] = useState<string | null>(null);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // Read the value now: React runs the updater later, when the event's currentTarget is already null.
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setF((x) => ({ ...x, [k]: value }));
  };
  const people = (members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }));
  const submit = async () => {
    setBusy(true);
    try {
      const created = await api.post<Audit>(auditsPath(orgId), {
        title: f.title,
        objectives: f.objectives,
        scope: { refs: list(f.refs), units: list(f.units), sites: list(f.sites) },
        leadId,
        teamIds,
        auditees: list(f.auditees),
        method: f.method,
        plannedStart: f.plannedStart || null,
        plannedEnd: f.plannedEnd || null,
        independenceJustification: f.independenceJustification,
      });
      await refreshAudits(qc, orgId);
      onClose();
      void navigate(auditHref(orgId, created.id));
    } catch (e) {
      if (isApiError(e, 'ACKNOWLEDGEMENT_REQUIRED')) {
        const d = e.details as { warnings?: { message: string }[] } | undefined;
        setWarnings((d?.warnings ?? []).map((w) => w.message));
      } else notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={T.plan} size="lg">
      <Stack gap="sm">
        <TextInput label={T.fields.title} required value={f.title} onChange={set('title')} data-autofocus />
        <Textarea label={T.fields.objectives} autosize value={f.objectives} onChange={set('objectives')} />
        <TextInput label={T.fields.refs} value={f.refs} onChange={set('refs')} />
        <Group grow>
          <TextInput label={T.fields.units} value={f.units} onChange={set('units')} />
          <TextInput label={T.fields.sites} value={f.sites} onChange={set('sites')} />
        </Group>
        <Group grow>
          <Select label={T.fields.lead} data={people} value={leadId} onChange={setLeadId} clearable searchable />
          <MultiSelect label={T.fields.team} data={people} value={teamIds} onChange={setTeamIds} searchable />
        </Group>
        <TextInput label={T.fields.auditees} value={f.auditees} onChange={set('auditees')} />
        <Group grow>
          <Select
            label={T.fields.method}
            data={AUDIT_METHODS.map((m) => ({ value: m, label: T.method[m] }))}
            value={f.method}
            onChange={(v) => setF((x) => ({ ...x, method: v ?? 'on_site' }))}
            allowDeselect={false}
          />
          <TextInput type="date" label={T.fields.plannedStart} value={f.plannedStart} onChange={set('plannedStart')} />
          <TextInput type="date" label={T.fields.plannedEnd} value={f.plannedEnd} onChange={set('plannedEnd')} />
        </Group>
        {warnings.length > 0 && (
          <Alert color="orange" title={T.independence} role="alert">
            <Stack gap={4}>
              {warnings.map((w) => (
                <Text key={w} fz="sm">
                  {w}
                </Text>
              ))}
              <Text fz="sm">{T.independenceHelp}</Text>
            </Stack>
          </Alert>
        )}
        {warnings.length > 0 && (
          <Textarea
            label={T.fields.justification}
            autosize
            value={f.independenceJustification}
            onChange={set('independenceJustification')}
          />
        )}
        <Group justify="flex-end">
          <Button onClick={() => void submit()} loading={busy}>
            {T.plan}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
