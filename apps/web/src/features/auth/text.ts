import { PASSWORD_HINT } from '@fortytwo/domain';

export const AUTH_TEXT = {
  setupTitle: 'Set up Fortytwo',
  setupIntro:
    'Create the first account and your organization. You will be its owner and can invite your team, auditors and consultants afterwards. There is no default password: choose yours now.',
  name: 'Your name',
  email: 'Email',
  password: 'Password',
  passwordHint: PASSWORD_HINT,
  organizationName: 'Organization name',
  organizationHint: 'The organization that seeks ISO/IEC 42001 certification. You can add more later.',
  setupSubmit: 'Create account and organization',
  loginTitle: 'Sign in to Fortytwo',
  loginIntro: 'Your ISO/IEC 42001 certification workbench.',
  loginSubmit: 'Sign in',
  alreadySetUp: 'Fortytwo is already set up. Sign in with your account.',
  forgotLink: 'Forgot your password?',
  forgotTitle: 'Set a new password',
  forgotIntro:
    'Enter the email address of your account. If this server sends email, a one-time link to set a new password arrives within minutes.',
  forgotSubmit: 'Email me a link',
  backToLogin: 'Back to sign-in',
  invitedHint: 'New here? Open the invitation link a colleague sent you to create your account.',
  footer: 'Self-hosted. Your data stays on your server.',
  ssoButton: (label: string) => `Sign in with ${label}`,
  ssoOr: 'or with your email and password',
  ssoErrors: {
    state:
      'That sign-in link was already used, has expired, or was opened in another browser. Start again with the button below.',
    provider:
      'Your identity provider’s answer could not be verified, so you were not signed in. Try again; if it keeps happening, ask your administrator to check the single sign-on set-up.',
    email:
      'Your identity provider did not confirm an email address for your account, which Fortytwo needs to find you. Ask your administrator.',
    no_account:
      'You have no Fortytwo account yet. Ask an owner of your organization for an invitation (or to allow your email domain), then sign in again.',
  } as Record<string, string>,
  ssoErrorFallback: 'Single sign-on did not work. Try again, or sign in with your password.',
} as const;
