import { useEffect, useId, useState } from 'react';
import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconBan } from '@tabler/icons-react';

// One approval dialog for the records an auditor relies on (SoA, treatment plan, impact
// assessment): what blocks approval, in the server's words; the warnings that may be approved past,
// each acknowledged with a tick and the approver's reason, which the server keeps with the approval.

export type ApprovalFinding = { code: string; message: string; blocking: boolean };

export const APPROVAL_TEXT = {
  blockingTitle: 'Approval is refused until these are settled',
  warningsTitle: 'Warnings an auditor would raise',
  acknowledge: 'I have read these warnings and approve as it stands',
  reasonLabel: 'Why you approve past them',
  reasonHint: 'Kept with the approval and shown in its history, e.g. when each point will be settled.',
  reasonMissing: 'Say why you approve past the warnings',
  cancel: 'Cancel',
};

export type Acknowledgement = { text: string; warnings: { code: string; message: string }[] } | null;

/** "Approved past 2 warnings: <reason>": the line history shows under an approval. */
export function AcknowledgementNote({
  acknowledgement,
  testId,
}: {
  acknowledgement: Acknowledgement | undefined;
  testId?: string;
}) {
  if (!acknowledgement) return null;
  const n = acknowledgement.warnings.length;
  return (
    <Text fz="xs" c="dimmed" data-testid={testId ?? 'approval-acknowledgement'}>
      {`Approved past ${n} warning${n === 1 ? '' : 's'} (${acknowledgement.warnings.map((w) => w.code.toLowerCase().replace(/_/g, ' ')).join(', ')}): “${acknowledgement.text}”`}
    </Text>
  );
}

export function ApprovalDialog({
  opened,
  onClose,
  title,
  body,
  findings,
  confirmLabel,
  pending,
  onConfirm,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  body: string;
  findings: ApprovalFinding[];
  confirmLabel: string;
  pending: boolean;
  onConfirm: (acknowledgement: string | undefined) => void;
}) {
  const blocking = findings.filter((f) => f.blocking);
  const warnings = findings.filter((f) => !f.blocking);
  const [ticked, setTicked] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const reasonId = useId();
  useEffect(() => {
    if (opened) {
      setTicked(false);
      setReason('');
      setTried(false);
    }
  }, [opened]);
  const needsAck = warnings.length > 0;
  const ready = blocking.length === 0 && (!needsAck || (ticked && reason.trim().length > 0));
  const submit = () => {
    setTried(true);
    if (ready) onConfirm(needsAck ? reason.trim() : undefined);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <Stack gap="md">
        <Text size="sm">{body}</Text>
        {blocking.length > 0 && (
          <Alert
            color="red"
            icon={<IconBan size={18} />}
            title={APPROVAL_TEXT.blockingTitle}
            data-testid="approval-blocking"
          >
            <List size="sm" spacing={4}>
              {blocking.map((f, i) => (
                <List.Item key={`${f.code}-${i}`}>{f.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {blocking.length === 0 && needsAck && (
          <Alert
            color="yellow"
            icon={<IconAlertTriangle size={18} />}
            title={APPROVAL_TEXT.warningsTitle}
            data-testid="approval-warnings"
          >
            <Stack gap="sm">
              <List size="sm" spacing={4}>
                {warnings.map((f, i) => (
                  <List.Item key={`${f.code}-${i}`}>{f.message}</List.Item>
                ))}
              </List>
              <Checkbox
                label={APPROVAL_TEXT.acknowledge}
                checked={ticked}
                onChange={(e) => setTicked(e.currentTarget.checked)}
                error={tried && !ticked ? ' ' : undefined}
                data-testid="approval-acknowledge"
              />
              <Textarea
                id={reasonId}
                label={APPROVAL_TEXT.reasonLabel}
                description={APPROVAL_TEXT.reasonHint}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={2000}
                required
                error={tried && !reason.trim() ? APPROVAL_TEXT.reasonMissing : undefined}
                data-testid="approval-reason"
              />
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {APPROVAL_TEXT.cancel}
          </Button>
          <Button
            onClick={submit}
            disabled={blocking.length > 0 || (needsAck && !ticked)}
            loading={pending}
            data-testid="approval-confirm"
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
