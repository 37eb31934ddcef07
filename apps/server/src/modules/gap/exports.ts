import { toCsv } from '../../platform/csv';
import { nowIso } from '../../platform/ids';
import type { Deps } from '../../platform/transaction';
import { getOrganization } from '../orgs/organizations';
import { gapReport } from './report';
import { reportDocx } from './report-docx';
import { reportPdf } from './report-pdf';
import { requirementByRef } from './requirements';
import { getAssessment, scoresOf } from './service';
import { buildWorkbook } from './workbook';
import { exportRow, fileSlug, HEADERS } from './workbook-template';

// The gap assessment's downloads: the workbook (which the import reads back), the same rows as
// CSV, and the report in Word and PDF. Each answers a file name, a content type and the bytes.

export type Download = { fileName: string; contentType: string; body: Buffer | string };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const day = (iso: string) => iso.slice(0, 10);

export async function workbookDownload(deps: Deps, orgId: string, id: string): Promise<Download> {
  const [org, assessment] = await Promise.all([getOrganization(deps, orgId), getAssessment(deps, orgId, id)]);
  const exportedAt = nowIso();
  const body = await buildWorkbook({
    organizationName: org.name,
    assessment,
    items: assessment.items,
    scores: scoresOf(assessment.items),
    exportedAt,
  });
  return { fileName: `gap-assessment-${fileSlug(assessment.name)}-${day(exportedAt)}.xlsx`, contentType: XLSX, body };
}

export async function csvDownload(deps: Deps, orgId: string, id: string): Promise<Download> {
  const assessment = await getAssessment(deps, orgId, id);
  const rows = assessment.items.flatMap((item) => {
    const req = requirementByRef(item.ref);
    return req ? [exportRow(req, item)] : [];
  });
  // toCsv prefixes cells that a spreadsheet would run as formulas (CSV injection).
  return {
    fileName: `gap-assessment-${fileSlug(assessment.name)}-${day(nowIso())}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: toCsv(HEADERS, rows),
  };
}

export async function reportDownload(deps: Deps, orgId: string, id: string, format: 'docx' | 'pdf'): Promise<Download> {
  const report = await gapReport(deps, orgId, id);
  const fileName = `gap-report-${fileSlug(report.assessmentName)}-${report.reportDate}.${format}`;
  return format === 'docx'
    ? { fileName, contentType: DOCX, body: await reportDocx(report) }
    : { fileName, contentType: 'application/pdf', body: await reportPdf(report) };
}
