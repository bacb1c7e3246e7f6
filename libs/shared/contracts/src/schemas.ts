/**
 * The zod schemas of the contract: every request shape (validated by the API and the web forms) and
 * the response shapes defined as schemas. A separate entry point (`@compact-voices/contracts/schemas`)
 * so that code needing only types and constants — the first page, most tests — never loads zod.
 */
export * from './requests/index.js';
export * from './responses/index.js';
