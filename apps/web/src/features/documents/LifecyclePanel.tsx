import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  IconArrowBackUp,
  IconCircleCheck,
  IconMessageCircle,
  IconRosetteDiscountCheck,
  IconSend,
  IconWorldUpload,
  IconArchive,
  IconPencilPlus,
} from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useMe } from '../../api/session';
import { notifySuccess } from '../../ui/notify';
import { errorMessage } from '../../ui/QueryState';
import { useMembers } from '../members/api';
import { useOrg } from '../shell/org-context';
import {
  documentHref,
  documentPath,
  refreshDocuments,
  versionPath,
  type DocumentDetail,
  type VersionDetail,
  type VersionSummary,
} from './api';
import { VersionBadge } from './labels';
import { CommentDialogModal, DIALOGS, NextDraftDialog, SubmitDialog, type Dialog } from './LifecycleDialogs';
import { DONE, statusLine } from './lifecycle-text';
import classes from './documents.module.css';

/** Who may do what with this version now, and the dialogs that do it: submit, review, send back, approve, publish, withdraw, next draft. */
export function LifecyclePanel({
  orgId,
  doc,
  version,
}: {
  orgId: string;
  doc: DocumentDetail;
  version: VersionDetail;
}) {
  const { can } = useOrg();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const members = useMembers(orgId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [comment, setComment] = useState('');
  const path = versionPath(orgId, doc.id, version.id);
  const myId = me.data?.user.id;
  const round = Math.max(0, ...version.reviews.map((r) => r.round));
  const mine = version.reviews.find((r) => r.round === round && r.reviewer?.id === myId && r.decision === null);
  const objections = version.reviews.filter((r) => r.round === round && r.decision === 'changes_requested');
  const isLatest = doc.latest.id === version.id;

  const act = useMutation({
    mutationFn: async ({ to, body }: { to: string; body: unknown }) =>
      api.post<VersionDetail | VersionSummary>(to, body),
    onSuccess: async (v, { to }) => {
      setDialog(null);
      setComment('');
      await refreshDocuments(qc, orgId);
      if (to.endsWith('/versions')) {
        notifySuccess(`Draft ${v.label} started from the version in force.`);
        await navigate(documentHref(orgId, doc.id, v.id));
      } else notifySuccess(DONE[to.slice(to.lastIndexOf('/') + 1)]?.(v) ?? 'Done.');
    },
  });
  const open = (d: Dialog) => {
    act.reset();
    setComment('');
    setDialog(d);
  };
  const post = (suffix: string, body: Record<string, unknown>) =>
    act.mutate({ to: `${path}/${suffix}`, body: { version: version.version, ...body } });

  const people = (members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }));
  const buttons: React.ReactNode[] = [];
  const s = version.state;
  if (s === 'draft' && can('document.write')) {
    buttons.push(
      <Button key="submit" leftSection={<IconSend size={16} />} onClick={() => open('submit')}>
        Submit for review
      </Button>,
    );
    if (!version.material)
      buttons.push(
        <Button
          key="publish-minor"
          variant="default"
          leftSection={<IconWorldUpload size={16} />}
          onClick={() => post('publish', {})}
          loading={act.isPending && act.variables?.to.endsWith('/publish')}
        >
          Publish (minor change)
        </Button>,
      );
  }
  if (s === 'in_review') {
    if (mine)
      buttons.push(
        <Button key="agree" leftSection={<IconCircleCheck size={16} />} onClick={() => open('agree')}>
          Agree
        </Button>,
        <Button
          key="changes"
          variant="default"
          leftSection={<IconMessageCircle size={16} />}
          onClick={() => open('changes')}
        >
          Ask for changes
        </Button>,
      );
    if (can('document.approve'))
      buttons.push(
        <Button
          key="approve"
          leftSection={<IconRosetteDiscountCheck size={16} />}
          onClick={() => open('approve')}
          disabled={objections.length > 0 || version.placeholders.length > 0}
        >
          Approve
        </Button>,
        <Button
          key="send-back"
          variant="default"
          leftSection={<IconArrowBackUp size={16} />}
          onClick={() => open('send-back')}
        >
          Send back
        </Button>,
      );
    if (can('document.write'))
      buttons.push(
        <Button
          key="recall"
          variant="subtle"
          onClick={() => post('recall', {})}
          loading={act.isPending && act.variables?.to.endsWith('/recall')}
        >
          Recall to edit
        </Button>,
      );
  }
  if (s === 'approved' && can('document.publish'))
    buttons.push(
      <Button
        key="publish"
        leftSection={<IconWorldUpload size={16} />}
        onClick={() => post('publish', {})}
        loading={act.isPending && act.variables?.to.endsWith('/publish')}
      >
        Publish
      </Button>,
    );
  // A record (a signed-off audit report) is frozen: no next draft, no withdrawal.
  if (s === 'published' && doc.kind !== 'record') {
    if (isLatest && can('document.write'))
      buttons.push(
        <Button key="new" leftSection={<IconPencilPlus size={16} />} onClick={() => open('new-draft')}>
          Start the next draft
        </Button>,
      );
    if (can('document.publish'))
      buttons.push(
        <Button
          key="withdraw"
          variant="subtle"
          color="red"
          leftSection={<IconArchive size={16} />}
          onClick={() => open('withdraw')}
        >
          Withdraw
        </Button>,
      );
  }

  const d = dialog && dialog !== 'submit' && dialog !== 'new-draft' ? DIALOGS[dialog] : null;
  const sending = { error: act.isError ? act.error : null, pending: act.isPending };
  const confirmDialog = () => {
    if (dialog === 'agree' || dialog === 'changes')
      post('reviews', { decision: dialog === 'agree' ? 'agree' : 'changes_requested', comment });
    else if (dialog === 'approve' || dialog === 'send-back' || dialog === 'withdraw') post(dialog, { comment });
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="lifecycle-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} fz="md" id="lifecycle-title">
            Version {version.label}
          </Title>
          <VersionBadge state={s} size="md" />
        </Group>
        <Text fz="sm" data-testid="lifecycle-status">
          {statusLine(version)}
        </Text>
        {s === 'in_review' && objections.length > 0 && (
          <Text fz="xs" className={classes.warn}>
            {objections.length === 1
              ? 'A reviewer asked for changes'
              : `${objections.length} reviewers asked for changes`}
            : approval waits until it is sent back and resubmitted.
          </Text>
        )}
        {s === 'in_review' && version.placeholders.length > 0 && (
          <Text fz="xs" className={classes.warn}>
            {version.placeholders.length} placeholder{version.placeholders.length === 1 ? '' : 's'} left: approval waits
            until the author fills them.
          </Text>
        )}
        {buttons.length > 0 ? (
          <Group gap="xs">{buttons}</Group>
        ) : (
          <Text fz="xs" c="dimmed">
            {s === 'in_review'
              ? 'Waiting for the reviewers and the approver.'
              : 'Nothing for your role to do on this version.'}
          </Text>
        )}
        {act.isError && !dialog && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(act.error)}
          </Alert>
        )}
      </Stack>

      <CommentDialogModal
        d={d}
        comment={comment}
        setComment={setComment}
        onClose={() => setDialog(null)}
        onConfirm={confirmDialog}
        sending={sending}
      />
      <SubmitDialog
        opened={dialog === 'submit'}
        version={version}
        people={people.filter((p) => p.value !== myId)}
        onClose={() => setDialog(null)}
        onSubmit={(body) => post('submit', body)}
        sending={sending}
      />
      <NextDraftDialog
        opened={dialog === 'new-draft'}
        versionLabel={version.label}
        onClose={() => setDialog(null)}
        onStart={(material) => act.mutate({ to: `${documentPath(orgId, doc.id)}/versions`, body: { material } })}
        sending={sending}
      />
    </Paper>
  );
}
