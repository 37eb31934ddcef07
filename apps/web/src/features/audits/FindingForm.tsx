import { useState } from 'react';
import { Button, Group, MultiSelect, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { FINDING_GRADES, type FindingGrade } from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useMembers } from '../members/api';
import { auditPath, refreshAudits, type Audit } from './api';
import { AUDITS_TEXT as T } from './text';
import { type EvidenceRow } from './ChecklistRow';

export function FindingForm({ orgId, audit, evidence }: { orgId: string; audit: Audit; evidence: EvidenceRow[] }) {
  const qc = useQueryClient();
  const members = useMembers(orgId);
  const empty = { requirement: '', evidence: '', statement: '', ref: '' };
  const [f, setF] = useState(empty);
  const [grade, setGrade] = useState<FindingGrade>('minor');
  const [itemId, setItemId] = useState<string | null>(null);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [evidenceIds, setEvidenceIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // Read the value now: React runs the updater later, when the event's currentTarget is already null.
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setF((x) => ({ ...x, [k]: value }));
  };
  const submit = async () => {
    setBusy(true);
    try {
      await api.post(`${auditPath(orgId, audit.id)}/findings`, {
        grade,
        ref: f.ref.trim() || null,
        checklistItemId: itemId,
        requirement: f.requirement,
        evidence: f.evidence,
        statement: f.statement,
        ownerId,
        evidenceIds,
      });
      await refreshAudits(qc, orgId);
      setF(empty);
      setEvidenceIds([]);
      notifySuccess(
        grade === 'major' || grade === 'minor' ? 'Finding recorded; a nonconformity is raised' : 'Finding recorded',
      );
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Title order={3} fz="md">
          {T.addFinding}
        </Title>
        <Group grow align="flex-start">
          <Select
            label={T.finding.grade}
            data={FINDING_GRADES.map((g) => ({ value: g, label: T.grade[g] }))}
            value={grade}
            onChange={(v) => setGrade(v ?? 'minor')}
            allowDeselect={false}
          />
          <Select
            label="Checklist item"
            data={audit.checklist.map((i) => ({ value: i.id, label: `${i.ref} ${i.title}` }))}
            value={itemId}
            onChange={setItemId}
            clearable
            searchable
          />
          <TextInput label={T.finding.ref} value={f.ref} onChange={set('ref')} placeholder="from the item" />
        </Group>
        <Textarea label={T.finding.requirement} autosize value={f.requirement} onChange={set('requirement')} />
        <Textarea label={T.finding.evidence} autosize value={f.evidence} onChange={set('evidence')} />
        <Textarea label={T.finding.statement} autosize required value={f.statement} onChange={set('statement')} />
        <Group grow align="flex-start">
          <Select
            label={T.finding.owner}
            data={(members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }))}
            value={ownerId}
            onChange={setOwnerId}
            clearable
            searchable
          />
          <MultiSelect
            label={T.finding.evidenceIds}
            data={evidence.map((e) => ({ value: e.id, label: `${e.reference} ${e.title}` }))}
            value={evidenceIds}
            onChange={setEvidenceIds}
            searchable
          />
        </Group>
        <Group justify="flex-end">
          <Button onClick={() => void submit()} loading={busy}>
            {T.addFinding}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
