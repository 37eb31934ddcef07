import { approvalGate, type Acknowledgement } from '@fortytwo/domain';
import { AppError, type ErrorCode } from './errors';

// Approvals of records an auditor relies on (SoA, treatment plan, impact assessment) share one
// rule: blocking findings refuse with their reasons; the remaining warnings pass only with the
// approver's acknowledgement, which the caller stores with the approval so history shows it.

type Finding = { code: string; message: string; blocking: boolean };

export function gateApproval(
  what: string,
  warnings: Finding[],
  acknowledgement: string | undefined,
  blockedCode: ErrorCode = 'NOT_READY',
): Acknowledgement | null {
  const gate = approvalGate(warnings, acknowledgement);
  if (gate.ok) return gate.acknowledgement;
  const reasons = gate.warnings.map((w) => w.message).join(' ');
  if (gate.kind === 'blocked')
    throw new AppError(blockedCode, `${what} cannot be approved yet: ${reasons}`, { warnings: gate.warnings });
  throw new AppError(
    'ACKNOWLEDGEMENT_REQUIRED',
    `${what} has warnings: give an acknowledgement saying why you approve it as it is. ${reasons}`,
    { warnings: gate.warnings },
  );
}
