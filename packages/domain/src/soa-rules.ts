import { z } from 'zod';
import type { AiRole } from './enums';

// What a certification auditor checks before accepting a Statement of Applicability (6.1.3), kept
// as data so it can be read, tested and extended without touching the approval code. Our own
// wording throughout; the refs are Annex A control numbers.

/**
 * Controls an organization cannot credibly exclude while it holds a role. `roles: 'any'` applies to
 * every organization (the clause behind the control is itself mandatory).
 */
export type RoleControlRule = { roles: readonly AiRole[] | 'any'; refs: readonly string[]; why: string };

export const ROLE_CONTROL_RULES: readonly RoleControlRule[] = [
  {
    roles: 'any',
    refs: ['A.2.2'],
    why: 'every AIMS has an AI policy (5.2), so the control that describes it always applies',
  },
  {
    roles: 'any',
    refs: ['A.5.2'],
    why: 'every AIMS runs AI system impact assessments (6.1.4), so the process for them always applies',
  },
  {
    roles: ['producer'],
    refs: ['A.6.1.2', 'A.6.1.3', 'A.6.2.2', 'A.6.2.3', 'A.6.2.4', 'A.6.2.5', 'A.6.2.6', 'A.6.2.7', 'A.6.2.8', 'A.7.2'],
    why: 'an AI producer designs, builds or runs AI systems, so the life-cycle controls and data for development apply',
  },
  {
    roles: ['provider'],
    refs: ['A.8.2', 'A.10.4'],
    why: 'an AI provider makes AI systems available to others, so information for users and duties toward customers apply',
  },
  {
    roles: ['customer'],
    refs: ['A.9.2', 'A.9.4', 'A.10.3'],
    why: 'an AI customer uses AI systems supplied by others, so responsible use and supplier controls apply',
  },
  {
    roles: ['partner'],
    refs: ['A.10.2', 'A.10.3'],
    why: 'an AI partner shares the work with others, so allocating responsibilities and supplier controls apply',
  },
];

/** Where a role was declared: the organization's context (4.1) or one of its AI systems. */
export type DeclaredRole = { role: AiRole; source: string };

export type RoleConflict = { ref: string; role: AiRole | 'any'; sources: string[]; why: string };

/** The excluded controls that the declared roles make applicable, one entry per control. */
export function roleConflicts(
  excludedRefs: readonly string[],
  declared: readonly DeclaredRole[],
  rules: readonly RoleControlRule[] = ROLE_CONTROL_RULES,
): RoleConflict[] {
  const out: RoleConflict[] = [];
  for (const ref of excludedRefs) {
    for (const rule of rules) {
      if (!rule.refs.includes(ref)) continue;
      if (rule.roles === 'any') {
        out.push({ ref, role: 'any', sources: [], why: rule.why });
        break;
      }
      const holding = declared.filter((d) => (rule.roles as readonly AiRole[]).includes(d.role));
      if (holding.length) {
        out.push({ ref, role: holding[0]!.role, sources: [...new Set(holding.map((d) => d.source))], why: rule.why });
        break;
      }
    }
  }
  return out;
}

export function roleConflictMessage(c: RoleConflict): string {
  if (c.role === 'any') return `${c.ref} cannot be excluded: ${c.why}.`;
  return `${c.ref} is excluded, but the organization is an AI ${c.role} (declared in ${c.sources.join(', ')}) and ${c.why}. Include it, or correct the declared role.`;
}

// Justifications an auditor reads as "no reason given": placeholders and lines that would fit any control.
const PLACEHOLDER =
  /^(tbd|tbc|todo|n\/?a|none|-+|\.+|x+|no justification( yet)?|to be (written|decided|confirmed))\.?$/i;
const GENERIC =
  /^(this (control )?is )?(needed|required|necessary|applicable|relevant|important|mandatory|useful)( for (us|our (ai )?(systems?|business|organi[sz]ation|aims)|the (aims|organi[sz]ation|business)))?\.?$/i;

/**
 * Whether an included control's reason would be written up: nothing stated and nothing behind it
 * (no risk it treats, no requirement that names it), or a placeholder or generic line alone.
 */
export function justificationGap(stated: string, backed: boolean): 'empty' | 'generic' | null {
  const s = stated.trim();
  if (!s) return backed ? null : 'empty';
  // A placeholder reads badly in the printed SoA even beside a risk.
  if (PLACEHOLDER.test(s)) return 'generic';
  if (backed) return null;
  if (GENERIC.test(s) || s.split(/\s+/).length < 3) return 'generic';
  return null;
}

/** The body of an approval that may pass warnings: the version read and, when warnings stand, why they are accepted. */
export const ZApprovalAcknowledgement = z
  .string({ error: 'acknowledgement must be text' })
  .trim()
  .max(2000, 'The acknowledgement must be at most 2000 characters')
  .optional()
  .describe(
    'Required when warnings stand: why the approver accepts them. Kept with the approval and shown in its history.',
  );

/** A recorded acknowledgement: the approver's words and the warnings they were shown. */
export type Acknowledgement = { text: string; warnings: { code: string; message: string }[] };

/**
 * The one rule every approval shares: blocking findings refuse it; other warnings need the
 * approver's acknowledgement, which is kept with the approval. Returns what to record, or the refusal.
 */
export function approvalGate(
  warnings: { code: string; message: string; blocking: boolean }[],
  acknowledgement: string | undefined,
):
  | { ok: true; acknowledgement: Acknowledgement | null }
  | {
      ok: false;
      kind: 'blocked' | 'unacknowledged';
      warnings: { code: string; message: string; blocking: boolean }[];
    } {
  const blocking = warnings.filter((w) => w.blocking);
  if (blocking.length) return { ok: false, kind: 'blocked', warnings: blocking };
  const open = warnings.filter((w) => !w.blocking);
  if (!open.length) return { ok: true, acknowledgement: null };
  if (!acknowledgement?.trim()) return { ok: false, kind: 'unacknowledged', warnings: open };
  return {
    ok: true,
    acknowledgement: {
      text: acknowledgement.trim(),
      warnings: open.map((w) => ({ code: w.code, message: w.message })),
    },
  };
}
