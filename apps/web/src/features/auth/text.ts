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
  forgotIntro: 'Enter the email address of your account. If this server sends email, a one-time link to set a new password arrives within minutes.',
  forgotSubmit: 'Email me a link',
  backToLogin: 'Back to sign-in',
  invitedHint: 'New here? Open the invitation link a colleague sent you to create your account.',
  footer: 'Self-hosted. Your data stays on your server.',
} as const;
