import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

// A real SMTP server in the test process (the `smtp-server` package): the app's nodemailer
// transport talks SMTP to it over TCP, and the tests count and read what arrived.

export type Received = { to: string[]; subject: string; raw: string; text: string };

/** Undoes quoted-printable (soft line breaks and =XX bytes) so tests can read bodies and links. */
function unQuote(raw: string): string {
  const bytes = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

export type MailCatcher = {
  url: string;
  messages: Received[];
  to: (email: string) => Received[];
  waitFor: (pred: (m: Received) => boolean, ms?: number) => Promise<Received>;
  close: () => Promise<void>;
};

export async function startSmtp(): Promise<MailCatcher> {
  const messages: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1]?.replace(/\r?\n[ \t]/g, ' ') ?? '';
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), subject, raw, text: unQuote(raw) });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (email) => messages.filter((m) => m.to.includes(email)),
    waitFor: async (pred, ms = 5000) => {
      const until = Date.now() + ms;
      for (;;) {
        const found = messages.find(pred);
        if (found) return found;
        if (Date.now() > until)
          throw new Error(
            `no such email arrived; got: ${messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ') || 'none'}`,
          );
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
