import { Button, Menu } from '@mantine/core';
import {
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconFileTypeCsv,
  IconFileTypeDocx,
  IconFileTypePdf,
  IconFileZip,
  IconJson,
  type Icon,
} from '@tabler/icons-react';

export type DownloadFormat = 'xlsx' | 'csv' | 'docx' | 'pdf';
/** A download: one of the formats of the same data, or a package (zip) of several files. */
/** `json`: a machine-readable exchange format (OSCAL) beside the human-readable ones. */
export type Download = { format: DownloadFormat | 'zip' | 'json'; href: string; label: string };

const ICONS: Record<Download['format'], Icon> = {
  xlsx: IconFileSpreadsheet,
  csv: IconFileTypeCsv,
  docx: IconFileTypeDocx,
  pdf: IconFileTypePdf,
  zip: IconFileZip,
  json: IconJson,
};

/** One "Export" button whose menu offers the same data in several formats: plain downloads. */
export function DownloadMenu({ label, hint, items }: { label: string; hint?: string; items: Download[] }) {
  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {items.map((d) => {
          const Icon = ICONS[d.format];
          return (
            <Menu.Item key={d.href} component="a" href={d.href} download leftSection={<Icon size={16} />}>
              {d.label}
            </Menu.Item>
          );
        })}
        {hint && (
          <Menu.Label c="var(--mantine-color-text)" fw={400}>
            {hint}
          </Menu.Label>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

/** A register's two downloads, from the path its server routes share (`…/export.csv`, `…/export.xlsx`). */
export const registerDownloads = (exportBase: string, query = ''): Download[] => [
  { format: 'xlsx', href: `${exportBase}.xlsx${query}`, label: 'Excel workbook (.xlsx)' },
  { format: 'csv', href: `${exportBase}.csv${query}`, label: 'CSV file (.csv)' },
];
