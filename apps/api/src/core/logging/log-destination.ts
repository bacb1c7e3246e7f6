import sonicBoom, { type SonicBoom as SonicBoomStream } from 'sonic-boom';

// A CommonJS module whose export is the class itself; its typings describe an ES default export.
const SonicBoom = sonicBoom as unknown as typeof SonicBoomStream;

/** Log bytes held while stdout cannot take them; beyond this, lines are dropped rather than memory grown. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

let destination: SonicBoomStream | undefined;
let dropped = 0;

/**
 * Where the logs go in a real process: stdout, written asynchronously and never waited on.
 *
 * pino's own stdout destination flushes synchronously when the process exits and retries a full
 * pipe forever; when whatever read the output has gone (Ctrl-C on `npm start | pino-pretty`, a
 * stalled log shipper) that flush never ends and the process outlives SHUTDOWN_TIMEOUT_MS. Here a
 * broken pipe stops the logging, a full one buffers up to MAX_BUFFERED_BYTES and then drops lines,
 * and the shutdown flushes for a bounded time (`flushLogs`) before it exits.
 */
export function stdoutDestination(): SonicBoomStream {
  if (destination) return destination;
  const stream = new SonicBoom({ fd: 1, sync: false, maxLength: MAX_BUFFERED_BYTES });
  stream.on('drop', () => {
    dropped++;
  });
  stream.on('error', () => {
    // EPIPE (the reader is gone) or any other write failure: nothing more can be logged to stdout.
    stream.write = () => true;
  });
  destination = stream;
  return stream;
}

/** Lines dropped because stdout could not take them (reported once, on stderr, at shutdown). */
export function droppedLogLines(): number {
  return dropped;
}

/** Waits until the buffered lines are written, or `timeoutMs` has passed: never longer. */
export function flushLogs(timeoutMs: number): Promise<void> {
  const stream = destination;
  // sonic-boom's flush() returns at once when minLength is 0; 'drain' is what says the writes are done.
  if (!stream || !(stream as unknown as { _writing?: boolean })._writing) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stream.off('drain', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    timer.unref();
    stream.once('drain', done);
  });
}
