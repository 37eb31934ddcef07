export const TASKS_TEXT = {
  title: 'My tasks',
  nav: 'My tasks',
  description:
    'Everything assigned to you in every organization you belong to (actions, reviews, approvals and other due work), overdue first.',
  emptyTitle: 'Nothing is waiting for you',
  emptyBody:
    'Actions appear here when someone assigns one to you, for example when gaps from the gap analysis are turned into actions. Each one links back to the requirement it closes.',
  openGapAnalysis: 'Open the gap analysis',
  columns: { task: 'Task', kind: 'Kind', organization: 'Organization', due: 'Due', status: 'Status' },
  kindFilter: 'Show only these kinds',
  open: 'Open',
  more: '(the 500 most urgent are shown)',
  overdue: 'Overdue',
  noDueDate: 'No due date',
  gapSource: (ref: string) => `Gap ${ref}`,
  manualSource: 'Added by hand',
  status: (title: string) => `Status of ${title}`,
  statusChanged: (title: string, status: string) => `"${title}" is now ${status.toLowerCase()}.`,
  doneGone: 'Done work leaves this list; it stays where it was recorded.',
  readOnly: 'Your role in this organization cannot change actions.',
  count: (n: number) => `${n} open task${n === 1 ? '' : 's'}`,
  staleRefreshed:
    'Someone changed this action since you loaded the list. The list now shows their version; change the status again if you still need to.',
  bulkMarkDone: 'Mark done',
  bulkDone: (n: number) => `${n} action${n === 1 ? '' : 's'} marked done`,
} as const;
