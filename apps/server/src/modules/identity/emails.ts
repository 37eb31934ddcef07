import type { Config } from '../../platform/config';
import { compose } from '../../platform/mail/compose';
import { mailerOf } from '../../platform/mail/mailer';

// The account emails (issue 21): an invitation and a password reset link, sent when SMTP is
// configured. The link is still returned to whoever created it (the earlier hand-over path, and the
// fallback when a message bounces); `emailed` says whether the message left.

type MailDeps = { config: Pick<Config, 'mail'>; log: (message: string) => void };

async function send(deps: MailDeps, mail: ReturnType<typeof compose>): Promise<boolean> {
  const mailer = mailerOf(deps.config);
  if (!mailer.enabled) return false;
  try {
    await mailer.send(mail);
    return true;
  } catch (err) {
    deps.log(`Email to ${mail.to} failed: ${(err as Error).message}`);
    return false;
  }
}

export function sendInvitation(
  deps: MailDeps,
  i: { email: string; organizationName: string; inviterName: string; role: string; token: string; expiresAt: string },
): Promise<boolean> {
  const link = `${deps.config.mail.publicUrl}/invitations/${i.token}`;
  return send(
    deps,
    compose(i.email, `${i.inviterName} invites you to ${i.organizationName} on Fortytwo`, [
      `${i.inviterName} invites you to join ${i.organizationName} on Fortytwo as ${i.role.replace(/_/g, ' ')}.`,
      { label: 'Accept the invitation', link },
      `The link works once, until ${i.expiresAt.slice(0, 10)}. If you did not expect this, ignore this message.`,
    ]),
  );
}

export function sendPasswordReset(
  deps: MailDeps,
  r: {
    email: string;
    name: string;
    token: string;
    expiresAt: string;
    organizationName: string | null;
    requestedBy: string | null;
  },
): Promise<boolean> {
  const link = `${deps.config.mail.publicUrl}/reset-password/${r.token}`;
  return send(
    deps,
    compose(r.email, `Set a new Fortytwo password${r.organizationName ? ` (${r.organizationName})` : ''}`, [
      r.requestedBy
        ? `${r.requestedBy}, an owner of ${r.organizationName ?? 'your organization'}, created a link for you to set a new password.`
        : 'Someone (hopefully you) asked to set a new password for this Fortytwo account.',
      { label: 'Set a new password', link },
      `The link works once, until ${r.expiresAt.replace('T', ' ').slice(0, 16)} UTC. If you did not ask for it, ignore this message: your password stays as it is.`,
    ]),
  );
}
