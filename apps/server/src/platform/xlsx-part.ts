import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ZipError, zipEntryChunks, type ZipEntry } from './zip';
import { XlsxError, type XlsxLimits } from './xlsx-types';

// One part of the workbook (an XML file in its zip) streamed through a SAX parser as it is inflated, and
// the few helpers the parts' readers share (xlsx-reader.ts, xlsx-sheet-rows.ts).

export const count = (n: number) => n.toLocaleString('en');
/** How far the XML of one value may run: an escaped character takes up to 10 characters (&#x10FFFF;). */
export const maxSource = (limits: XlsxLimits) => limits.maxCellChars * 10 + 1024;
export const local = (name: string) => name.slice(name.indexOf(':') + 1);
export const unreadable = (part: string, why: string) =>
  new XlsxError('unreadable', `The workbook's part ${part} ${why}.`);

export type Handlers = {
  open: (tag: SaxesTagPlain) => void;
  text?: (text: string) => void;
  close?: (tag: SaxesTagPlain) => void;
};
/**
 * The parser keeps a text until its element closes: `openValue` tells which value element is open
 * (a number that changes with every element), and one may not run on for more than `maxSource`
 * characters of XML, so a value over the limit is refused before its closing tag ever arrives.
 */
export type TextGuard = { openValue: () => number | null; maxSource: number; tooLong: () => XlsxError };

const notWellFormed = (part: string, err: unknown) =>
  unreadable(part, `is not well-formed XML (${err instanceof Error ? err.message : String(err)})`);

/** Streams one part through a SAX parser, yielding after each chunk so the caller can hand over what it completed. */
export async function* parseChunks(
  zip: Buffer,
  entry: ZipEntry,
  handlers: Handlers,
  guard?: TextGuard,
): AsyncGenerator<void> {
  const parser = new SaxesParser();
  parser.on('doctype', () => {
    throw unreadable(entry.name, 'declares a document type, which spreadsheets never write');
  });
  parser.on('opentag', handlers.open);
  if (handlers.text) parser.on('text', handlers.text);
  if (handlers.close) parser.on('closetag', handlers.close);
  const decoder = new StringDecoder('utf8');
  let first = true;
  let open: number | null = null;
  let openSince = 0;
  const write = (s: string) => {
    try {
      parser.write(s);
    } catch (err) {
      throw err instanceof XlsxError ? err : notWellFormed(entry.name, err);
    }
  };
  try {
    for await (const chunk of zipEntryChunks(zip, entry)) {
      let s = decoder.write(chunk);
      if (first && s.length) {
        s = s.replace(/^\uFEFF/, '');
        first = false;
      }
      write(s);
      if (guard) {
        const now = guard.openValue();
        if (now === null || now !== open) {
          open = now;
          openSince = parser.position - s.length; // at most one chunk early: the bound is generous anyway
        } else if (parser.position - openSince > guard.maxSource) throw guard.tooLong();
      }
      yield;
    }
    write(decoder.end());
    try {
      parser.close();
    } catch (err) {
      throw err instanceof XlsxError ? err : notWellFormed(entry.name, err);
    }
    yield;
  } catch (err) {
    if (err instanceof ZipError) throw new XlsxError(err.kind, `The workbook ${err.message}.`);
    throw err;
  }
}

export async function parsePart(zip: Buffer, entry: ZipEntry, handlers: Handlers, guard?: TextGuard): Promise<void> {
  for await (const _ of parseChunks(zip, entry, handlers, guard));
}
