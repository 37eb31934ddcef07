import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import {
  DATA_SET_PURPOSE_LABELS,
  DATA_SOURCE_KIND_LABELS,
  LEGAL_BASIS_LABELS,
  QUALITY_RESULT_LABELS,
  SPECIAL_CATEGORY_LABELS,
} from '@fortytwo/domain';
import { api } from '../../api/client';
import { confirmDanger } from '../../ui/confirm';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { formatDate } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { useOrg } from '../shell/org-context';
import { personOf, type People } from '../../api/people';
import { dataSetDownloads, dataSetPath, refreshThirdParties, useDataSets, type DataSet } from './api';
import { DataSetForm } from './DataSetForm';
import { Warnings } from './SupplierPage';
import { THIRD_PARTY_TEXT } from './text';

const T = THIRD_PARTY_TEXT.data;
const F = T.fields;

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Text fz="sm" fw={500} w={220} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Group>
  );
}

function DataSetCard({
  orgId,
  aiSystemId,
  d,
  people,
  canWrite,
}: {
  orgId: string;
  aiSystemId: string;
  d: DataSet;
  people: People;
  canWrite: boolean;
}) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.delete(dataSetPath(orgId, d.id)),
    onSuccess: async () => {
      notifySuccess(T.deleted);
      await refreshThirdParties(qc, orgId);
    },
    onError: (e) => notifyError(e),
  });
  const or = (v: string) => v || THIRD_PARTY_TEXT.none;
  return (
    <Paper withBorder radius="md" p="lg" aria-label={`${d.ref} ${d.name}`} component="section">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={3} fz="md">
            {d.ref} {d.name}
          </Title>
          <Badge variant="light" tt="none">
            {DATA_SET_PURPOSE_LABELS[d.purpose]}
          </Badge>
          {d.personalData && (
            <Badge variant="light" color="orange" tt="none">
              {F.personalData}
            </Badge>
          )}
        </Group>
        {canWrite && (
          <Group gap="xs">
            <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
              {THIRD_PARTY_TEXT.edit}
            </Button>
            <Button
              size="xs"
              variant="default"
              color="red"
              leftSection={<IconTrash size={14} />}
              loading={remove.isPending}
              onClick={() =>
                void confirmDanger({
                  title: T.deleteTitle,
                  message: T.deleteBody(d.name),
                  confirmLabel: THIRD_PARTY_TEXT.delete,
                }).then((ok) => ok && remove.mutate())
              }
            >
              {THIRD_PARTY_TEXT.delete}
            </Button>
          </Group>
        )}
      </Group>
      {canWrite && (
        <DataSetForm
          key={d.version}
          orgId={orgId}
          aiSystemId={aiSystemId}
          dataSet={d}
          opened={editing}
          onClose={() => setEditing(false)}
        />
      )}
      <Stack gap={6}>
        <Warnings items={d.warnings} />
        <Row label={F.sourceKind}>{`${DATA_SOURCE_KIND_LABELS[d.sourceKind]}${d.source ? ` — ${d.source}` : ''}`}</Row>
        <Row label={F.provenance}>{or(d.provenance)}</Row>
        <Row label={F.acquiredOn}>{formatDate(d.acquiredOn)}</Row>
        <Row
          label={F.legalBasis}
        >{`${LEGAL_BASIS_LABELS[d.legalBasis]}${d.legalBasisDetail ? ` — ${d.legalBasisDetail}` : ''}`}</Row>
        <Row label={T.qualityChecks}>
          {d.qualityChecks
            .map(
              (c) =>
                `${c.check}: ${QUALITY_RESULT_LABELS[c.result]}${c.checkedOn ? ` (${formatDate(c.checkedOn)})` : ''}`,
            )
            .join('\n') || THIRD_PARTY_TEXT.none}
        </Row>
        <Row label={F.preparation}>{or(d.preparation)}</Row>
        <Row label={F.specialCategories}>
          {d.specialCategories.map((c) => SPECIAL_CATEGORY_LABELS[c]).join(', ') || THIRD_PARTY_TEXT.none}
        </Row>
        <Row label={F.retention}>
          {[d.retention, d.retainUntil ? `until ${formatDate(d.retainUntil)}` : ''].filter(Boolean).join(', ') ||
            THIRD_PARTY_TEXT.none}
        </Row>
        <Row label={F.aiSystemIds}>{d.aiSystems.map((s) => s.name).join(', ')}</Row>
        <Row label={F.ownerId}>{personOf(people, d.ownerId)?.name ?? THIRD_PARTY_TEXT.none}</Row>
      </Stack>
      <EvidencePanel subjectType="data_set" subjectId={d.id} title={T.evidence} />
    </Paper>
  );
}

/** The AI system page's Data tab (A.7): the data sets the system uses. */
export function DataTab({ aiSystemId }: { aiSystemId: string }) {
  const { orgId, can } = useOrg();
  const list = useDataSets(orgId, aiSystemId);
  const [adding, setAdding] = useState(false);
  const canWrite = can('data_set.write');
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} fz="lg">
            {T.title}
          </Title>
          <Text c="dimmed" fz="sm" maw={760}>
            {T.description}
          </Text>
        </div>
        <Group gap="xs">
          <DownloadMenu label={THIRD_PARTY_TEXT.export} items={dataSetDownloads(orgId, aiSystemId)} />
          {canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {T.add}
            </Button>
          )}
        </Group>
      </Group>
      {canWrite && (
        <DataSetForm orgId={orgId} aiSystemId={aiSystemId} opened={adding} onClose={() => setAdding(false)} />
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Title order={3} fz="md" mb="xs">
            {T.emptyTitle}
          </Title>
          <Text c="dimmed">{T.emptyBody}</Text>
        </Paper>
      ) : (
        list.data.items.map((d) => (
          <DataSetCard
            key={d.id}
            orgId={orgId}
            aiSystemId={aiSystemId}
            d={d}
            people={list.data.people}
            canWrite={canWrite}
          />
        ))
      )}
    </Stack>
  );
}
