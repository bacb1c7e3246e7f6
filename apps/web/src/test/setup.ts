import { TextDecoder, TextEncoder } from 'node:util';

// jsdom leaves out TextEncoder/TextDecoder, which react-router's module graph touches at import time.
if (typeof globalThis.TextEncoder === 'undefined') {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
}

// The header listens for notifications on a live socket while signed in: none in unit tests
// (a test that wants one passes a fake through setNotificationSocketForTests).
const { setNotificationSocketForTests } = await import('../features/notifications/hooks/use-live-notifications');
setNotificationSocketForTests(null);

// Likewise the exports page's progress socket: none unless a test passes a fake.
const { setExportSocketForTests } = await import('../features/exports/hooks/use-export-jobs');
setExportSocketForTests(null);

// A lazy route's first import (its chunk, and zod for a page with a form) can take seconds on a
// busy machine; waiting longer for what a person would see costs nothing when it comes at once.
// Jest's per-test limit (jest.config.mjs) stays well above it, for tests that wait out a timeout.
// From the DOM library, not React's: importing @testing-library/react here, before Jest defines
// afterEach, would keep it from registering its cleanup between tests.
const { configure } = await import('@testing-library/dom');
configure({ asyncUtilTimeout: 3000 });
