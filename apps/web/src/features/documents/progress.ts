import type { MasterItem } from './api';

/** Step 3's progress: mandatory lines met by a document in force (or records kept) without a problem, of all mandatory lines. */
export function masterProgress(items: MasterItem[]) {
  const mandatory = items.filter((i) => i.mandatory);
  const met = mandatory.filter(
    (i) => (i.state === 'published' || i.state === 'records') && i.problems.length === 0,
  ).length;
  const inForce = mandatory.filter((i) => i.state === 'published').length;
  const withProblems = items.filter((i) => i.problems.length > 0).length;
  return { required: mandatory.length, met, inForce, withProblems };
}
