// What the web app may import: schemas and enums, nothing that reads files.
export * from './format';
export * from './custom-control';
