import { FormatError, InputError, IoError, describeValue } from '../../core/errors.js';

/**
 * Reads a UTF-8 text file. `node:fs` is imported lazily so that importing graphgen/datasets never
 * touches the file system (and still loads where there is none).
 */
export async function readTextFile(path: string, argument: string): Promise<string> {
  if (typeof path !== 'string' || path.length === 0) throw InputError.invalid(argument, 'a file path', describeValue(path));
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new IoError(`${argument}: cannot read ${JSON.stringify(path)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, {
      argument,
      actual: path,
      cause: err,
    });
  }
}

/** Lists the entries of a directory (sorted by name). */
export async function listDirectory(path: string, argument: string): Promise<string[]> {
  if (typeof path !== 'string' || path.length === 0) throw InputError.invalid(argument, 'a directory path', describeValue(path));
  const { readdir } = await import('node:fs/promises');
  try {
    return (await readdir(path)).sort();
  } catch (err) {
    throw new IoError(`${argument}: cannot list ${JSON.stringify(path)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, {
      argument,
      actual: path,
      cause: err,
    });
  }
}

/** Whether a path exists. */
export async function pathExists(path: string): Promise<boolean> {
  const { access } = await import('node:fs/promises');
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Re-throws a parse error with the file name in front of the message (line number kept). */
export function inFile<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof FormatError) {
      const line = err.details.line;
      const message = line === undefined ? err.message : err.message.replace(/^line \d+: /, '');
      throw new FormatError(`${file}: ${message}`, { ...err.details, cause: err });
    }
    throw err;
  }
}
