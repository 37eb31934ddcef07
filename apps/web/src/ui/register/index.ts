export { RegisterTable, VIRTUALIZE_AFTER } from './RegisterTable';
export { useRegisterUrlState } from './url-state';
export type { BulkAction, RegisterColumn, RegisterProps, SortState } from './types';
export { bulkEach } from './bulk';
