import { useState, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Button,
  DataList,
  Group,
  List,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconCalendarCheck, IconPencil, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { CONTRACT_CLAUSE_LABELS, DILIGENCE_ANSWER_LABELS, SUPPLY_KIND_LABELS } from '@fortytwo/domain';
import { api } from '../../api/client';
import { confirmDanger } from '../../ui/confirm';
import { formatDate } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { useOrg } from '../shell/org-context';
import { personOf, type WithPeople } from '../../api/people';
import { refreshThirdParties, supplierPath, suppliersHref, useSupplier, type Supplier } from './api';
import { SupplierForm } from './SupplierForm';
import { ReviewBadge } from './SupplierTable';
import { THIRD_PARTY_TEXT } from './text';

const T = THIRD_PARTY_TEXT.suppliers;
const F = T.fields;

function ReviewDialog({
  orgId,
  s,
  opened,
  onClose,
}: {
  orgId: string;
  s: Supplier;
  opened: boolean;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const [reviewedOn, setReviewedOn] = useState(new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      api.post<Supplier>(`${supplierPath(orgId, s.id)}/reviews`, { version: s.version, reviewedOn, note }),
    onSuccess: async () => {
      await refreshThirdParties(qc, orgId);
      notifySuccess(T.reviewed);
      onClose();
    },
    onError: (e) => setError(e instanceof Error ? e.message : String(e)),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={`${T.review}: ${s.ref} ${s.name}`}>
      <Stack gap="sm">
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label={T.reviewedOn}
          type="date"
          value={reviewedOn}
          onChange={(e) => setReviewedOn(e.currentTarget.value)}
        />
        <Textarea
          label={T.reviewNote}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {THIRD_PARTY_TEXT.cancel}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {T.review}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The supplier's details as a list, shared by the supplier page. */
export function SupplierDetails({ s }: { s: Supplier & WithPeople }) {
  const item = (label: string, value: ReactNode) => (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{value}</DataList.ItemValue>
    </DataList.Item>
  );
  const or = (v: string) => v || THIRD_PARTY_TEXT.none;
  return (
    <DataList withDivider labelWidth={240} gap="md">
      {item(F.kind, SUPPLY_KIND_LABELS[s.kind])}
      {item(
        F.supplies,
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {or(s.supplies)}
        </Text>,
      )}
      {item(F.aiSystemIds, s.aiSystems.map((x) => x.name).join(', ') || THIRD_PARTY_TEXT.none)}
      {item(F.trainsOnInputs, DILIGENCE_ANSWER_LABELS[s.trainsOnInputs])}
      {item(F.inputRetention, or(s.inputRetention))}
      {item(F.modelChangeNotice, DILIGENCE_ANSWER_LABELS[s.modelChangeNotice])}
      {item(F.incidentNotice, DILIGENCE_ANSWER_LABELS[s.incidentNotice])}
      {item(F.dataLocation, or(s.dataLocation))}
      {item(
        F.contractClauses,
        s.contractClauses.map((c) => CONTRACT_CLAUSE_LABELS[c]).join(', ') || THIRD_PARTY_TEXT.none,
      )}
      {item(F.reviewCadenceMonths, s.reviewCadenceMonths)}
      {item(F.lastReviewedOn, formatDate(s.lastReviewedOn))}
      {item(
        'Next review',
        <Group gap="xs">
          <Text fz="sm">{formatDate(s.nextReviewOn)}</Text>
          <ReviewBadge s={s} />
        </Group>,
      )}
      {item(F.ownerId, personOf(s.people, s.ownerId)?.name ?? THIRD_PARTY_TEXT.none)}
      {item(F.notes, or(s.notes))}
    </DataList>
  );
}

export const Warnings = ({ items }: { items: string[] }) =>
  items.length ? (
    <Alert color="yellow" variant="light" title={THIRD_PARTY_TEXT.warnings}>
      <List size="sm">
        {items.map((w) => (
          <List.Item key={w}>{w}</List.Item>
        ))}
      </List>
    </Alert>
  ) : null;

export function SupplierPage() {
  const { orgId, can } = useOrg();
  const { id = '' } = useParams();
  const one = useSupplier(orgId, id);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.delete(supplierPath(orgId, id)),
    onSuccess: async () => {
      notifySuccess(T.deleted);
      void navigate(suppliersHref(orgId));
      await refreshThirdParties(qc, orgId);
    },
    onError: (e) => notifyError(e),
  });
  if (one.isPending) return <Loading />;
  if (one.isError) return <ErrorAlert error={one.error} />;
  const s = one.data;
  const canWrite = can('supplier.write');
  return (
    <>
      <PageHeader
        crumbs={[{ label: T.title, to: suppliersHref(orgId) }, { label: `${s.ref} ${s.name}` }]}
        title={`${s.ref} ${s.name}`}
        badge={<ReviewBadge s={s} />}
        actions={
          canWrite && (
            <>
              <Button
                variant="default"
                color="red"
                leftSection={<IconTrash size={16} />}
                loading={remove.isPending}
                onClick={() =>
                  void confirmDanger({
                    title: T.deleteTitle,
                    message: T.deleteBody(s.name),
                    confirmLabel: THIRD_PARTY_TEXT.delete,
                  }).then((ok) => ok && remove.mutate())
                }
              >
                {THIRD_PARTY_TEXT.delete}
              </Button>
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                {THIRD_PARTY_TEXT.edit}
              </Button>
              <Button leftSection={<IconCalendarCheck size={16} />} onClick={() => setReviewing(true)}>
                {T.review}
              </Button>
            </>
          )
        }
      />
      {canWrite && (
        <SupplierForm key={s.version} orgId={orgId} supplier={s} opened={editing} onClose={() => setEditing(false)} />
      )}
      {canWrite && (
        <ReviewDialog
          key={`r${s.version}`}
          orgId={orgId}
          s={s}
          opened={reviewing}
          onClose={() => setReviewing(false)}
        />
      )}
      <Stack gap="md">
        <Warnings items={s.warnings} />
        <Paper withBorder radius="md" p="lg">
          <SupplierDetails s={s} />
        </Paper>
        <EvidencePanel subjectType="supplier" subjectId={s.id} title={T.evidence} />
        <Anchor component={Link} to={suppliersHref(orgId)} fz="sm">
          ← {T.title}
        </Anchor>
      </Stack>
    </>
  );
}
