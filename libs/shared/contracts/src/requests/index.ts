export * from './common.js';
export * from './accounts.js';
export * from './catalogue.js';
export * from './consultations.js';
export * from './organisations.js';
export * from './moderation.js';
export * from './exports.js';
export * from './issues.js';
