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

const when = (iso: string) => `${iso.replace('T', ' ').slice(0, 16)} UTC`;

/** A sign-in from a browser this account never used before (issue 21): the person can react if it was not them. */
export function sendNewDeviceNotice(
  deps: MailDeps,
  n: { email: string; name: string; device: string; ip: string; at: string; via: string },
): Promise<boolean> {
  const how = n.via === 'sso' ? 'through single sign-on' : 'with your password';
  return send(
    deps,
    compose(n.email, 'New sign-in to your Fortytwo account', [
      `Hello ${n.name}, your Fortytwo account was signed in ${how} from a device it had not used before: ${n.device}, from the address ${n.ip}, at ${when(n.at)}.`,
      'If this was you, there is nothing to do.',
      'If it was not you, change your password and sign out everywhere on your account page:',
      { label: 'Open your account', link: `${deps.config.mail.publicUrl}/account` },
    ]),
  );
}

/** An API token acts as the person: creating one is worth a message, in case it was not them. */
export function sendTokenCreatedNotice(
  deps: MailDeps,
  t: { email: string; name: string; tokenName: string; scope: string; prefix: string; at: string },
): Promise<boolean> {
  return send(
    deps,
    compose(t.email, `A new API token was created on your Fortytwo account: ${t.tokenName}`, [
      `Hello ${t.name}, an API token named “${t.tokenName}” (starting ${t.prefix}, scope ${t.scope}) was created on your account at ${when(t.at)}. It can act as you with that scope until it is revoked.`,
      'If this was not you, revoke it on the API tokens page and change your password:',
      { label: 'Open your API tokens', link: `${deps.config.mail.publicUrl}/account/tokens` },
    ]),
  );
}
