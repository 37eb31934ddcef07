import { PASSWORD_HINT } from '@fortytwo/domain';

export const INVITATION_TEXT = {
  title: (org: string) => `Join ${org}`,
  intro: (role: string) => `You are invited to join as ${role}.`,
  invitedEmail: 'Invitation for',
  role: 'Role',
  accessUntil: 'Access until',
  createAccount: 'Create your account to accept',
  name: 'Your name',
  password: 'Choose a password',
  passwordHint: PASSWORD_HINT,
  acceptAndCreate: 'Create account and join',
  accept: 'Accept invitation',
  signInToAccept: (email: string) => `An account for ${email} already exists. Sign in with it to accept.`,
  signIn: 'Sign in to accept',
  wrongUser: (me: string, invited: string) =>
    `You are signed in as ${me}, but this invitation is for ${invited}. Sign out, then open the link again.`,
  signOut: 'Sign out',
  invalidTitle: 'This invitation link does not work',
  goHome: 'Go to Fortytwo',
} as const;
