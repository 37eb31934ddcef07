import type { ReviewInput } from '@fortytwo/domain';
import { auditResults } from './audit-results';
import { contextChanges } from './context-changes';
import { improvement } from './improvement';
import { monitoring } from './monitoring';
import { nonconformities } from './nonconformities';
import { objectives } from './objectives';
import { previousActions } from './previous-actions';
import { risks } from './risks';
import type { InputContext, InputProvider } from './types';

// The one list of management review inputs (9.3.2), one small file each. A module that feeds the
// review exports a provider; adding it to the pack is one line here. The domain's checkInputPack
// says which required inputs are missing, whatever this list holds.
export const INPUT_PROVIDERS: InputProvider[] = [
  previousActions,
  contextChanges,
  nonconformities,
  monitoring,
  auditResults,
  objectives,
  risks,
  improvement,
];

/** The input pack as the registers stand now, in the order of the list. */
export async function compilePack(
  ctx: InputContext,
  providers: InputProvider[] = INPUT_PROVIDERS,
): Promise<ReviewInput[]> {
  const out: ReviewInput[] = [];
  // One after another: inside a transaction a connection runs one query at a time anyway.
  for (const p of providers) out.push(await p.compile(ctx));
  return out;
}
