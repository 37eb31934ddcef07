// The server's one clock. Every "now" and "today" the server writes or compares against (approval
// dates, due and overdue, file names, generated-at stamps) comes from here, so a test can pin the
// day instead of computing "today" apart from the server and racing it across midnight.

let source: () => number = Date.now;

export const now = (): Date => new Date(source());
export const nowIso = (): string => now().toISOString();
/** Today's date (YYYY-MM-DD) in UTC, as the server sees it. */
export const today = (): string => nowIso().slice(0, 10);

/** For tests: the clock the server reads from now on (null: the system clock again). */
export function setClock(clock: (() => number) | null): void {
  source = clock ?? Date.now;
}

/** For tests: a clock running at real speed from `start` (an ISO instant). */
export function clockFrom(start: string): () => number {
  const offset = Date.parse(start) - Date.now();
  return () => Date.now() + offset;
}
