import { ROLE_LABELS, type Role } from '@fortytwo/domain';
import type { AuditEvent } from '../../api/types';
import { displayValue } from '../inventory/labels';
import { FIELD_LABELS, fieldLabel } from '../inventory/text';

const BOOKKEEPING = new Set(['id', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'orgId']);
const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** A short name for the record an event is about, from its snapshot. */
export function recordName(e: AuditEvent): string | null {
  const s = { ...rec(e.before), ...rec(e.after) };
  for (const k of ['name', 'email']) if (typeof s[k] === 'string') return s[k];
  // Risks, impact assessments and the like are known by their ref and title (R-3 Model drift).
  if (typeof s.title === 'string') return typeof s.ref === 'string' ? `${s.ref} ${s.title}` : s.title;
  return null;
}

export type Change = { label: string; before: string; after: string };

const show = (field: string, v: unknown, memberName: (id: string) => string) => {
  if (field === 'role' && typeof v === 'string') return ROLE_LABELS[v as Role] ?? v;
  if ((field === 'expiresAt' || field === 'accessExpiresAt' || field === 'revokedAt') && typeof v === 'string')
    return new Date(v).toLocaleDateString();
  if (field === 'expiresAt' && v === null) return 'no end date';
  return displayValue(field, v, memberName);
};

/** Fields that differ between before and after, as people read them. */
export function changesOf(e: AuditEvent, memberName: (id: string) => string): Change[] {
  if (e.before === null || e.before === undefined || e.after === null || e.after === undefined) return [];
  const b = rec(e.before);
  const a = rec(e.after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !BOOKKEEPING.has(k));
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({
      label: (k in FIELD_LABELS ? fieldLabel(k) : null) ?? k.replace(/([A-Z])/g, ' $1').toLowerCase(),
      before: show(k, b[k], memberName),
      after: show(k, a[k], memberName),
    }));
}
