import { createRequire } from 'node:module';
import type Nodemailer from 'nodemailer';
import type { Config } from '../config';

// One mailer for the whole server (reminders, digests, invitations, password resets): nodemailer
// over SMTP when SMTP_URL is set. Without it `enabled` is false and callers keep their in-app path
// (notifications under the bell, links shown to whoever created them).

export type Mail = { to: string; subject: string; text: string; html: string };
export type Mailer = { enabled: boolean; from: string | undefined; send: (mail: Mail) => Promise<void> };

const disabled: Mailer = {
  enabled: false,
  from: undefined,
  send: () => Promise.reject(new Error('Email is not configured (SMTP_URL is not set)')),
};

// Built once per configuration: the transport keeps no connection between messages, so there is
// nothing to close at shutdown.
// nodemailer is loaded with the first mailer, so a server without SMTP_URL never loads it (start-up).
const require = createRequire(import.meta.url);
const mailers = new WeakMap<Config['mail'], Mailer>();

export function mailerOf(config: Pick<Config, 'mail'>): Mailer {
  const { smtpUrl, from } = config.mail;
  if (!smtpUrl || !from) return disabled;
  let m = mailers.get(config.mail);
  if (!m) {
    const nodemailer = require('nodemailer') as typeof Nodemailer;
    const transport = nodemailer.createTransport(smtpUrl);
    m = {
      enabled: true,
      from,
      send: async (mail) => {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      },
    };
    mailers.set(config.mail, m);
  }
  return m;
}
