import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { confirmDanger } from './confirm';

export const LEAVE_TEXT = {
  title: 'Leave without saving?',
  message: 'Your changes on this page are not saved yet. If you leave now, they are lost.',
  confirm: 'Leave without saving',
};

/**
 * While a form holds unsaved changes, asks before leaving it: a link or Back inside the app opens
 * a confirmation; closing or reloading the tab gets the browser's own question. `allowDuring(fn)`
 * lets the navigations `fn` makes through unasked (the one after a successful save).
 */
export function useLeaveGuard(dirty: boolean, onLeave?: () => void) {
  const allowed = useRef(false);
  const leaving = useRef(onLeave);
  leaving.current = onLeave;
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !allowed.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    void confirmDanger({ title: LEAVE_TEXT.title, message: LEAVE_TEXT.message, confirmLabel: LEAVE_TEXT.confirm }).then(
      (leave) => {
        if (!leave) return blocker.reset();
        leaving.current?.();
        blocker.proceed();
      },
    );
  }, [blocker]);
  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty]);
  return {
    allowDuring: async (fn: () => Promise<void> | void) => {
      allowed.current = true;
      try {
        await fn();
      } finally {
        allowed.current = false;
      }
    },
  };
}
