import { rename, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { IoError } from '../../core/errors.js';

/**
 * Writes a file atomically: the data goes to `<path>.tmp`, which is then renamed over `path`
 * (rename is atomic on POSIX file systems), so a reader or a process killed mid-write never sees
 * a partial file. Creates the parent directory.
 *
 * @param path - destination
 * @param data - contents
 * @throws `IoError` when writing or renaming fails
 *
 * @example
 * ```ts
 * await atomicWriteFile('ckpt/checkpoint.json', JSON.stringify(state));
 * ```
 */
export async function atomicWriteFile(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    throw new IoError(`cannot write "${path}": ${(err as Error).message}`, { argument: 'path', cause: err });
  }
}
