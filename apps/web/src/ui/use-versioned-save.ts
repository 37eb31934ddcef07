import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { isApiError } from '../api/client';
import { DRAFT_TEXT } from './DraftOffer';
import { STALE_TEXT } from './FormAlerts';
import { reapply } from './reapply';
import { useDraft } from './use-draft';
import { useLeaveGuard } from './use-leave-guard';
import type { ConflictRow } from './StaleConflictAlert';

type Versioned = { version: number };

/** Someone saved first: the version this edit started from, theirs, and the values being saved. */
export type Conflict<R, V> = { base: R; current: R; mine: V };

/**
 * The save of a form over a versioned record, the same everywhere: create or update, "nothing
 * changed" when an update has no changes, and a 409 STALE_VERSION turned into a conflict that
 * shows their saved values beside yours and lets you re-apply your edits on top of theirs (or drop
 * them). Each form brings what is its own: how a record becomes form values, which fields differ,
 * how a field reads, and where to go after saving.
 */
export function useVersionedSave<R extends Versioned, V, I, F extends keyof V & string = keyof V & string>(opts: {
  record: R | null;
  form: { values: V; reset: (next: V) => void; showServerError: (e: unknown) => void };
  valuesOf: (record: R) => V;
  /** The form fields whose values differ between two sets of values. */
  differing: (a: V, b: V) => readonly F[];
  /** How a field is named, and how its value reads, in the conflict table. */
  label: (field: F) => string;
  show: (field: F, values: V) => string;
  /** Absent for a record that always exists (one per organization). */
  create?: (input: I) => Promise<R>;
  /** The update from `base`; null when there is nothing to change. */
  update: (base: R, input: I) => Promise<R | null>;
  onSaved: (saved: R, created: boolean) => Promise<void> | void;
  /** After taking their version: refresh what shows it. */
  onRebased?: (current: R) => void;
  /** A form's own handling of an error (a row's message, say); true when handled. */
  onError?: (e: unknown) => boolean;
  /** A form's own words for the notices; the shared ones by default. */
  text?: { nothingChanged?: string; reapplied?: string };
  /** Keeps unsaved edits as a draft in this browser under this key (long forms), offered on return. */
  draftKey?: string;
}) {
  // The version this edit started from; after a conflict, the colleague's saved version.
  const [base, setBase] = useState<R | null>(opts.record);
  const [conflict, setConflict] = useState<Conflict<R, V> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Unsaved means: different from the version this edit started from (or from the empty form).
  const [initial] = useState(opts.form.values);
  const startedFrom = base ? opts.valuesOf(base) : initial;
  const dirty = opts.differing(startedFrom, opts.form.values).length > 0;
  const draft = useDraft(opts.draftKey, startedFrom, opts.form.values, dirty);
  // "Leave without saving" means the edits go, their draft with them.
  const guard = useLeaveGuard(dirty, draft.discard);

  // A draft goes onto the version saved now, like a re-applied conflict: only the fields it changed.
  const restoreDraft = () => {
    const d = draft.take();
    if (!d) return;
    opts.form.reset(reapply(startedFrom, d.startedFrom, d.values, opts.differing));
    setNotice(DRAFT_TEXT.restored);
  };

  const save = useMutation({
    mutationFn: async (input: I): Promise<{ saved: R | null; created: boolean }> => {
      if (base) return { saved: await opts.update(base, input), created: false };
      if (!opts.create) throw new Error('There is no record to save to: reload the page.');
      return { saved: await opts.create(input), created: true };
    },
    onSuccess: async ({ saved, created }) => {
      if (!saved) return setNotice(opts.text?.nothingChanged ?? STALE_TEXT.nothingChanged);
      draft.discard();
      // A form that stays open goes on from the version it just saved; one that moves on may.
      setBase(saved);
      await guard.allowDuring(() => opts.onSaved(saved, created));
    },
    onError: (e) => {
      const current =
        base && isApiError(e, 'STALE_VERSION') ? (e.details as { current?: R } | undefined)?.current : undefined;
      if (base && current) setConflict({ base, current, mine: opts.form.values });
      else if (!opts.onError?.(e)) opts.form.showServerError(e);
    },
  });

  const resolve = (keepMine: boolean) => {
    if (!conflict) return;
    const theirs = opts.valuesOf(conflict.current);
    setBase(conflict.current);
    opts.onRebased?.(conflict.current);
    opts.form.reset(keepMine ? reapply(theirs, opts.valuesOf(conflict.base), conflict.mine, opts.differing) : theirs);
    setConflict(null);
    setNotice(keepMine ? (opts.text?.reapplied ?? STALE_TEXT.reapplied) : null);
  };

  const rows = (c: Conflict<R, V>): ConflictRow[] => {
    const startedFrom = opts.valuesOf(c.base);
    const theirs = opts.valuesOf(c.current);
    const fields = [...new Set([...opts.differing(startedFrom, theirs), ...opts.differing(startedFrom, c.mine)])];
    return fields.map((f): ConflictRow => ({
      field: f,
      label: opts.label(f),
      theirs: opts.show(f, theirs),
      yours: opts.show(f, c.mine),
    }));
  };

  return {
    base,
    save,
    conflict,
    conflictRows: conflict ? rows(conflict) : [],
    resolve,
    notice,
    setNotice,
    draft: draft.offer ? { at: draft.offer.at, restore: restoreDraft, discard: draft.discard } : null,
  };
}
