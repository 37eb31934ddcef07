import { createRequire } from 'node:module';
import path from 'node:path';

// pdfmake set up once for every PDF the server draws. It is pure JavaScript, so the server needs
// no native library; the bundled Roboto is the only font, so output looks the same everywhere.

// pdfmake is a CommonJS singleton whose methods ES module named imports cannot see.
const require = createRequire(import.meta.url);
export const pdfmake = require('pdfmake') as typeof import('pdfmake');
const fontDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
// Documents are built from our data only: no URL is fetched, no file read but the fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontDir + path.sep));
