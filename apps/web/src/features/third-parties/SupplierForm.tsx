import { Checkbox, Modal, MultiSelect, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CONTRACT_CLAUSE_LABELS,
  CONTRACT_CLAUSES,
  DILIGENCE_ANSWER_LABELS,
  DILIGENCE_ANSWERS,
  SUPPLY_KIND_LABELS,
  SUPPLY_KINDS,
  ZSupplierFields,
  type ContractClause,
  type DiligenceAnswer,
  type SupplyKind,
} from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { useAiSystemChoices } from '../impact/api';
import { useMembers } from '../members/api';
import { refreshThirdParties, supplierPath, suppliersPath, type Supplier } from './api';
import { THIRD_PARTY_TEXT } from './text';

const T = THIRD_PARTY_TEXT.suppliers;

type Values = {
  name: string;
  supplies: string;
  kind: SupplyKind;
  aiSystemIds: string[];
  trainsOnInputs: DiligenceAnswer;
  inputRetention: string;
  modelChangeNotice: DiligenceAnswer;
  incidentNotice: DiligenceAnswer;
  dataLocation: string;
  contractClauses: ContractClause[];
  reviewCadenceMonths: string;
  lastReviewedOn: string;
  ownerId: string | null;
  notes: string;
};
const empty = (aiSystemId?: string): Values => ({
  name: '',
  supplies: '',
  kind: 'model_api',
  aiSystemIds: aiSystemId ? [aiSystemId] : [],
  trainsOnInputs: 'unknown',
  inputRetention: '',
  modelChangeNotice: 'unknown',
  incidentNotice: 'unknown',
  dataLocation: '',
  contractClauses: [],
  reviewCadenceMonths: '12',
  lastReviewedOn: '',
  ownerId: null,
  notes: '',
});
const valuesOf = (s: Supplier): Values => ({
  name: s.name,
  supplies: s.supplies,
  kind: s.kind,
  aiSystemIds: s.aiSystemIds,
  trainsOnInputs: s.trainsOnInputs,
  inputRetention: s.inputRetention,
  modelChangeNotice: s.modelChangeNotice,
  incidentNotice: s.incidentNotice,
  dataLocation: s.dataLocation,
  contractClauses: s.contractClauses,
  reviewCadenceMonths: String(s.reviewCadenceMonths),
  lastReviewedOn: s.lastReviewedOn ?? '',
  ownerId: s.ownerId,
  notes: s.notes,
});
const toInput = (v: Values) => ({
  ...v,
  reviewCadenceMonths: v.reviewCadenceMonths.trim() === '' ? undefined : Number(v.reviewCadenceMonths),
  lastReviewedOn: v.lastReviewedOn || null,
});
const answers = DILIGENCE_ANSWERS.map((a) => ({ value: a, label: DILIGENCE_ANSWER_LABELS[a] }));

/** Adds a supplier (optionally already used by one AI system), or edits one with the version it was read at. */
export function SupplierForm({
  orgId,
  supplier,
  aiSystemId,
  opened,
  onClose,
}: {
  orgId: string;
  supplier?: Supplier;
  aiSystemId?: string;
  opened: boolean;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const members = useMembers(orgId);
  const systems = useAiSystemChoices(orgId);
  const form = useZodForm(ZSupplierFields, supplier ? valuesOf(supplier) : empty(aiSystemId), toInput);
  const save = useMutation({
    mutationFn: (input: unknown) =>
      supplier
        ? api.patch<Supplier>(supplierPath(orgId, supplier.id), { ...(input as object), version: supplier.version })
        : api.post<Supplier>(suppliersPath(orgId), input),
    onSuccess: async (s) => {
      await refreshThirdParties(qc, orgId);
      notifySuccess(supplier ? T.saved : T.created(s.ref));
      onClose();
      if (!supplier) form.reset(empty(aiSystemId));
    },
    onError: (e) => form.showServerError(e),
  });
  const field = <K extends keyof Values>(k: K) => ({ ...form.field(k), label: T.fields[k] });
  const answer = (k: 'trainsOnInputs' | 'modelChangeNotice' | 'incidentNotice') => (
    <Select {...field(k)} data={answers} allowDeselect={false} />
  );

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={supplier ? `${THIRD_PARTY_TEXT.edit} ${supplier.ref}` : T.add}
      size="xl"
    >
      <ValidatedForm form={form} save={save} submitLabel={THIRD_PARTY_TEXT.save} onCancel={onClose}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...field('name')} required data-autofocus />
          <Select
            {...field('kind')}
            data={SUPPLY_KINDS.map((k) => ({ value: k, label: SUPPLY_KIND_LABELS[k] }))}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Textarea {...field('supplies')} autosize minRows={2} />
        <MultiSelect
          {...field('aiSystemIds')}
          data={(systems.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          searchable
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {answer('trainsOnInputs')}
          {answer('modelChangeNotice')}
          {answer('incidentNotice')}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...field('inputRetention')} />
          <TextInput {...field('dataLocation')} />
        </SimpleGrid>
        <Checkbox.Group {...field('contractClauses')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing={6}>
            {CONTRACT_CLAUSES.map((c) => (
              <Checkbox key={c} value={c} label={CONTRACT_CLAUSE_LABELS[c]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput {...field('reviewCadenceMonths')} inputMode="numeric" />
          <TextInput {...field('lastReviewedOn')} type="date" />
          <Select
            {...field('ownerId')}
            data={(members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }))}
            clearable
            searchable
          />
        </SimpleGrid>
        <Textarea {...field('notes')} autosize minRows={2} />
      </ValidatedForm>
    </Modal>
  );
}
