import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { GapItemPatch } from '@fortytwo/domain';
import { api, isApiError } from '../../api/client';
import type { People, PersonRef, WithPeople } from '../../api/people';
import { errorMessage } from '../../ui/QueryState';
import { assessmentKey, gapKey, itemPath, type GapAssessment, type GapItem } from './api';

// Saving as you go: every answer is applied to the page at once (optimistically) and sent in the
// background, one request at a time, each with the version the previous one returned. Changes to
// the same requirement made while a save is in flight are merged into the next request.

export type ItemPatch = Omit<GapItemPatch, 'version'>;
export type PatchField = keyof ItemPatch;

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: number } | { kind: 'error'; message: string };

/** 409 STALE_VERSION: someone saved the requirement first. `base` is what the user saw before changing it. */
export type ItemConflict = { ref: string; base: GapItem; current: GapItem; mine: ItemPatch };

type Pending = { ref: string; patch: ItemPatch; base: GapItem };

const pick = (item: GapItem, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, item[k as keyof GapItem]])) as Partial<GapItem>;

export function useItemSaver(orgId: string, assessmentId: string) {
  const qc = useQueryClient();
  const key = useMemo(() => assessmentKey(orgId, assessmentId), [orgId, assessmentId]);
  const queue = useRef<Pending[]>([]);
  const busy = useRef(false);
  const failed = useRef<Pending[]>([]);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [conflict, setConflict] = useState<ItemConflict | null>(null);
  const [errors, setErrors] = useState<Record<string, Partial<Record<PatchField, string>>>>({});

  const itemOf = useCallback(
    (ref: string) => qc.getQueryData<GapAssessment>(key)?.items.find((i) => i.ref === ref),
    [qc, key],
  );
  /** Changes one item on the page; `people` names its owner when the change brought one. */
  const writeItem = useCallback(
    (ref: string, change: (i: GapItem) => GapItem, people?: People) =>
      qc.setQueryData<GapAssessment>(
        key,
        (a) =>
          a && {
            ...a,
            items: a.items.map((i) => (i.ref === ref ? change(i) : i)),
            people: people ? { ...a.people, ...people } : a.people,
          },
      ),
    [qc, key],
  );
  const setFieldErrors = (
    ref: string,
    change: (e: Partial<Record<PatchField, string>>) => Partial<Record<PatchField, string>>,
  ) => setErrors((all) => ({ ...all, [ref]: change(all[ref] ?? {}) }));

  /** Takes every queued change of one requirement out of the queue, merged in order. */
  const takeAll = (ref: string): ItemPatch => {
    const mine = queue.current.filter((p) => p.ref === ref);
    queue.current = queue.current.filter((p) => p.ref !== ref);
    return Object.assign({}, ...mine.map((p) => p.patch)) as ItemPatch;
  };

  const pump = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setState({ kind: 'saving' });
    let problem: string | null = null;
    try {
      while (queue.current.length > 0) {
        const first = queue.current[0]!;
        const { ref, base } = first;
        const patch = takeAll(ref);
        const current = itemOf(ref);
        if (!current) continue;
        try {
          const { people, ...saved } = await api.patch<GapItem & WithPeople>(itemPath(orgId, assessmentId, ref), {
            version: current.version,
            ...patch,
          });
          // Changes queued meanwhile stay visible on top of what the server answered.
          const later = Object.assign(
            {},
            ...queue.current.filter((p) => p.ref === ref).map((p) => p.patch),
          ) as ItemPatch;
          writeItem(ref, (i) => ({ ...saved, files: i.files, ...later }), people);
        } catch (e) {
          // The conflict names the item as stored, its owner embedded (an error, not a read answer).
          const stored = isApiError(e, 'STALE_VERSION')
            ? (e.details as { current?: GapItem & { owner?: PersonRef | null } } | undefined)?.current
            : undefined;
          if (stored) {
            const { owner, ...theirs } = stored;
            const mine = { ...patch, ...takeAll(ref) };
            writeItem(ref, (i) => ({ ...theirs, files: i.files }), owner ? { [owner.id]: owner } : undefined);
            setConflict({ ref, base, current: theirs, mine });
            continue;
          }
          // Refused or not sent: the page goes back to what was saved, and the message shows on its field.
          writeItem(ref, (i) => ({ ...i, ...pick(base, Object.keys(patch)) }));
          if (isApiError(e) && (e.code === 'RULE_VIOLATION' || e.code === 'VALIDATION')) {
            const field =
              (e.details as { field?: string } | undefined)?.field ??
              e.issues[0]?.path.replace(/^body\./, '').split('.')[0];
            const at = (field && field in patch ? field : Object.keys(patch)[0]) as PatchField;
            setFieldErrors(ref, (f) => ({ ...f, [at]: e.message }));
          } else {
            failed.current.push({ ref, patch, base });
            problem = errorMessage(e);
          }
        }
      }
    } finally {
      busy.current = false;
    }
    setState(problem ? { kind: 'error', message: problem } : { kind: 'saved', at: Date.now() });
    // Scores, lists and the progress chart follow; the questionnaire's own copy is already current.
    void qc.invalidateQueries({
      queryKey: gapKey(orgId),
      predicate: (q) => !(q.queryKey[2] === 'one' && q.queryKey[3] === assessmentId),
    });
  }, [orgId, assessmentId, qc, itemOf, writeItem]);

  /** Shows the change at once and queues it for saving. */
  const save = useCallback(
    (ref: string, patch: ItemPatch) => {
      const base = itemOf(ref);
      if (!base || Object.keys(patch).length === 0) return;
      setFieldErrors(ref, (f) => Object.fromEntries(Object.entries(f).filter(([k]) => !(k in patch))));
      writeItem(ref, (i) => ({ ...i, ...patch }));
      queue.current.push({ ref, patch, base });
      void pump();
    },
    [itemOf, writeItem, pump],
  );

  /** After a network failure: sends the changes that did not go through again. */
  const retry = useCallback(() => {
    const again = failed.current;
    failed.current = [];
    for (const p of again) save(p.ref, p.patch);
  }, [save]);

  const resolveConflict = useCallback(
    (reapply: boolean) => {
      if (!conflict) return;
      setConflict(null);
      if (reapply) save(conflict.ref, conflict.mine);
    },
    [conflict, save],
  );

  /** A message the page found before sending (N/A without a justification, a malformed link). */
  const setError = useCallback((ref: string, field: PatchField, message: string | null) => {
    setErrors((all) => {
      const mine = { ...(all[ref] ?? {}) };
      if (message) mine[field] = message;
      else delete mine[field];
      return { ...all, [ref]: mine };
    });
  }, []);

  // Leaving the page while a save is on its way would lose it: the browser asks first.
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (busy.current || queue.current.length > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, []);

  return { state, save, retry, conflict, resolveConflict, errors, setError };
}

export type ItemSaver = ReturnType<typeof useItemSaver>;
