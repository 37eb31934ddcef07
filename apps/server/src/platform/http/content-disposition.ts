import { withoutControls } from '../files';

// Every download names its file through this one function (RFC 6266 with RFC 5987 encoding).
// A header may only carry Latin-1, and a browser saves whatever `filename` says, so:
// - plain printable ASCII keeps the one quoted form: attachment; filename="AI policy v1.2.pdf";
// - anything else adds an ASCII fallback (accents dropped, other characters, quotes, backslashes
//   and percent signs replaced by "_") and the exact name, UTF-8 percent-encoded, in filename*,
//   which every current browser prefers.
// The `content-disposition` package (already installed under @fastify/static) was not used: it
// writes token names unquoted (filename=report.pdf), falls back with "?" (a character Windows
// refuses in a file name), and keeps bidi controls in filename*.

/** Lone UTF-16 surrogates cannot be percent-encoded (encodeURIComponent throws): they become U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const PLAIN_ASCII = /^[\x20-\x21\x23-\x24\x26-\x5b\x5d-\x7e]+$/; // printable, without " % \

/** RFC 5987 value-chars: encodeURIComponent leaves ' ( ) * as they are, which are not attr-chars. */
const percentEncode = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function asciiFallback(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // the accents NFKD split off: "résumé" → "resume"
    .replace(/[^\x20-\x7e]+/g, '_')
    .replace(/["%\\]/g, '_')
    .trim();
  return ascii.replace(/^[_ ]*$/, '') ? ascii : 'download';
}

/** The Content-Disposition value that offers `fileName` as a download. */
export function attachment(fileName: string): string {
  const name = withoutControls(fileName.replace(LONE_SURROGATE, '\uFFFD')).normalize('NFC').trim() || 'download';
  if (PLAIN_ASCII.test(name)) return `attachment; filename="${name}"`;
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${percentEncode(name)}`;
}
