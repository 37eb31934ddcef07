export const NOTIFICATIONS_TEXT = {
  bell: (unread: number) => (unread ? `Notifications, ${unread} unread` : 'Notifications'),
  title: 'Notifications',
  empty: 'Nothing yet. Reminders of work that is due or overdue, and your daily digest, appear here.',
  markAllRead: 'Mark all read',
  emailed: 'Also sent by email',
  open: 'Open',
  settingsTitle: 'Reminders and digest',
  settingsHint: (email: boolean) =>
    email
      ? 'Sent to your email address and shown under the bell. A reminder comes the day something assigned to you is due or overdue (at most one a day); the digest lists everything open once a day.'
      : 'This server does not send email: they appear under the bell. A reminder comes the day something assigned to you is due or overdue (at most one a day); the digest lists everything open once a day.',
  reminders: 'Reminders of due and overdue work',
  digest: 'Daily digest',
  saved: 'Your reminder settings are saved.',
} as const;
