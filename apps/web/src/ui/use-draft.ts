import { useEffect, useState } from 'react';
import { useMe } from '../api/session';
import { PREFIX, read, remove, type Draft } from './draft-store';

/**
 * Keeps the unsaved edit of a form as a draft while it differs from what it started from, and
 * offers the draft found when the form opens again (after a closed tab, a crash, a lost session).
 * Nothing is written while an offer waits, so an undecided draft is never overwritten.
 */
export function useDraft<V>(key: string | undefined, startedFrom: V, values: V, dirty: boolean) {
  const me = useMe().data;
  const full = key && me ? `${PREFIX}${me.user.id}.${key}` : null;
  const [offer, setOffer] = useState<Draft<V> | null>(() => (full ? read<V>(full) : null));
  // The user may be known only after the first render.
  useEffect(() => {
    if (full) setOffer((o) => o ?? read<V>(full));
  }, [full]);
  useEffect(() => {
    if (!full || offer) return;
    const t = setTimeout(() => {
      try {
        if (dirty)
          localStorage.setItem(
            full,
            JSON.stringify({ at: new Date().toISOString(), startedFrom, values } satisfies Draft<V>),
          );
        else localStorage.removeItem(full);
      } catch {
        // Storage full or unavailable: the form still works, only without a draft.
      }
    }, 500);
    return () => clearTimeout(t);
  }, [full, offer, dirty, startedFrom, values]);
  return {
    offer,
    /** Takes the offered draft (and stops offering it). */
    take: () => {
      setOffer(null);
      return offer;
    },
    /** Lets the draft go: declined, saved, or left on purpose. */
    discard: () => {
      setOffer(null);
      remove(full);
    },
  };
}
