import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Mail as a person would read it: the API writes every message to `<DATA_DIR>/outbox/*.eml` when
 * SMTP_URL is unset; these helpers find the newest one to an address and follow its link.
 */
const MAIL_WAIT_MS = 15_000;

function outboxDir(): string {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error('E2E_DATA_DIR is not set: run through apps/web-e2e/jest.config.mjs');
  return join(dataDir, 'outbox');
}

/** Quoted-printable → text: soft line breaks (`=\r\n`) go, `=XX` becomes byte XX (so `=3D` is `=`), read as UTF-8. */
function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

interface MimePart {
  headers: string;
  body: string;
}

function splitPart(raw: string): MimePart {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return { headers: raw, body: '' };
  return { headers: raw.slice(0, match.index), body: raw.slice(match.index + match[0].length) };
}

/** A header's value, with folded continuation lines joined. */
function header(headers: string, name: string): string | null {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded);
  return match ? match[1].trim() : null;
}

function decodeBody(part: MimePart): string {
  const encoding = (header(part.headers, 'Content-Transfer-Encoding') ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body);
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return part.body;
}

/** The text/plain part of a message (the whole body when it is not multipart). */
function plainText(raw: string): string {
  const message = splitPart(raw);
  const contentType = header(message.headers, 'Content-Type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return decodeBody(message);
  const parts = message.body
    .split(`--${boundary}`)
    .slice(1)
    .map((part) => splitPart(part.replace(/^\r?\n/, '')));
  const text = parts.find((part) => /^text\/plain/i.test(header(part.headers, 'Content-Type') ?? ''));
  if (!text) throw new Error('the mail has no text/plain part');
  return decodeBody(text);
}

/** The newest mail to `address` that contains a link to `path`, waiting for it to be written. */
export async function mailLink(address: string, path: string): Promise<URL> {
  const deadline = Date.now() + MAIL_WAIT_MS;
  const pattern = new RegExp(`https?://[^\\s"'<>]+${path}#token=[A-Za-z0-9_-]+`);
  for (;;) {
    let files: string[] = [];
    try {
      files = readdirSync(outboxDir()).filter((name) => name.endsWith('.eml'));
    } catch {
      // The outbox folder appears with the first mail.
    }
    const newestFirst = files.map((name) => join(outboxDir(), name)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    for (const file of newestFirst) {
      const raw = readFileSync(file, 'utf8');
      const to = header(splitPart(raw).headers, 'To') ?? '';
      if (!to.toLowerCase().includes(address.toLowerCase())) continue;
      const link = pattern.exec(plainText(raw));
      if (link) return new URL(link[0]);
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${address} with a ${path} link in ${outboxDir()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
