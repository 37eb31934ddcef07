import type { ExpiryState } from '@fortytwo/domain';

export const EVIDENCE_TEXT = {
  panelTitle: 'Evidence',
  panelHint:
    'Files and links from the evidence library that show this is done. One piece of evidence can serve many records.',
  none: 'No evidence attached yet.',
  attachExisting: 'Attach from the library',
  attachPlaceholder: 'Search by title or EV number',
  attach: 'Attach',
  upload: 'Upload a file',
  addLink: 'Add a link',
  linkTitle: 'Title',
  linkUrl: 'Link',
  save: 'Save',
  cancel: 'Cancel',
  detach: (ref: string) => `Detach ${ref}`,
  detachTitle: 'Detach this evidence?',
  detachBody: (ref: string, title: string) =>
    `${ref} "${title}" stays in the evidence library; it is only no longer attached here.`,
  detachConfirm: 'Detach',
  attached: (ref: string) => `${ref} attached`,
  uploaded: (name: string) => `${name} added to the evidence library and attached`,
  expires: (d: string) => `review by ${d}`,
  open: 'Open',
  download: 'Download',
};

export const EXPIRY_BADGE: Record<ExpiryState, { label: string; color: string }> = {
  current: { label: 'Current', color: 'teal' },
  expiring: { label: 'Expiring', color: 'yellow' },
  expired: { label: 'Expired', color: 'red' },
};
