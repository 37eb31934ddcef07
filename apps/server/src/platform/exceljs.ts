import type ExcelJS from 'exceljs';
import { onFirstUse } from './on-first-use';

// exceljs is the heaviest library the server uses (~180 ms and ~25 MiB to load): it is loaded with the
// first workbook written, not when the server starts, since most starts never export one.
export const loadExcelJs: () => Promise<typeof ExcelJS> = onFirstUse(() => import('exceljs').then((m) => m.default));
