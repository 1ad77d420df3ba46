export * from './figures.js';
export * from './dimensions.js';
export * from './period.js';
export * from './request.js';
export * from './public-summary.js';
