import type { GapResult } from './gap';
import type { ImplementationStatus } from './soa';

// The gap analysis feeds the SoA: a control's latest gap result, offered as its implementation
// status. Kept apart from soa.ts so the SoA's own rules stay where they are.

/**
 * The implementation status a gap result suggests: conformant practice is implemented, partial
 * practice is in progress, none is not started. "Not applicable" suggests no status (that is a
 * decision to exclude, which the SoA asks for with its own justification).
 */
export function implementationFromGap(result: GapResult | null): ImplementationStatus | null {
  switch (result) {
    case 'conformant':
      return 'implemented';
    case 'partially_conformant':
      return 'in_progress';
    // Not implemented yet: the control implementation starts as planned (the SoA has no separate "not started").
    case 'nonconformant':
      return 'planned';
    case 'not_applicable':
    case null:
      return null;
  }
}
