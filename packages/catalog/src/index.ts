export * from './format';
export * from './parse';
export * from './catalog';
export * from './oscal';
export { loadBuiltinCatalog, DATA_DIR, type LoadedCatalog } from './builtin';
export * from './custom-control';
export * from './document-types';
