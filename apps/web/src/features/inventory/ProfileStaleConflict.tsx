import { StaleConflictAlert } from '../../ui/StaleConflictAlert';
import type { AiSystemProfileRecord } from './api';
import { PROFILE_FIELD_LABELS, PROFILE_TEXT as T } from './profile-text';
import {
  differingParts,
  displayPart,
  profileOfRecord,
  profileOfValues,
  type ProfileFormValues,
} from './profile-values';

export type ProfileConflict = { base: AiSystemProfileRecord; current: AiSystemProfileRecord; mine: ProfileFormValues };

/**
 * 409 STALE_VERSION on a profile: their saved parts next to yours. The AI system's details share the
 * version, so a colleague who only changed the details leaves the table empty: the body says so.
 */
export function ProfileStaleConflict({
  conflict,
  onReapply,
  onDiscard,
}: {
  conflict: ProfileConflict;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const startedFrom = profileOfRecord(conflict.base);
  const theirs = profileOfRecord(conflict.current);
  const mine = profileOfValues(conflict.mine);
  const parts = [...new Set([...differingParts(startedFrom, theirs), ...differingParts(startedFrom, mine)])];
  const who = T.staleWho(conflict.current.version, conflict.base.version);
  return (
    <StaleConflictAlert
      conflict={conflict}
      title={T.staleTitle}
      body={T.staleBody(who)}
      rows={parts.map((f) => ({
        field: f,
        label: PROFILE_FIELD_LABELS[f],
        theirs: displayPart(f, theirs[f]),
        yours: displayPart(f, mine[f]),
      }))}
      labels={{
        field: T.staleField,
        theirs: T.staleTheirs,
        yours: T.staleYours,
        reapply: T.staleReapply,
        discard: T.staleDiscard,
      }}
      onReapply={onReapply}
      onDiscard={onDiscard}
    />
  );
}
