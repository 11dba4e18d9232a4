// Phrase packs: format, validation, migration, signatures, lint/diff/preview for the CLI, and the
// background's source store. Pure: runs in Node and in the extension.
export * from './diff';
export * from './json-locate';
export * from './lint';
export * from './load';
export * from './migrate';
export * from './policy';
export * from './preview';
export * from './schema';
export * from './sign';
export * from './store';
export * from './text';
export * from './validate';
