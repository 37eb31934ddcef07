import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconX } from '@tabler/icons-react';
import {
  DATA_SET_PURPOSE_LABELS,
  DATA_SET_PURPOSES,
  DATA_SOURCE_KIND_LABELS,
  DATA_SOURCE_KINDS,
  LEGAL_BASES,
  LEGAL_BASIS_LABELS,
  QUALITY_RESULT_LABELS,
  QUALITY_RESULTS,
  SPECIAL_CATEGORIES,
  SPECIAL_CATEGORY_LABELS,
  ZDataSetFields,
  type DataSetPurpose,
  type DataSourceKind,
  type LegalBasis,
  type QualityResult,
  type SpecialCategory,
} from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { useAiSystemChoices } from '../impact/api';
import { useMembers } from '../members/api';
import { dataSetPath, dataSetsPath, refreshThirdParties, type DataSet } from './api';
import { THIRD_PARTY_TEXT } from './text';

const T = THIRD_PARTY_TEXT.data;

type Check = { check: string; result: QualityResult; checkedOn: string; note: string };
type Values = {
  name: string;
  description: string;
  purpose: DataSetPurpose;
  sourceKind: DataSourceKind;
  source: string;
  provenance: string;
  acquiredOn: string;
  legalBasis: LegalBasis;
  legalBasisDetail: string;
  qualityChecks: Check[];
  preparation: string;
  personalData: boolean;
  specialCategories: SpecialCategory[];
  retention: string;
  retainUntil: string;
  ownerId: string | null;
  aiSystemIds: string[];
};
const empty = (aiSystemId: string): Values => ({
  name: '',
  description: '',
  purpose: 'training',
  sourceKind: 'internal',
  source: '',
  provenance: '',
  acquiredOn: '',
  legalBasis: 'own_data',
  legalBasisDetail: '',
  qualityChecks: [],
  preparation: '',
  personalData: false,
  specialCategories: [],
  retention: '',
  retainUntil: '',
  ownerId: null,
  aiSystemIds: [aiSystemId],
});
const valuesOf = (d: DataSet): Values => ({
  ...d,
  acquiredOn: d.acquiredOn ?? '',
  retainUntil: d.retainUntil ?? '',
  qualityChecks: d.qualityChecks.map((c) => ({ ...c, checkedOn: c.checkedOn ?? '' })),
});
const toInput = (v: Values) => ({
  ...v,
  acquiredOn: v.acquiredOn || null,
  retainUntil: v.retainUntil || null,
  qualityChecks: v.qualityChecks.map((c) => ({ ...c, checkedOn: c.checkedOn || null })),
});

/** Adds a data set used by an AI system, or edits one with the version it was read at. */
export function DataSetForm({
  orgId,
  aiSystemId,
  dataSet,
  opened,
  onClose,
}: {
  orgId: string;
  aiSystemId: string;
  dataSet?: DataSet;
  opened: boolean;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const members = useMembers(orgId);
  const systems = useAiSystemChoices(orgId);
  const form = useZodForm(ZDataSetFields, dataSet ? valuesOf(dataSet) : empty(aiSystemId), toInput);
  const save = useMutation({
    mutationFn: (input: unknown) =>
      dataSet
        ? api.patch<DataSet>(dataSetPath(orgId, dataSet.id), { ...(input as object), version: dataSet.version })
        : api.post<DataSet>(dataSetsPath(orgId), input),
    onSuccess: async (d) => {
      await refreshThirdParties(qc, orgId);
      notifySuccess(dataSet ? T.saved : T.created(d.ref));
      onClose();
      if (!dataSet) form.reset(empty(aiSystemId));
    },
    onError: (e) => form.showServerError(e),
  });
  const field = <K extends keyof Values>(k: K) => ({ ...form.field(k), label: T.fields[k] });
  const checks = form.values.qualityChecks;
  const setCheck = (i: number, patch: Partial<Check>) =>
    form.setValue(
      'qualityChecks',
      checks.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    );

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={dataSet ? `${THIRD_PARTY_TEXT.edit} ${dataSet.ref}` : T.add}
      size="xl"
    >
      <ValidatedForm form={form} save={save} submitLabel={THIRD_PARTY_TEXT.save} onCancel={onClose}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...field('name')} required data-autofocus />
          <Select
            {...field('purpose')}
            data={DATA_SET_PURPOSES.map((p) => ({ value: p, label: DATA_SET_PURPOSE_LABELS[p] }))}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Textarea {...field('description')} autosize minRows={1} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            {...field('sourceKind')}
            data={DATA_SOURCE_KINDS.map((p) => ({ value: p, label: DATA_SOURCE_KIND_LABELS[p] }))}
            allowDeselect={false}
          />
          <TextInput {...field('source')} />
          <TextInput {...field('acquiredOn')} type="date" />
        </SimpleGrid>
        <Textarea {...field('provenance')} description={T.hints.provenance} autosize minRows={2} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            {...field('legalBasis')}
            data={LEGAL_BASES.map((p) => ({ value: p, label: LEGAL_BASIS_LABELS[p] }))}
            allowDeselect={false}
          />
          <TextInput {...field('legalBasisDetail')} />
        </SimpleGrid>
        <Stack gap={6}>
          <Text fw={500} fz="sm">
            {T.qualityChecks}
          </Text>
          {form.errorFor('qualityChecks') && (
            <Text c="red" fz="sm">
              {form.errorFor('qualityChecks')}
            </Text>
          )}
          {checks.map((c, i) => (
            <Group key={i} wrap="nowrap" align="flex-end">
              <TextInput
                label={`Check ${i + 1}`}
                value={c.check}
                onChange={(e) => setCheck(i, { check: e.currentTarget.value })}
                style={{ flex: 2 }}
              />
              <Select
                label="Result"
                data={QUALITY_RESULTS.map((r) => ({ value: r, label: QUALITY_RESULT_LABELS[r] }))}
                value={c.result}
                onChange={(v) => v && setCheck(i, { result: v })}
                allowDeselect={false}
                w={140}
              />
              <TextInput
                label="Date"
                type="date"
                value={c.checkedOn}
                onChange={(e) => setCheck(i, { checkedOn: e.currentTarget.value })}
                w={160}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                mb={4}
                aria-label={`Remove check ${i + 1}`}
                onClick={() =>
                  form.setValue(
                    'qualityChecks',
                    checks.filter((_, j) => j !== i),
                  )
                }
              >
                <IconX size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() =>
                form.setValue('qualityChecks', [...checks, { check: '', result: 'passed', checkedOn: '', note: '' }])
              }
            >
              {T.addCheck}
            </Button>
          </Group>
        </Stack>
        <Textarea {...field('preparation')} description={T.hints.preparation} autosize minRows={2} />
        <Checkbox {...form.checkbox('personalData')} label={T.fields.personalData} />
        <MultiSelect
          {...field('specialCategories')}
          data={SPECIAL_CATEGORIES.map((c) => ({ value: c, label: SPECIAL_CATEGORY_LABELS[c] }))}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput {...field('retention')} />
          <TextInput {...field('retainUntil')} type="date" />
          <Select
            {...field('ownerId')}
            data={(members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }))}
            clearable
            searchable
          />
        </SimpleGrid>
        <MultiSelect
          {...field('aiSystemIds')}
          data={(systems.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          searchable
        />
      </ValidatedForm>
    </Modal>
  );
}
