import type { DocumentType } from '@fortytwo/catalog';
import { documentCode, renderBlocks, ROLE_LABELS, VERSION_STATE_LABELS, versionLabel } from '@fortytwo/domain';
import { changeLogSection, personWithRole } from '../../platform/documents/control-block';
import type { DocSection, ReportDocument } from '../../platform/documents/model';
import { nowIso } from '../../platform/ids';
import type { Deps } from '../../platform/transaction';
import { builtinCatalog } from '../catalog/builtin';
import {
  labelOf,
  memberNames,
  parseContent,
  stateOf,
  versionsOf,
  type DocumentRow,
  type VersionRow,
} from './repository';
import { renderRegister } from './registers';
import { readSettings } from './settings';

// One version of a controlled document as the report model that docx.ts and pdf.ts print: the
// identification every page carries (code, version, classification), the control facts under the
// title (owner, approver, approval, review cycle, what it serves), the sections, and the revision
// history up to this version. A register's draft renders live; once submitted, its frozen copy.

export type Rendered = { report: ReportDocument; registerBasis: string | null };

/** The rendering of a register as of now, frozen into a version when it goes to review. */
export async function liveRegister(deps: Deps, orgId: string, type: DocumentType) {
  const r = await renderRegister(deps, orgId, type.register!);
  return { sections: r.sections, orientation: r.orientation, basis: r.basis };
}

/** `deps.db` may be an open transaction (see `within`): every read here goes through it. */
export async function renderVersion(
  deps: Deps,
  orgId: string,
  doc: DocumentRow,
  v: VersionRow,
  type: DocumentType,
): Promise<Rendered> {
  const db = deps.db;
  const [org, settings, names, all] = await Promise.all([
    db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow(),
    readSettings(db, orgId),
    memberNames(db, orgId),
    versionsOf(db, orgId, [doc.id]),
  ]);
  const code = documentCode(settings.codePrefix, doc.prefix, doc.number);
  const state = stateOf(v);
  const content = parseContent(v);
  let sections: DocSection[];
  let orientation: 'portrait' | 'landscape' = 'portrait';
  let registerBasis: string | null = null;
  if (content.kind === 'narrative') {
    sections = content.sections.map((s) => ({ heading: s.title, blocks: renderBlocks(s.body) }));
  } else {
    const r = content.frozen ?? (await liveRegister(deps, orgId, type));
    // A record's frozen copy is always there; a register draft renders live.
    sections = r.sections;
    orientation = r.orientation;
    registerBasis = r.basis;
  }
  const iso = builtinCatalog();
  const serves = type.refs.map((r) => `${r} ${iso.item('iso42001', r)?.title ?? ''}`.trim());
  const approval = v.approvedAt
    ? `${v.approvedAt.slice(0, 10)} by ${v.approvedByName ?? ''}${v.approvalComment ? ` (“${v.approvalComment}”)` : ''}`
    : state === 'published'
      ? `Published without a new approval (non-material change) by ${v.publishedByName ?? ''}`
      : 'Not approved';
  const history = all
    .filter(
      (x) =>
        (x.major < v.major || (x.major === v.major && x.minor <= v.minor)) &&
        (x.id === v.id || x.approvedAt || x.publishedAt),
    )
    .reverse()
    .map((x) => ({
      version: labelOf(x),
      date: (x.publishedAt ?? x.approvedAt ?? x.createdAt).slice(0, 10),
      by: (x.createdBy ? names.get(x.createdBy) : null) ?? 'Fortytwo',
      change: x.changeSummary || (x.major === 1 && x.minor === 0 ? 'First version' : ''),
      approvedBy: x.approvedByName ?? '',
    }));
  const report: ReportDocument = {
    title: v.title,
    subtitle: code,
    organizationName: org.name,
    generatedAt: nowIso(),
    pageHeader: `${code} · version ${versionLabel(v)}${state === 'published' || state === 'approved' ? '' : ` · ${VERSION_STATE_LABELS[state].toUpperCase()}`} · ${settings.classification}`,
    meta: [
      ['Document', code],
      ['Version', `${versionLabel(v)} (${VERSION_STATE_LABELS[state].toLowerCase()})`],
      // "Dana Whitfield, Approver (top management)": a comma, since some role labels carry brackets of their own.
      [
        'Owner',
        personWithRole(
          doc.ownerId ? (names.get(doc.ownerId) ?? 'a former member') : 'Not named',
          ROLE_LABELS[type.ownerRole],
        ),
      ],
      [
        'Approver',
        personWithRole(
          doc.approverId ? (names.get(doc.approverId) ?? 'a former member') : 'Not named',
          ROLE_LABELS[type.approverRole],
        ),
      ],
      ['Approved', approval],
      ...(v.publishedAt
        ? ([['Effective', `${v.publishedAt.slice(0, 10)}; next review ${v.nextReviewAt ?? ''}`]] as [string, string][])
        : []),
      [
        'Review',
        type.kind === 'record'
          ? 'A record: frozen when signed off, never revised'
          : `Every ${type.reviewMonths} months, and after a significant change`,
      ],
      ['Classification', settings.classification],
      ['Serves', serves.join('; ')],
      ...(registerBasis ? ([['Rendered from', registerBasis]] as [string, string][]) : []),
      ['Retention', type.retention],
    ],
    // The same change-log builder as every export's control block (platform/documents/control-block.ts).
    sections: [...sections, changeLogSection(history, 'Revision history')],
    orientation,
    fileName: `${code}-v${versionLabel(v)}`,
  };
  return { report, registerBasis };
}
