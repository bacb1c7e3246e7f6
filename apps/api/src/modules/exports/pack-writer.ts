import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import yazl from 'yazl';

/**
 * A zip of files in the given order, every entry dated `mtime` and deflated the same way each
 * time: the same files give a byte-identical archive.
 */
export async function writeZip(path: string, entries: Array<{ name: string; path: string }>, mtime: Date): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addFile(entry.path, entry.name, { mtime, mode: 0o100644, compress: true });
  const out = createWriteStream(path);
  zip.outputStream.pipe(out);
  zip.end();
  await once(out, 'finish');
}
