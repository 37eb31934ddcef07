import { useState } from 'react';
import { Alert, Button, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RISK_LEVEL_LABELS, ZAcceptRisk } from '@fortytwo/domain';
import { api, isApiError } from '../../api/client';
import { formatDate, formatDateTime } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { issuesByField } from '../../ui/use-zod-form';
import { useOrg } from '../shell/org-context';
import { refreshRisks, riskPath } from './api';
import { RISK_TEXT as T } from './text';
import type { RiskDetail } from './types';

/** The first date an acceptance may run until: the server refuses today and earlier, so the picker does too. */
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** The fields of this form a server refusal can name (`details.field`); others go to a notification. */
const FIELDS = new Set(['rationale', 'expiresAt']);

/**
 * The current acceptance and, for top management, the form to accept (or renew). An acceptance in force
 * closes the form: it stays one click away instead of inviting a second acceptance (issue 18).
 */
export function AcceptancePanel({ risk }: { risk: RiskDetail }) {
  const { orgId, can } = useOrg();
  const qc = useQueryClient();
  const [rationale, setRationale] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [renewing, setRenewing] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  // The same rule the server applies.
  const parsed = ZAcceptRisk.safeParse({ rationale, expiresAt });
  const errors = parsed.success ? {} : issuesByField(parsed.error.issues);
  const save = useMutation({
    mutationFn: () => api.post(`${riskPath(orgId, risk.id)}/acceptances`, parsed.data),
    onSuccess: async () => {
      await refreshRisks(qc, orgId);
      notifySuccess(T.accepted);
      setRationale('');
      setExpiresAt('');
      setSubmitted(false);
      setRenewing(false);
    },
    onError: (e) => {
      const field = isApiError(e) ? (e.details as { field?: unknown } | undefined)?.field : undefined;
      if (typeof field === 'string' && FIELDS.has(field)) setServerErrors({ [field]: e.message });
      else notifyError(e);
    },
  });
  const a = risk.acceptance;
  const formOpen = !a || risk.acceptanceState !== 'in_force' || renewing;
  const errorOf = (field: 'rationale' | 'expiresAt') =>
    serverErrors[field] ??
    (submitted ? (field === 'expiresAt' && !expiresAt ? T.expiresAtMissing : errors[field]) : undefined);
  return (
    <Stack gap="md">
      {a ? (
        <Alert
          color={risk.acceptanceState === 'expired' ? 'red' : risk.acceptanceState === 'expiring' ? 'orange' : 'teal'}
          variant="light"
          title={T.acceptance[risk.acceptanceState]}
          data-testid="acceptance"
        >
          <Stack gap={4}>
            <Text fz="sm">
              {T.acceptedLine(RISK_LEVEL_LABELS[a.level], a.acceptedBy.name, formatDate(a.expiresAt))}
            </Text>
            <Text fz="sm">{a.rationale}</Text>
            <Text fz="xs" c="dimmed">
              {formatDateTime(a.acceptedAt)}
            </Text>
          </Stack>
        </Alert>
      ) : (
        <Text fz="sm" c="dimmed">
          {T.noAcceptance}
        </Text>
      )}
      {!can('risk.approve') ? (
        <Text fz="sm" c="dimmed">
          {T.cannotAccept}
        </Text>
      ) : !formOpen ? (
        <Button variant="default" style={{ alignSelf: 'flex-start' }} onClick={() => setRenewing(true)}>
          {T.renewAcceptance}
        </Button>
      ) : (
        <Paper
          withBorder
          p="md"
          radius="md"
          component="form"
          aria-label={T.accept}
          onSubmit={(e: React.FormEvent) => {
            e.preventDefault();
            setSubmitted(true);
            if (parsed.success) save.mutate();
          }}
          noValidate
        >
          <Stack gap="sm">
            <Text fz="sm" c="dimmed">
              {T.acceptHelp}
            </Text>
            <Textarea
              label={T.rationale}
              required
              autosize
              minRows={2}
              value={rationale}
              onChange={(e) => {
                setRationale(e.currentTarget.value);
                setServerErrors({});
              }}
              error={errorOf('rationale')}
            />
            <TextInput
              type="date"
              label={T.expiresAt}
              required
              w={220}
              min={tomorrow()}
              value={expiresAt}
              onChange={(e) => {
                setExpiresAt(e.currentTarget.value);
                setServerErrors({});
              }}
              error={errorOf('expiresAt')}
            />
            <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
              {T.accept}
            </Button>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
