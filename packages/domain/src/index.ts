export * from './glossary.js';
export * from './limits.js';
export * from './credit-code.js';
export * from './policy.js';
export * from './labels.js';
export * from './registry-rules.js';
export * from './text.js';
export * from './draw/index.js';
