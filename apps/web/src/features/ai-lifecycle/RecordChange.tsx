import { useState } from 'react';
import { Alert, Button, Checkbox, Select, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CHANGE_KIND_LABELS,
  CHANGE_KINDS,
  ruleFor,
  ZChangeFields,
  type ChangeKind,
  type RiskTier,
} from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { useZodForm } from '../../ui/use-zod-form';
import { refreshLifecycle, systemPath, today, type Change } from './api';
import { ZodFormModal } from './FormModals';
import { LIFECYCLE_TEXT as T } from './text';

// The override is asked as a checkbox and a reason; its issues (override.reason) show on the reason.
const changeFieldOf = (path: string[]) => (path[0] === 'override' ? 'reason' : (path[0] ?? ''));
const newChange = () => ({
  kind: 'retraining' as ChangeKind,
  title: '',
  description: '',
  occurredOn: today(),
  decide: false,
  reason: '',
});

export function RecordChange({
  orgId,
  aiSystemId,
  riskTier,
}: {
  orgId: string;
  aiSystemId: string;
  riskTier: RiskTier;
}) {
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const form = useZodForm(
    ZChangeFields,
    newChange(),
    ({ decide, reason, ...v }) => ({
      ...v,
      override: decide ? { significant: !ruleFor(v.kind, riskTier).significant, reason } : null,
    }),
    changeFieldOf,
  );
  const rule = ruleFor(form.values.kind, riskTier);
  const save = useMutation({
    mutationFn: (input: unknown) => api.post<Change>(`${systemPath(orgId, aiSystemId)}/changes`, input),
    onSuccess: async (c) => {
      await refreshLifecycle(qc, orgId);
      notifySuccess(T.changeRecorded(c.significant));
      setOpened(false);
      form.reset(newChange());
    },
    onError: (e) => form.showServerError(e),
  });
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {T.recordChange}
      </Button>
      <ZodFormModal title={T.recordChange} opened={opened} onClose={() => setOpened(false)} form={form} save={save}>
        <Select
          {...form.field('kind')}
          label={T.kind}
          data={CHANGE_KINDS.map((k) => ({ value: k, label: CHANGE_KIND_LABELS[k] }))}
          allowDeselect={false}
        />
        <TextInput {...form.field('title')} label={T.title} required />
        <Textarea {...form.field('description')} label={T.description} />
        <TextInput {...form.field('occurredOn')} label={T.occurredOn} type="date" />
        <Alert color={rule.significant ? 'orange' : 'gray'} variant="light">
          <Text fz="sm">
            {rule.significant ? T.significant : T.notSignificant} {T.byRule}: {rule.because}.
          </Text>
        </Alert>
        <Checkbox {...form.checkbox('decide')} label={T.overrideTo(!rule.significant)} />
        {form.values.decide && <Textarea {...form.field('reason')} label={T.overrideReason} required />}
      </ZodFormModal>
    </>
  );
}
