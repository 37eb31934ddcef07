export const MEMBERS_TEXT = {
  title: 'Members',
  description:
    'Who can work in this organization and with which role. External auditors get read-only access that ends on a date you set.',
  member: 'Member',
  role: 'Role',
  access: 'Access until',
  joined: 'Joined',
  actions: 'Actions',
  noExpiry: 'No end date',
  expired: 'Expired',
  you: 'you',
  edit: 'Change role or access',
  remove: 'Remove',
  removeTitle: 'Remove this member?',
  removeBody: (name: string, org: string) =>
    `${name} will lose access to ${org}. Records they own keep their history. You can invite them again later.`,
  removed: (name: string) => `${name} was removed.`,
  editTitle: (name: string) => `Change ${name}'s access`,
  expiresAt: 'Access ends on',
  expiresHint: 'Required for external auditors; leave empty for no end date.',
  save: 'Save',
  cancel: 'Cancel',
  saved: (name: string) => `${name}'s access was updated.`,
  staleMember: 'Someone else changed this membership meanwhile. The list has been reloaded: check it and try again.',
  invitations: 'Invitations',
  invitationsHint:
    'Invite people by email. They get a link valid for 14 days to create their account (or sign in) and join with the role you choose.',
  inviteTitle: 'Invite someone',
  email: 'Email',
  invite: 'Create invitation',
  inviteLinkTitle: 'Invitation created: send this link',
  inviteLinkNote: (email: string) =>
    `Send this link to ${email} yourself (this server does not send email). It is shown only once: copy it now.`,
  inviteLinkLabel: 'invitation link',
  inviteEmailedTitle: 'Invitation sent by email',
  inviteEmailedNote: (email: string) =>
    `Fortytwo emailed the link to ${email}. If it does not arrive, send them this copy yourself. It is shown only once.`,
  noInvitations: 'No invitations yet.',
  invitee: 'Email',
  status: 'Status',
  linkValidUntil: 'Link valid until',
  revoke: 'Revoke',
  revokeTitle: 'Revoke this invitation?',
  revokeBody: (email: string) => `The link sent to ${email} will stop working.`,
  revoked: 'Invitation revoked.',
  roleHelp: 'What this role may do',
  resetLink: 'Create password reset link',
  resetTitle: 'Create a password reset link?',
  resetBody: (name: string) =>
    `Whoever opens the link can set ${name}'s password and then sign in as ${name}, once, within 24 hours. Send it to ${name} yourself, through a channel you trust. Using it signs ${name} out everywhere; an earlier link stops working now.`,
  resetConfirm: 'Create link',
  resetLinkTitle: (name: string) => `Password reset link for ${name}: send it now`,
  resetLinkNote: (email: string, until: string) =>
    `Send this link to ${email} yourself (this server does not send email). It works once, until ${until}, and is shown only now: copy it.`,
  resetEmailedNote: (email: string, until: string) =>
    `Fortytwo emailed the link to ${email}. It works once, until ${until}. If it does not arrive, send them this copy yourself; it is shown only now.`,
  resetLinkLabel: 'password reset link',
  affiliation: 'Works for the organization',
  affiliationHint:
    'External: a consultant or contractor who works for the organization from outside it. Auditors ask who is inside the AIMS and who supports it from outside (5.3, 7.1).',
  internal: 'Internal',
  external: 'External',
  topManagement: 'Top management',
  topManagementHint:
    'The people who direct the organization at the highest level. Once anyone is named, only top management can approve the AI policy and the management review.',
  topManagementBadge: 'Top management',
  externalBadge: 'External',
} as const;

export const INVITATION_STATUS_COLORS = {
  pending: 'blue',
  accepted: 'teal',
  revoked: 'gray',
  expired: 'orange',
} as const;
