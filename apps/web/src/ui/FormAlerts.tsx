import { Alert } from '@mantine/core';
import { DraftOffer } from './DraftOffer';
import { formatDateTime } from './format';
import { StaleConflictAlert, type ConflictRow } from './StaleConflictAlert';

type Versioned = { version: number; updatedAt?: string | null };

/** The words of a stale-version conflict, the same on every form. */
export const STALE_TEXT = {
  body: (current: number, base: number, at: string | null) =>
    `Your changes were not saved, and nothing was overwritten. The saved version is ${current} (you started from ${base})${at ? `, last saved ${at}` : ''}. The table shows where their saved version and your edits differ.`,
  reapplied: 'Their version is loaded with your changes re-applied on top. Review the form and save again.',
  nothingChanged: 'Nothing changed: there is nothing to save.',
  labels: {
    field: 'Field',
    theirs: 'Their saved value',
    yours: 'Your value',
    reapply: 'Load their version and re-apply my changes',
    discard: 'Discard my changes',
  },
  dismiss: 'Dismiss',
} as const;

/**
 * What sits above a form over a versioned record: the stale-version conflict (someone saved
 * first), a notice (after re-applying, or when nothing changed) and the form-level error. Takes
 * what `useVersionedSave` returns.
 */
export function FormAlerts({
  saver,
  staleTitle,
  formError,
}: {
  saver: {
    conflict: { base: Versioned; current: Versioned } | null;
    conflictRows: ConflictRow[];
    resolve: (reapply: boolean) => void;
    notice: string | null;
    setNotice: (n: string | null) => void;
    draft?: { at: string; restore: () => void; discard: () => void } | null;
  };
  staleTitle: string;
  formError: string | null | undefined;
}) {
  const { conflict, draft } = saver;
  return (
    <>
      {draft && <DraftOffer draft={draft} />}
      {conflict && (
        <StaleConflictAlert
          conflict={conflict}
          title={staleTitle}
          body={STALE_TEXT.body(
            conflict.current.version,
            conflict.base.version,
            conflict.current.updatedAt ? formatDateTime(conflict.current.updatedAt) : null,
          )}
          rows={saver.conflictRows}
          labels={STALE_TEXT.labels}
          onReapply={() => saver.resolve(true)}
          onDiscard={() => saver.resolve(false)}
        />
      )}
      {saver.notice && (
        <Alert
          color="blue"
          variant="light"
          withCloseButton
          onClose={() => saver.setNotice(null)}
          closeButtonLabel={STALE_TEXT.dismiss}
        >
          {saver.notice}
        </Alert>
      )}
      {formError && (
        <Alert color="red" variant="light" role="alert">
          {formError}
        </Alert>
      )}
    </>
  );
}
