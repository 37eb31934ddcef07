import { createRequire } from 'node:module';
import path from 'node:path';
import { onFirstUse } from '../on-first-use';

// pdfmake set up once for every PDF the server draws. It is pure JavaScript, so the server needs
// no native library; the bundled Roboto is the only font, so output looks the same everywhere.

// pdfmake is a CommonJS singleton whose methods ES module named imports cannot see. It (with pdfkit and
// fontkit) is loaded by the first PDF drawn, not when the server starts: most starts never draw one.
const require = createRequire(import.meta.url);
type Pdfmake = typeof import('pdfmake');

/** pdfmake, set up on first use: the fonts, the access policies and the shared faces below. */
export const pdfmake: () => Pdfmake = onFirstUse(() => {
  const p = require('pdfmake') as Pdfmake;
  const fontDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  p.setFonts({
    Roboto: {
      normal: path.join(fontDir, 'Roboto-Regular.ttf'),
      bold: path.join(fontDir, 'Roboto-Medium.ttf'),
      italics: path.join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  // Documents are built from our data only: no URL is fetched, no file read but the fonts.
  p.setUrlAccessPolicy(() => false);
  p.setLocalAccessPolicy((f) => path.resolve(f).startsWith(fontDir + path.sep));
  shareFaces();
  return p;
});

// Every PDF is drawn with the same four Roboto faces. pdfkit would parse each face again and shape
// every word again for each document; instead the first document's parsed faces, and the words
// shaped so far, are shared by the documents after it, which halves the time a PDF takes
// (bench/documents.ts). Only read-only things are shared: each document still embeds its own subset
// of the glyphs it uses, and a shaped word is the same whatever document it is in. The word cache
// is emptied when it grows past WORDS_KEPT, so it cannot grow with everything ever printed. Faces
// are keyed by family and style: the font files are set once, above. This reaches into pdfmake's
// PDFDocument and pdfkit's embedded font (pdfmake 0.3, pdfkit 0.19); documents.test.ts checks that
// a PDF comes out the same with shared faces as with fresh ones, so an upgrade that breaks it fails there.
type SharedFace = { font: unknown; words: Record<string, unknown> };
type EmbeddedFace = { font: unknown; subset: unknown; layoutCache?: Record<string, unknown> };
type PdfmakeDocument = {
  prototype: {
    provideFont: (this: PdfmakeDocumentInstance, family: string, bold: boolean, italics: boolean) => EmbeddedFace;
  };
};
type PdfmakeDocumentInstance = {
  fontCache: Record<string, Record<string, unknown> | undefined>;
  getFontType(bold: boolean, italics: boolean): string;
};

const WORDS_KEPT = 20_000;
const faces = new Map<string, SharedFace>();
/** Forgets the shared faces (tests: the next PDF parses and shapes from scratch). */
export const forgetSharedFaces = () => faces.clear();
/** The faces shared so far, as family/type (tests). */
export const sharedFaces = () => [...faces.keys()].sort();

function shareFaces() {
  const PDFDocument = (require('pdfmake/js/PDFDocument') as { default: PdfmakeDocument }).default;
  const provideFont = PDFDocument.prototype.provideFont;
  PDFDocument.prototype.provideFont = function (family, bold, italics) {
    const type = this.getFontType(bold, italics);
    const opened = this.fontCache[family]?.[type] !== undefined;
    const face = provideFont.call(this, family, bold, italics);
    if (opened) return face;
    const key = `${family}/${type}`;
    let shared = faces.get(key);
    if (!shared || Object.keys(shared.words).length > WORDS_KEPT) {
      shared = { font: shared?.font ?? face.font, words: Object.create(null) as Record<string, unknown> };
      faces.set(key, shared);
    }
    if (shared.font !== face.font) {
      // The same file parsed again: use the first parse, with a subset of this document's own.
      face.font = shared.font;
      face.subset = (shared.font as { createSubset(): unknown }).createSubset();
    }
    if (face.layoutCache) face.layoutCache = shared.words;
    return face;
  };
}
