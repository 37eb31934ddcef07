import { useState } from 'react';
import { Alert, Button, Group, Modal, MultiSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { errorMessage } from '../../ui/QueryState';
import type { VersionDetail } from './api';
import classes from './documents.module.css';

// The dialogs of the version life cycle (LifecyclePanel.tsx): a decision with its comment, the
// submission for review, and the start of the next draft. The panel holds which one is open and sends
// what they confirm.

export type Dialog = null | 'submit' | 'agree' | 'changes' | 'approve' | 'send-back' | 'withdraw' | 'new-draft';
export type CommentDialog = Exclude<Dialog, null | 'submit' | 'new-draft'>;

export const DIALOGS: Record<
  CommentDialog,
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

/** Where the request a dialog sends stands: its error (null when none) and whether it is on its way. */
type Sending = { error: Error | null; pending: boolean };

/** A review decision, an approval, a sending back or a withdrawal, with its comment. */
export function CommentDialogModal({
  d,
  comment,
  setComment,
  onClose,
  onConfirm,
  sending,
}: {
  d: (typeof DIALOGS)[CommentDialog] | null;
  comment: string;
  setComment: (comment: string) => void;
  onClose: () => void;
  onConfirm: () => void;
  sending: Sending;
}) {
  return (
    <Modal opened={!!d} onClose={onClose} title={d?.title}>
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
          {sending.error && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(sending.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              color={d.danger ? 'red' : undefined}
              onClick={onConfirm}
              loading={sending.pending}
              disabled={d.required && !comment.trim()}
            >
              {d.confirm}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** Submits a draft for review: the reviewers, the deadline and what changed. */
export function SubmitDialog({
  opened,
  version,
  people,
  onClose,
  onSubmit,
  sending,
}: {
  opened: boolean;
  version: VersionDetail;
  /** The members who may review (the author excluded). */
  people: { value: string; label: string }[];
  onClose: () => void;
  onSubmit: (body: { reviewerIds: string[]; dueDate: string | null; changeSummary: string }) => void;
  sending: Sending;
}) {
  const [reviewers, setReviewers] = useState<string[]>([]);
  const [due, setDue] = useState('');
  const [summary, setSummary] = useState(version.changeSummary || (version.label === '1.0' ? 'First issue' : ''));
  return (
    <Modal opened={opened} onClose={onClose} title={`Submit version ${version.label} for review`}>
      <Stack gap="sm">
        <MultiSelect
          label="Reviewers"
          description="Each gets a task in “My tasks”. Leave empty to send it straight to the approver."
          data={people}
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
            {version.placeholders.length} placeholder{version.placeholders.length === 1 ? '' : 's'} left: reviewers can
            read it, but it cannot be approved until they are filled.
          </Text>
        )}
        {sending.error && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(sending.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            onClick={() => onSubmit({ reviewerIds: reviewers, dueDate: due || null, changeSummary: summary })}
            loading={sending.pending}
            disabled={!summary.trim()}
          >
            Submit for review
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Starts the next draft from the version in force, minor or material. */
export function NextDraftDialog({
  opened,
  versionLabel,
  onClose,
  onStart,
  sending,
}: {
  opened: boolean;
  versionLabel: string;
  onClose: () => void;
  onStart: (material: boolean) => void;
  sending: Sending;
}) {
  const [materialNext, setMaterialNext] = useState('minor');
  return (
    <Modal opened={opened} onClose={onClose} title="Start the next draft">
      <Stack gap="sm">
        <Text fz="sm">Version {versionLabel} stays in force while the draft is written.</Text>
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
        {sending.error && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(sending.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => onStart(materialNext === 'major')} loading={sending.pending}>
            Start the draft
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
