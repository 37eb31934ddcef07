import { Alert } from '@mantine/core';
import { formatDateTime } from '../../ui/format';
import { StaleConflictAlert, type ConflictRow } from '../../ui/StaleConflictAlert';
import { COMMON_TEXT as C } from './text';

type Versioned = { version: number; updatedAt: string | null };

/**
 * What sits above every context form: the stale-version conflict (someone saved first), a notice
 * after re-applying, and a form-level error. One block, so the three forms say it the same way.
 */
export function FormAlerts<T extends Versioned>({
  conflict,
  staleTitle,
  rows,
  onResolve,
  notice,
  onDismissNotice,
  formError,
}: {
  conflict: { base: T; current: T } | null;
  staleTitle: string;
  rows: ConflictRow[];
  onResolve: (reapply: boolean) => void;
  notice: string | null;
  onDismissNotice: () => void;
  formError: string | null | undefined;
}) {
  return (
    <>
      {conflict && (
        <StaleConflictAlert
          conflict={conflict}
          title={staleTitle}
          body={C.staleBody(C.staleWho(conflict.current.version, conflict.base.version, formatDateTime(conflict.current.updatedAt)))}
          rows={rows}
          labels={C.staleLabels}
          onReapply={() => onResolve(true)}
          onDiscard={() => onResolve(false)}
        />
      )}
      {notice && (
        <Alert color="blue" variant="light" withCloseButton onClose={onDismissNotice} closeButtonLabel={C.dismiss}>
          {notice}
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
