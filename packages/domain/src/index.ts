export * from './enums';
export * from './permissions';
export * from './ai-system';
export * from './csv';
export * from './org';
export * from './gap';
export * from './action';
export * from './context';
