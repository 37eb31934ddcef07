import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertCircle, IconCircleCheck, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { api, isApiError } from '../../api/client';
import { formatDateTime } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { impactOneKey, impactPath, refreshImpacts, type ImpactAssessment } from './api';
import { IMPACT_TEXT as T } from './text';

export function ImpactStatusBadge({ a, size = 'lg' }: { a: Pick<ImpactAssessment, 'status'>; size?: 'sm' | 'lg' }) {
  return a.status === 'signed_off' ? (
    <Badge
      color="teal"
      variant="light"
      size={size}
      tt="none"
      data-testid="impact-status"
      style={{ flexShrink: 0 }}
      leftSection={<IconRosetteDiscountCheck size={size === 'lg' ? 14 : 12} aria-hidden />}
    >
      {T.statusSignedOff}
    </Badge>
  ) : (
    <Badge color="gray" variant="light" size={size} tt="none" data-testid="impact-status" style={{ flexShrink: 0 }}>
      {T.statusDraft}
    </Badge>
  );
}

/** Who signs off, what is missing before they can, and the stamp afterwards (8.4, A.5.3). */
export function SignOffPanel({ orgId, a, canSignOff }: { orgId: string; a: ImpactAssessment; canSignOff: boolean }) {
  const qc = useQueryClient();
  const signOff = useMutation({
    mutationFn: () => api.post<ImpactAssessment>(`${impactPath(orgId, a.id)}/sign-off`, { version: a.version }),
    onSuccess: async (saved) => {
      qc.setQueryData(impactOneKey(orgId, saved.id), saved);
      notifySuccess(T.signedOffToast(saved.ref));
      await refreshImpacts(qc, orgId);
    },
    onError: (e) => {
      notifyError(e, T.signOffFailed);
      if (isApiError(e, 'STALE_VERSION') || isApiError(e, 'RULE_VIOLATION')) void refreshImpacts(qc, orgId);
    },
  });
  const ask = () =>
    modals.openConfirmModal({
      title: T.signOffTitle(a.ref),
      children: <Text size="sm">{T.signOffBody}</Text>,
      labels: { confirm: T.signOffButton, cancel: T.cancel },
      onConfirm: () => signOff.mutate(),
    });
  const problems = a.signOffProblems;

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="impact-signoff-title"
      data-testid="impact-signoff"
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} fz="md" id="impact-signoff-title">
            {T.signOff}
          </Title>
          <ImpactStatusBadge a={a} />
        </Group>
        {a.status === 'signed_off' ? (
          <Group gap={8} wrap="nowrap" align="flex-start">
            <IconRosetteDiscountCheck
              size={20}
              color="var(--mantine-color-teal-7)"
              style={{ flexShrink: 0 }}
              aria-hidden
            />
            <Text fz="sm" data-testid="impact-signed-off">
              {T.signedOffBy(a.signedOffBy?.name ?? '—', formatDateTime(a.signedOffAt))}
            </Text>
          </Group>
        ) : (
          <>
            {problems.length > 0 ? (
              <div>
                <Text fz="sm" fw={600} id="impact-signoff-problems">
                  {T.problemsTitle}
                </Text>
                <List
                  fz="sm"
                  spacing={2}
                  mt={4}
                  icon={<IconAlertCircle size={16} color="var(--mantine-color-orange-8)" aria-hidden />}
                  data-testid="signoff-problems"
                >
                  {problems.map((p) => (
                    <List.Item key={p}>{p}</List.Item>
                  ))}
                </List>
              </div>
            ) : (
              <Group gap={6} wrap="nowrap">
                <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
                <Text fz="sm">{T.ready}</Text>
              </Group>
            )}
            {canSignOff ? (
              <Button
                leftSection={<IconRosetteDiscountCheck size={16} />}
                onClick={ask}
                disabled={problems.length > 0}
                loading={signOff.isPending}
                aria-describedby={problems.length ? 'impact-signoff-problems' : undefined}
                style={{ alignSelf: 'flex-start' }}
              >
                {T.signOffButton}
              </Button>
            ) : (
              <Text fz="xs" c="dimmed">
                {T.whoSignsOff}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
