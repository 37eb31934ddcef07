import { REVIEW_INPUT_INFO, REVIEW_STATUS_LABELS } from '@fortytwo/domain';
import type { DocSection, ReportDocument } from '../../platform/documents/model';
import type { ReviewOut } from './service';
import { nowIso } from '../../platform/clock';

// The minutes of a management review as one document model (platform/documents renders DOCX and
// PDF from it). Everything comes from the stored review: once held the pack is frozen, once signed
// off nothing changes, so the minutes printed later are the minutes that were signed.

const orNone = (s: string) => (s.trim() ? s.trim().split(/\n+/) : ['None recorded.']);

export function minutesDocument(organizationName: string, r: ReviewOut): ReportDocument {
  const sections: DocSection[] = [
    {
      heading: 'Attendees',
      table: {
        columns: [
          { header: 'Name', width: 3 },
          { header: 'Email', width: 3 },
          { header: 'Top management', width: 1.5 },
          { header: 'Role', width: 1.5 },
        ],
        rows: r.attendees.map((a) => [
          a.name,
          a.email,
          a.topManagement ? 'Yes' : 'No',
          a.id === r.chairId ? 'Chair' : '',
        ]),
      },
    },
  ];
  if (r.warnings.length) sections.push({ heading: 'Warnings', bullets: r.warnings });
  sections.push({
    heading: 'Inputs (9.3.2)',
    paragraphs: [
      r.packFrozen
        ? `Figures as compiled when the review was held (${r.heldAt?.slice(0, 10) ?? r.meetingDate}), compared with ${
            r.packSince ? `the previous review of ${r.packSince}` : 'nothing earlier: this is the first review'
          }.`
        : 'Draft: the review is not held yet, so these figures are live and will change until it is.',
    ],
  });
  for (const input of r.pack) {
    const info = REVIEW_INPUT_INFO[input.key];
    const check = r.inputs.find((i) => i.key === input.key);
    sections.push({
      heading: `${info.clause} ${info.title}`,
      paragraphs: [input.summary, ...(check?.warning ? [`Warning: ${check.warning}`] : [])],
      bullets: input.items.length ? input.items : undefined,
      table: input.figures.length
        ? {
            columns: [
              { header: 'Figure', width: 4 },
              { header: 'Value', width: 1 },
            ],
            rows: input.figures.map((f) => [f.label, f.value]),
          }
        : undefined,
    });
  }
  sections.push(
    { heading: 'Decisions on continual improvement', paragraphs: orNone(r.improvementDecisions) },
    { heading: 'Decisions on changes to the AIMS', paragraphs: orNone(r.changeDecisions) },
    { heading: 'Resource needs', paragraphs: orNone(r.resourceNeeds) },
    {
      heading: 'Actions',
      ...(r.actions.length
        ? {
            table: {
              columns: [
                { header: 'Action', width: 4 },
                { header: 'Owner', width: 2 },
                { header: 'Due date', width: 1.5 },
                { header: 'Status', width: 1.5 },
              ],
              rows: r.actions.map((a) => [a.title, a.owner?.name ?? '', a.dueDate ?? '', a.status.replace('_', ' ')]),
            },
          }
        : { paragraphs: ['No action recorded.'] }),
    },
    { heading: 'Conclusion on suitability, adequacy and effectiveness', paragraphs: orNone(r.conclusion) },
  );
  if (r.notes.trim()) sections.push({ heading: 'Notes', paragraphs: orNone(r.notes) });
  sections.push({
    heading: 'Sign-off',
    paragraphs: [
      r.signedOffBy
        ? `Signed off by ${r.signedOffBy.name} (chair) on ${r.signedOffAt!.slice(0, 10)}. These minutes are a record and no longer change.`
        : 'Not signed off yet.',
    ],
  });
  return {
    title: `Management review minutes ${r.ref}`,
    subtitle: r.title,
    organizationName,
    generatedAt: nowIso(),
    meta: [
      ['Reference', r.ref],
      ['Meeting date', r.meetingDate],
      ['Chair', r.chair?.name ?? 'None named'],
      ['Status', REVIEW_STATUS_LABELS[r.status]],
      ...(r.signedOffBy
        ? ([['Signed off by', `${r.signedOffBy.name}, ${r.signedOffAt!.slice(0, 10)}`]] as [string, string][])
        : []),
    ],
    sections,
    orientation: 'portrait',
    pageHeader: `${r.ref} · ${REVIEW_STATUS_LABELS[r.status]}`,
    fileName: `management-review-${r.ref}`,
  };
}
