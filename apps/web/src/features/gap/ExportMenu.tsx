import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileTypeCsv, IconFileTypeDocx, IconFileTypePdf, type Icon } from '@tabler/icons-react';
import { EXPORTS, exportHref, type ExportFormat } from './api';
import { GAP_TEXT as T } from './text';

const ICONS: Record<ExportFormat, Icon> = { xlsx: IconFileSpreadsheet, csv: IconFileTypeCsv, docx: IconFileTypeDocx, pdf: IconFileTypePdf };

/** The assessment as a workbook, a CSV file, or the gap report: plain downloads. */
export function ExportMenu({ orgId, assessmentId }: { orgId: string; assessmentId: string }) {
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />}>
          {T.exportMenu}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {EXPORTS.map((f) => {
          const Icon = ICONS[f];
          return (
            <Menu.Item key={f} component="a" href={exportHref(orgId, assessmentId, f)} download leftSection={<Icon size={16} />}>
              {T.exports[f]}
            </Menu.Item>
          );
        })}
        <Menu.Label>{T.exportHint}</Menu.Label>
      </Menu.Dropdown>
    </Menu>
  );
}
