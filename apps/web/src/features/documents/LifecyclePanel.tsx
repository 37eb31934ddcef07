import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
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
import { formatDate, formatDateTime } from '../../ui/format';
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
import classes from './documents.module.css';

type Dialog = null | 'submit' | 'agree' | 'changes' | 'approve' | 'send-back' | 'withdraw' | 'new-draft';

const DIALOGS: Record<
  Exclude<Dialog, null | 'submit' | 'new-draft'>,
  { title: string; confirm: string; commentLabel: string; required: boolean; danger?: boolean }
> = {
  agree: { title: 'Agree with this version', confirm: 'Agree', commentLabel: 'Comment (optional)', required: false },
  changes: {
    title: 'Ask for changes',
    confirm: 'Ask for changes',
    commentLabel: 'What should change?',
    required: true,
  },
  approve: {
    title: 'Approve this version',
    confirm: 'Approve',
    commentLabel: 'Approval note (optional), such as the meeting where it was decided',
    required: false,
  },
  'send-back': {
    title: 'Send back to the author',
    confirm: 'Send back',
    commentLabel: 'What should the author change?',
    required: true,
    danger: true,
  },
  withdraw: {
    title: 'Withdraw this version',
    confirm: 'Withdraw',
    commentLabel: 'Why is it taken out of use?',
    required: true,
    danger: true,
  },
};

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
  const [reviewers, setReviewers] = useState<string[]>([]);
  const [due, setDue] = useState('');
  const [summary, setSummary] = useState(version.changeSummary || (version.label === '1.0' ? 'First issue' : ''));
  const [materialNext, setMaterialNext] = useState('minor');
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

      <Modal opened={!!d} onClose={() => setDialog(null)} title={d?.title}>
        {d && (
          <Stack gap="sm">
            <Textarea
              label={d.commentLabel}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              autosize
              minRows={3}
              required={d.required}
              data-autofocus
            />
            {act.isError && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(act.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                Cancel
              </Button>
              <Button
                color={d.danger ? 'red' : undefined}
                onClick={confirmDialog}
                loading={act.isPending}
                disabled={d.required && !comment.trim()}
              >
                {d.confirm}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal
        opened={dialog === 'submit'}
        onClose={() => setDialog(null)}
        title={`Submit version ${version.label} for review`}
      >
        <Stack gap="sm">
          <MultiSelect
            label="Reviewers"
            description="Each gets a task in “My tasks”. Leave empty to send it straight to the approver."
            data={people.filter((p) => p.value !== myId)}
            value={reviewers}
            onChange={setReviewers}
            searchable
            clearable
          />
          <TextInput
            type="date"
            label="Review deadline"
            value={due}
            onChange={(e) => setDue(e.currentTarget.value)}
            w={200}
          />
          <Textarea
            label="What changed in this version"
            description="Shown in the revision table of the document."
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            autosize
            minRows={2}
            required
          />
          {version.placeholders.length > 0 && (
            <Text fz="xs" className={classes.warn}>
              {version.placeholders.length} placeholder{version.placeholders.length === 1 ? '' : 's'} left: reviewers
              can read it, but it cannot be approved until they are filled.
            </Text>
          )}
          {act.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(act.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              Cancel
            </Button>
            <Button
              onClick={() => post('submit', { reviewerIds: reviewers, dueDate: due || null, changeSummary: summary })}
              loading={act.isPending}
              disabled={!summary.trim()}
            >
              Submit for review
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={dialog === 'new-draft'} onClose={() => setDialog(null)} title="Start the next draft">
        <Stack gap="sm">
          <Text fz="sm">Version {version.label} stays in force while the draft is written.</Text>
          <Radio.Group value={materialNext} onChange={setMaterialNext} label="How big is the change?">
            <Stack gap={6} mt={6}>
              <Radio
                value="minor"
                label="Not material (a correction, a new name): a minor version, published without a new approval"
              />
              <Radio
                value="major"
                label="Material (new commitments, new scope): a major version that needs review and approval"
              />
            </Stack>
          </Radio.Group>
          {act.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(act.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              Cancel
            </Button>
            <Button
              onClick={() =>
                act.mutate({
                  to: `${documentPath(orgId, doc.id)}/versions`,
                  body: { material: materialNext === 'major' },
                })
              }
              loading={act.isPending}
            >
              Start the draft
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

const DONE: Record<string, (v: VersionSummary) => string> = {
  submit: (v) => `Version ${v.label} sent for review.`,
  recall: (v) => `Version ${v.label} recalled: it is a draft again.`,
  reviews: () => 'Your review is recorded.',
  'send-back': (v) => `Version ${v.label} sent back to its author.`,
  approve: (v) => `Version ${v.label} approved. Its files are kept by SHA-256.`,
  publish: (v) => `Version ${v.label} is now in force.`,
  withdraw: (v) => `Version ${v.label} withdrawn.`,
};

function statusLine(v: VersionDetail): string {
  switch (v.state) {
    case 'draft':
      return v.material
        ? 'A draft. A material change: it needs review and approval before it is published.'
        : 'A draft of a minor change: it can be published without a new approval.';
    case 'in_review':
      return `In review since ${formatDateTime(v.submittedAt)}${v.reviewDue ? `, due ${formatDate(v.reviewDue)}` : ''}.`;
    case 'approved':
      return `Approved by ${v.approvedBy?.name ?? 'someone'} on ${formatDateTime(v.approvedAt)}${v.approvalComment ? ` (“${v.approvalComment}”)` : ''}. Ready to publish.`;
    case 'published':
      return `In force since ${formatDateTime(v.publishedAt)}. Next review ${formatDate(v.nextReviewAt)}.`;
    case 'superseded':
    case 'withdrawn':
      return `${v.endReason ?? 'Out of use'} (${formatDateTime(v.endedAt)}).`;
  }
}
