import type { Mail } from './mailer';

// Every message is plain text plus a simple HTML copy of the same words: no images, no tracking
// pixels, no rewritten links. The organization's name is in the subject when there is one.

export type Paragraph = string | { link: string; label: string } | { list: { text: string; link?: string }[] };

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function compose(to: string, subject: string, paragraphs: Paragraph[]): Mail {
  const text = paragraphs
    .map((p) =>
      typeof p === 'string'
        ? p
        : 'link' in p
          ? `${p.label}: ${p.link}`
          : p.list.map((i) => `- ${i.text}${i.link ? `\n  ${i.link}` : ''}`).join('\n'),
    )
    .concat(['—\nFortytwo. You can choose which reminders you receive on your Account page.'])
    .join('\n\n');
  const body = paragraphs
    .map((p) =>
      typeof p === 'string'
        ? `<p>${escape(p)}</p>`
        : 'link' in p
          ? `<p><a href="${escape(p.link)}">${escape(p.label)}</a></p>`
          : `<ul>${p.list.map((i) => `<li>${i.link ? `<a href="${escape(i.link)}">${escape(i.text)}</a>` : escape(i.text)}</li>`).join('')}</ul>`,
    )
    .join('\n');
  const html = `<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">\n${body}\n<p style="color:#666">Fortytwo. You can choose which reminders you receive on your Account page.</p></body></html>`;
  return { to, subject, text, html };
}
