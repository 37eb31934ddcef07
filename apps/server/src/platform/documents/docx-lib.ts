import type * as Docx from 'docx';
import { onFirstUse } from '../on-first-use';

export type DocxLib = typeof Docx;

// The docx library is 2 MB of JavaScript (~70 ms and a few MiB to load): it is loaded by the first
// Word document written, not when the server starts, since most starts never write one.
export const loadDocx: () => Promise<DocxLib> = onFirstUse(() => import('docx'));
