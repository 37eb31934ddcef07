import type ExcelJS from 'exceljs';

// exceljs is the heaviest library the server uses (~180 ms and ~25 MiB to load): it is loaded with the
// first workbook written, not when the server starts, since most starts never export one.
let loaded: Promise<typeof ExcelJS> | undefined;

export function loadExcelJs(): Promise<typeof ExcelJS> {
  loaded ??= import('exceljs').then((m) => m.default);
  return loaded;
}
