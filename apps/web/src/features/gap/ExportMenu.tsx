import { DownloadMenu } from '../../ui/DownloadMenu';
import { EXPORTS, exportHref } from './api';
import { GAP_TEXT as T } from './text';

/** The assessment as a workbook, a CSV file, or the gap report. */
export function ExportMenu({ orgId, assessmentId }: { orgId: string; assessmentId: string }) {
  return (
    <DownloadMenu
      label={T.exportMenu}
      hint={T.exportHint}
      items={EXPORTS.map((f) => ({ format: f, href: exportHref(orgId, assessmentId, f), label: T.exports[f] }))}
    />
  );
}
