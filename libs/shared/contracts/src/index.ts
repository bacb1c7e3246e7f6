export * from './errors.js';
export * from './catalogue.js';
export * from './health.js';
export * from './locales.js';
export * from './live-events.js';
export * from './lists.js';
export * from './accounts.js';
export * from './consultations.js';
