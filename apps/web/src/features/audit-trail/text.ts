export const AUDIT_TEXT = {
  title: 'Audit trail',
  description:
    'Every change in this organization, who made it and when, in a hash chain: each entry seals the one before it, so an altered, removed or inserted entry is detected by the verification.',
  verify: 'Verify chain',
  verifyOk: (n: number) => `The chain is intact: ${n} entr${n === 1 ? 'y' : 'ies'} checked, none altered, removed or inserted.`,
  verifyOkTitle: 'Chain verified',
  verifyBrokenTitle: 'The chain is broken',
  verifyBroken: (n: number, id: string) => `${n} entr${n === 1 ? 'y' : 'ies'} checked. The first entry that does not match its seal is ${id}. Restore from a backup and investigate who had database access.`,
  entityType: 'Record type',
  all: 'All records',
  seq: '#',
  when: 'When',
  who: 'Who',
  what: 'What happened',
  record: 'Record',
  changes: 'Changes',
  seal: 'Seal',
  empty: 'No entries yet.',
  loadMore: 'Load older entries',
  showing: (n: number) => `${n} entr${n === 1 ? 'y' : 'ies'} shown, newest first`,
  system: 'System',
} as const;

export const ENTITY_LABELS: Record<string, string> = {
  ai_system: 'AI system',
  membership: 'Membership',
  invitation: 'Invitation',
  organization: 'Organization',
  user: 'User',
  api_token: 'API token',
};

export const ACTION_LABELS: Record<string, string> = {
  'ai_system.created': 'Added an AI system',
  'ai_system.updated': 'Changed an AI system',
  'ai_system.deleted': 'Deleted an AI system',
  'organization.created': 'Created the organization',
  'organization.updated': 'Renamed the organization',
  'membership.created': 'Joined the organization',
  'membership.updated': 'Changed a membership',
  'membership.deleted': 'Removed a member',
  'invitation.created': 'Invited someone',
  'invitation.revoked': 'Revoked an invitation',
};

export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action.replace(/[._]/g, ' ');
