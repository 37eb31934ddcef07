import { PASSWORD_HINT } from '@fortytwo/domain';

export const ACCOUNT_TEXT = {
  title: 'Your account',
  description: (name: string, email: string) => `Signed in as ${name} (${email}).`,
  passwordTitle: 'Change password',
  passwordHint:
    'You need your current password. Your other sessions (other browsers and devices) end; this one stays signed in. API tokens keep working: revoke them on the API tokens page if needed.',
  currentPassword: 'Current password',
  newPassword: 'New password',
  newPasswordHint: PASSWORD_HINT,
  repeatPassword: 'New password again',
  repeatDiffers: 'The two new passwords differ. Type the same one twice.',
  change: 'Change password',
  changed: (others: number) =>
    others === 0 ? 'Password changed.' : `Password changed. ${others} other session${others === 1 ? '' : 's'} ended.`,
  sessionsTitle: 'Where you are signed in',
  sessionsListHint:
    'Each browser or device signed in to your account. Sign one out if you no longer use it or do not recognise it; a sign-in from a new device also sends you an email.',
  device: 'Device',
  address: 'Address',
  how: 'Signed in with',
  signedIn: 'Signed in',
  lastUsed: 'Last used',
  thisSession: 'This session',
  signOutOne: 'Sign out',
  signOutOneLabel: (device: string, when: string) => `Sign out ${device}, signed in ${when}`,
  signOutOneTitle: 'Sign this session out?',
  signOutOneBody: (device: string) =>
    `${device} will be signed out and need your password (or single sign-on) to come back.`,
  signedOutOne: (device: string) => `${device} is signed out.`,
  via: { password: 'Password', sso: 'Single sign-on', setup: 'First-run setup' } as Record<string, string>,
  noSessions: 'No other session: only this browser is signed in.',
  everywhereTitle: 'Sign out everywhere',
  sessionsHint:
    'Ends every session of yours, in every browser and device, this one included: use it if you signed in on a computer you no longer control. Sessions also end after 14 days without use, and 30 days after sign-in at the latest (unless your administrator set other limits). API tokens keep working.',
  signOutEverywhere: 'Sign out everywhere',
  confirmTitle: 'Sign out everywhere?',
  confirmBody: 'Every session of yours ends, this one too: you will sign in again here. API tokens keep working.',
  apiTokens: 'API tokens',
  apiTokensHint: 'Personal tokens for the CLI and integrations are managed on their own page.',
  openTokens: 'Open API tokens',
  // The public page a reset link opens.
  resetTitle: 'Set a new password',
  resetIntro: (email: string) =>
    `For the account ${email}. Every session of this account ends when the new password is set.`,
  resetUntil: (when: string) => `This link works once, until ${when}.`,
  resetSubmit: 'Set password',
  resetDone: 'Your new password is set. Sign in with it.',
  resetInvalidTitle: 'This reset link does not work',
  goToSignIn: 'Go to sign in',
} as const;
